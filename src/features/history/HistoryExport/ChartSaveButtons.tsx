// "SVG" and "PNG" buttons for one chart: the chart as drawn on screen, as a file.
import { useState, type RefObject } from 'react';
import { chartImageOf, chartPng } from './chartImage';
import { downloadBlob, downloadText, slug } from './download';

interface Props {
  /** An element holding the chart's figure (a ChartCard). */
  target: RefObject<Element | null> | (() => Element | null);
  title: string;
}

export function ChartSaveButtons({ target, title }: Props) {
  const [error, setError] = useState('');
  const figure = () => {
    const root = typeof target === 'function' ? target() : target.current;
    return root?.matches('figure.chart-card') ? root : (root?.querySelector('figure.chart-card') ?? null);
  };
  const save = async (kind: 'svg' | 'png') => {
    const f = figure();
    const image = f ? chartImageOf(f) : null;
    if (!image) {
      setError(`The ${title} chart has nothing drawn yet.`);
      return;
    }
    try {
      if (kind === 'svg') downloadText(image.svg, `${slug(title)}.svg`, 'image/svg+xml');
      else downloadBlob(await chartPng(image), `${slug(title)}.png`);
      setError('');
    } catch (err) {
      setError(`Could not make the ${kind.toUpperCase()} image (${err instanceof Error ? err.message : 'unknown reason'}).`);
    }
  };
  return (
    <span className="chart-save">
      <button type="button" className="btn btn--quiet" aria-label={`Save the ${title} chart as SVG`} onClick={() => void save('svg')}>
        SVG
      </button>
      <button type="button" className="btn btn--quiet" aria-label={`Save the ${title} chart as PNG`} onClick={() => void save('png')}>
        PNG
      </button>
      <span role="alert" className="history-error">
        {error}
      </span>
    </span>
  );
}
