// The decision boundary of a 2-D model as a heat map: each cell of the worker's grid coloured
// by the class the model predicts there (paler where it is unsure), the test points on top.
// The canvas is redrawn only when a new grid arrives; a sentence under it says what it shows.
import { useEffect, useRef } from 'react';
import type { DecisionGrid } from '../../../worker/decision-grid';
import { ChartCard, type LegendItem } from '../../../shared/charts/ChartCard';
import { CLASS_STYLES } from './classStyles';
import { gridFingerprint, heatmapPixels, parseCssColor } from './heatmap';
import './DecisionBoundary.css';

/** Canvas pixels per side (CSS scales it down to the card). */
const CANVAS_PX = 320;

interface Props {
  title: string;
  grid: DecisionGrid | null;
  /** The text alternative: what the picture shows, as a sentence. */
  summary: string;
  /** Shown in place of the picture before there is a grid. */
  emptyText: string;
  /** Compressed grids: which settings they show, for tests and the curious. */
  settingsKey?: string;
}

function Marker({ shape, color }: { shape: 'circle' | 'square'; color: string }) {
  return (
    <svg width="12" height="12" aria-hidden="true">
      {shape === 'circle' ? (
        <circle cx="6" cy="6" r="4.5" fill={color} stroke="#fff" strokeWidth="1.2" />
      ) : (
        <rect x="1.5" y="1.5" width="9" height="9" fill={color} stroke="#fff" strokeWidth="1.2" />
      )}
    </svg>
  );
}

const LEGEND: LegendItem[] = CLASS_STYLES.map((c) => ({ label: c.label, color: c.color, icon: <Marker shape={c.marker} color={c.color} /> }));

function draw(canvas: HTMLCanvasElement, grid: DecisionGrid): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const surface = parseCssColor(getComputedStyle(canvas).getPropertyValue('--surface'), [255, 255, 255]);
  const cells = document.createElement('canvas');
  cells.width = grid.size;
  cells.height = grid.size;
  cells.getContext('2d')!.putImageData(new ImageData(heatmapPixels(grid.probabilities, surface), grid.size, grid.size), 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cells, 0, 0, CANVAS_PX, CANVAS_PX);

  const toPx = (v: number) => ((v + grid.extent) / (2 * grid.extent)) * CANVAS_PX;
  ctx.lineWidth = 1.2;
  ctx.strokeStyle = '#ffffff';
  for (let i = 0; i < grid.labels.length; i++) {
    const style = CLASS_STYLES[grid.labels[i] === 1 ? 1 : 0];
    const x = toPx(grid.points[2 * i]);
    const y = CANVAS_PX - toPx(grid.points[2 * i + 1]);
    ctx.fillStyle = style.color;
    ctx.beginPath();
    if (style.marker === 'circle') ctx.arc(x, y, 3.6, 0, 2 * Math.PI);
    else ctx.rect(x - 3.2, y - 3.2, 6.4, 6.4);
    ctx.fill();
    ctx.stroke();
  }
}

export function DecisionBoundary({ title, grid, summary, emptyText, settingsKey }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvasRef.current && grid) draw(canvasRef.current, grid);
  }, [grid]);

  return (
    <ChartCard
      title={title}
      unit="x, y in [-1, 1]"
      legend={LEGEND}
      className="decision-boundary"
      footer={<p className="decision-boundary__summary">{grid ? summary : emptyText}</p>}
    >
      {grid ? (
        <canvas
          ref={canvasRef}
          className="decision-boundary__canvas"
          width={CANVAS_PX}
          height={CANVAS_PX}
          role="img"
          aria-label={summary}
          data-grid-hash={gridFingerprint(grid.probabilities)}
          data-settings={settingsKey}
        />
      ) : (
        <div className="decision-boundary__empty" aria-hidden="true" />
      )}
    </ChartCard>
  );
}
