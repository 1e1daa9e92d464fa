// Weights of one layer before and after compression on the same bins: the trained weights as
// wide grey bars, the surviving dequantized weights as narrow blue bars on top, and the
// quantization levels as orange ticks. The count axis is logarithmic so the tall bins near 0
// do not flatten everything else.
import { memo } from 'react';
import type { LayerInspection } from '../../../worker/compression-protocol';
import { SERIES_COLORS } from '../../../shared/charts/palette';
import { describeHistogram, formatWeight } from './describe';
import './WeightHistogram.css';

const W = 480;
const H = 170;
const M = { left: 44, right: 10, top: 8, bottom: 34 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
/** Beyond this many levels the ticks would merge into one block; the caption says how many. */
const MAX_MARKED_LEVELS = 64;
export const AFTER_COLOR = '#0072B2';
export const LEVEL_COLOR = SERIES_COLORS.warning;

const logHeight = (count: number, top: number) => (count > 0 ? (Math.log10(1 + count) / Math.log10(1 + top)) * PLOT_H : 0);

function Bars({ counts, top, inset, className }: { counts: Uint32Array; top: number; inset: number; className: string }) {
  const bw = PLOT_W / counts.length;
  return (
    <g className={className}>
      {Array.from(counts, (c, i) => {
        const h = logHeight(c, top);
        return h > 0 ? <rect key={i} x={M.left + i * bw + inset * bw} y={M.top + PLOT_H - h} width={bw * (1 - 2 * inset)} height={h} /> : null;
      })}
    </g>
  );
}

export const WeightHistogram = memo(function WeightHistogram({ layer, captionId }: { layer: LayerInspection; captionId: string }) {
  const top = Math.max(1, ...layer.before);
  const decades = Array.from({ length: Math.floor(Math.log10(top)) + 1 }, (_, i) => 10 ** i);
  const x = (v: number) => M.left + ((v + layer.range) / (2 * layer.range || 1)) * PLOT_W;
  const levels = layer.levels && layer.levels.length <= MAX_MARKED_LEVELS && layer.kept > 0 ? Array.from(layer.levels) : [];
  return (
    <figure className="weight-histogram">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={captionId} className="weight-histogram__svg">
        {decades.map((d) => {
          const y = M.top + PLOT_H - logHeight(d, top);
          return (
            <g key={d} className="weight-histogram__grid">
              <line x1={M.left} x2={M.left + PLOT_W} y1={y} y2={y} />
              <text x={M.left - 6} y={y + 4} textAnchor="end">
                {d >= 1000 ? `${d / 1000}k` : d}
              </text>
            </g>
          );
        })}
        <Bars counts={layer.before} top={top} inset={0.04} className="weight-histogram__before" />
        <Bars counts={layer.after} top={top} inset={0.3} className="weight-histogram__after" />
        {levels.map((v, i) => (
          <line key={i} className="weight-histogram__level" x1={x(v)} x2={x(v)} y1={M.top + PLOT_H + 2} y2={M.top + PLOT_H + 9} stroke={LEVEL_COLOR} />
        ))}
        <line className="weight-histogram__axis" x1={M.left} x2={M.left + PLOT_W} y1={M.top + PLOT_H} y2={M.top + PLOT_H} />
        {[-layer.range, 0, layer.range].map((v, i) => (
          <text key={i} className="weight-histogram__tick" x={x(v)} y={H - 10} textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}>
            {formatWeight(v)}
          </text>
        ))}
        <text className="weight-histogram__tick" x={12} y={M.top + PLOT_H / 2} transform={`rotate(-90 12 ${M.top + PLOT_H / 2})`} textAnchor="middle">
          weights (log)
        </text>
      </svg>
      <figcaption id={captionId} className="weight-histogram__caption">
        {describeHistogram(layer)}
        {layer.levels && layer.levels.length > MAX_MARKED_LEVELS ? ` (${layer.levels.length} levels are too many to mark.)` : ''}
      </figcaption>
    </figure>
  );
});
