// The first layer's masks as pictures of the input: for each hidden unit (the first few dozen)
// which of the 28x28 pixels it still reads, and for all units together how many read each
// pixel. With magnitude pruning the border, where MNIST is always blank, empties first.
import { memo, useEffect, useId, useMemo, useRef } from 'react';
import type { MaskGallery as Gallery } from '../../../worker/compression-protocol';
import { busiest, describeGallery, gridSize, paintCounts, paintUnits } from './draw';
import './MaskGallery.css';

function Picture({ width, height, rgba, scale, label }: { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer>; scale: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    ref.current?.getContext('2d')?.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [rgba, width, height]);
  return <canvas ref={ref} width={width} height={height} style={{ width: width * scale }} className="mask-gallery__canvas" role="img" aria-label={label} />;
}

export const MaskGallery = memo(function MaskGallery({ gallery }: { gallery: Gallery }) {
  const captionId = useId();
  const grid = gridSize(gallery);
  const scale = gallery.width >= 20 ? 2 : 8;
  const what = gallery.width === 28 ? 'pixels' : 'taps';
  const units = useMemo(() => paintUnits(gallery), [gallery]);
  const counts = useMemo(() => paintCounts(gallery), [gallery]);
  const summary = useMemo(() => describeGallery(gallery), [gallery]);
  return (
    <figure className="mask-gallery" aria-labelledby={captionId}>
      <div className="mask-gallery__pictures">
        <div className="mask-gallery__panel">
          <span className="mask-gallery__label">
            {gallery.shown < gallery.units ? `First ${gallery.shown} of ${gallery.units} units` : `All ${gallery.units} units`}: {what} kept
          </span>
          <Picture width={grid.width} height={grid.height} rgba={units} scale={scale} label={`Masks of the first ${gallery.shown} units of ${gallery.layer}, one ${gallery.width} by ${gallery.height} picture each`} />
        </div>
        <div className="mask-gallery__panel">
          <span className="mask-gallery__label">Units reading each {what === 'pixels' ? 'pixel' : 'tap'}</span>
          <Picture width={gallery.width} height={gallery.height} rgba={counts} scale={scale * 2} label={`How many of the ${gallery.units} units read each input ${what === 'pixels' ? 'pixel' : 'tap'}`} />
          <span className="mask-gallery__ramp" aria-hidden="true">
            <span>0</span>
            <span className="mask-gallery__ramp-bar" />
            <span>{busiest(gallery)} (of {gallery.units})</span>
          </span>
        </div>
      </div>
      <figcaption id={captionId} className="mask-gallery__caption">
        {summary} Blue: kept; faint grey: pruned.
      </figcaption>
    </figure>
  );
});
