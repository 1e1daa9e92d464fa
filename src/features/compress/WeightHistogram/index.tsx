// Weights of one layer before and after compression on the same bins: the trained weights as
// wide grey bars, the surviving dequantized weights as narrow blue bars on top, and the
// quantization levels as orange ticks. The count axis is logarithmic so the tall bins near 0
// do not flatten everything else.
import { memo } from 'react';
import type { LayerInspection } from '../../../worker/compression-protocol';
import { Axes } from '../../../shared/charts/Axes';
import { plotFrame } from '../../../shared/charts/frame';
import { SERIES_COLORS } from '../../../shared/charts/palette';
import { describeHistogram, formatWeight } from './describe';
import './WeightHistogram.css';

/** Drawn at this size and scaled to the card's width (viewBox); below the plot, the level ticks
 * and then the weight labels. */
const F = plotFrame(480, 170, { left: 44, right: 10, top: 8, bottom: 34 });
const PLOT_W = F.right - F.left;
const PLOT_H = F.bottom - F.top;
/** Beyond this many levels the ticks would merge into one block; the caption says how many. */
const MAX_MARKED_LEVELS = 64;
export const AFTER_COLOR = '#0072B2';
export const LEVEL_COLOR = SERIES_COLORS.warning;

const logHeight = (count: number, top: number) => (count > 0 ? (Math.log10(1 + count) / Math.log10(1 + top)) * PLOT_H : 0);
const countText = (d: number) => (d >= 1000 ? `${d / 1000}k` : String(d));

function Bars({ counts, top, inset, className }: { counts: Uint32Array; top: number; inset: number; className: string }) {
  const bw = PLOT_W / counts.length;
  return (
    <g className={className}>
      {Array.from(counts, (c, i) => {
        const h = logHeight(c, top);
        return h > 0 ? <rect key={i} x={F.left + i * bw + inset * bw} y={F.bottom - h} width={bw * (1 - 2 * inset)} height={h} /> : null;
      })}
    </g>
  );
}

export const WeightHistogram = memo(function WeightHistogram({ layer, captionId }: { layer: LayerInspection; captionId: string }) {
  const top = Math.max(1, ...layer.before);
  const decades = Array.from({ length: Math.floor(Math.log10(top)) + 1 }, (_, i) => 10 ** i);
  const x = (v: number) => F.left + ((v + layer.range) / (2 * layer.range || 1)) * PLOT_W;
  const y = (count: number) => F.bottom - logHeight(count, top);
  const levels = layer.levels && layer.levels.length <= MAX_MARKED_LEVELS && layer.kept > 0 ? Array.from(layer.levels) : [];
  return (
    <figure className="weight-histogram">
      <svg viewBox={`0 0 ${F.width} ${F.height}`} role="img" aria-labelledby={captionId} className="weight-histogram__svg">
        <Axes frame={F} baseline={false} className="weight-histogram__axes" y={{ scale: y, ticks: decades, format: countText, title: 'weights (log)' }} />
        <Bars counts={layer.before} top={top} inset={0.04} className="weight-histogram__before" />
        <Bars counts={layer.after} top={top} inset={0.3} className="weight-histogram__after" />
        {levels.map((v, i) => (
          <line key={i} className="weight-histogram__level" x1={x(v)} x2={x(v)} y1={F.bottom + 2} y2={F.bottom + 9} stroke={LEVEL_COLOR} />
        ))}
        <line className="weight-histogram__axis" x1={F.left} x2={F.right} y1={F.bottom} y2={F.bottom} />
        {[-layer.range, 0, layer.range].map((v, i) => (
          <text key={i} className="weight-histogram__tick" x={x(v)} y={F.height - 10} textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}>
            {formatWeight(v)}
          </text>
        ))}
      </svg>
      <figcaption id={captionId} className="weight-histogram__caption">
        {describeHistogram(layer)}
        {layer.levels && layer.levels.length > MAX_MARKED_LEVELS ? ` (${layer.levels.length} levels are too many to mark.)` : ''}
      </figcaption>
    </figure>
  );
});
