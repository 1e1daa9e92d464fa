// The path an auto-compress search took, on the size-vs-accuracy chart: every candidate it
// measured, in order, joined by a thin line (validation accuracy: the search never reads the
// test split to choose), so the search can be read after it ends. The found model itself is a
// chart point like the others (test accuracy).
import { memo } from 'react';
import './AutoPath.css';

export interface PathPoint {
  bytes: number;
  /** Percent. */
  accuracy: number;
  withinBudget: boolean;
}

interface Props {
  path: readonly PathPoint[];
  x(kB: number): number;
  y(percent: number): number;
  yFloor: number;
}

export const AutoPath = memo(function AutoPath({ path, x, y, yFloor }: Props) {
  const shown = path.filter((p) => p.accuracy >= yFloor);
  if (shown.length === 0) return null;
  const d = shown.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.bytes / 1000).toFixed(1)},${y(p.accuracy).toFixed(1)}`).join('');
  return (
    <g className="frontier-plot__auto-path" data-testid="auto-compress-path" data-count={shown.length}>
      <path d={d} />
      {shown.map((p, i) => (
        <circle key={i} cx={x(p.bytes / 1000)} cy={y(p.accuracy)} r={2.6} className={p.withinBudget ? '' : 'frontier-plot__auto-miss'} />
      ))}
    </g>
  );
});
