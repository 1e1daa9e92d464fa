// Marker shapes: one per pruning method, so the chart does not rely on colour alone.
import type { MarkerShape } from './palette';

interface Props {
  shape: MarkerShape;
  x: number;
  y: number;
  r: number;
  color: string;
  className?: string;
  hollow?: boolean;
}

export function Marker({ shape, x, y, r, color, className, hollow }: Props) {
  const paint = hollow ? { fill: 'var(--surface)', stroke: color, strokeWidth: 2 } : { fill: color, stroke: 'var(--surface)', strokeWidth: 1 };
  if (shape === 'circle') return <circle className={className} cx={x} cy={y} r={r} {...paint} />;
  if (shape === 'square') {
    const s = r * 0.9;
    return <rect className={className} x={x - s} y={y - s} width={2 * s} height={2 * s} {...paint} />;
  }
  const points =
    shape === 'triangle'
      ? `${x},${y - r * 1.15} ${x + r * 1.05},${y + r * 0.75} ${x - r * 1.05},${y + r * 0.75}`
      : `${x},${y - r * 1.25} ${x + r * 1.1},${y} ${x},${y + r * 1.25} ${x - r * 1.1},${y}`;
  return <polygon className={className} points={points} {...paint} />;
}

/** The marker alone in a tiny SVG, for legends and tooltips. */
export function MarkerIcon({ shape, color, hollow }: { shape: MarkerShape; color: string; hollow?: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="marker-icon">
      <Marker shape={shape} x={6} y={6} r={hollow ? 3.8 : 4.4} color={color} hollow={hollow} />
    </svg>
  );
}
