// The path an auto-compress search took, on the size-vs-accuracy chart: every candidate it
// measured, in order, joined by a thin line (validation accuracy: the search never reads the
// test split to choose), so the search can be read after it ends. Each polish (a mask retrained,
// then its bits searched again) starts a line of its own, drawn with ringed markers, since it
// goes back to a mask the rounds had already passed. The found model itself is a chart point
// like the others (test accuracy).
import { memo } from 'react';
import './AutoPath.css';
import { pathData, type PathPoint } from './pathData';

export type { PathPoint };

interface Props {
  path: readonly PathPoint[];
  x(kB: number): number;
  y(percent: number): number;
  yFloor: number;
}

export const AutoPath = memo(function AutoPath({ path, x, y, yFloor }: Props) {
  const shown = path.filter((p) => p.accuracy >= yFloor);
  if (shown.length === 0) return null;
  const d = pathData(shown, x, y);
  return (
    <g className="frontier-plot__auto-path" data-testid="auto-compress-path" data-count={shown.length}>
      <path d={d} />
      {shown.map((p, i) => (
        <circle
          key={i}
          cx={x(p.bytes / 1000)}
          cy={y(p.accuracy)}
          r={p.polish === undefined ? 2.6 : 3.4}
          className={[p.polish === undefined ? '' : 'frontier-plot__auto-polish', p.withinBudget ? '' : 'frontier-plot__auto-miss'].filter(Boolean).join(' ')}
        />
      ))}
    </g>
  );
});
