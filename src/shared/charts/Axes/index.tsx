// The grid and axes every chart draws the same way: a grid line and a label at each y tick,
// labels (and, if asked, grid lines) at the x ticks, the baseline under the plot, and the axes'
// titles. Positions come from the plot frame (../frame.ts), so labels sit the same distance from
// the plot on every chart.
import type { PlotFrame } from '../frame';
import './Axes.css';

export interface AxisSpec {
  /** Data value -> pixel. */
  scale(value: number): number;
  ticks: readonly number[];
  format(value: number): string;
  /** Grid lines across the plot at the ticks (drawn for y unless false, for x only if true). */
  grid?: boolean;
  title?: string;
}

interface Props {
  frame: PlotFrame;
  x?: AxisSpec;
  y?: AxisSpec;
  /** The line under the plot (default true). */
  baseline?: boolean;
  /** A chart's own look for the grid (e.g. a lighter line), styled in its CSS. */
  className?: string;
}

/** Distance of the y labels from the plot, and of the x labels' baseline below it. */
const Y_LABEL_GAP = 6;
const X_LABEL_DROP = 14;

export function Axes({ frame: f, x, y, baseline = true, className }: Props) {
  return (
    <g className={className ? `chart-axes ${className}` : 'chart-axes'}>
      {y?.ticks.map((t) => (
        <g key={`y${t}`}>
          {y.grid !== false ? <line x1={f.left} x2={f.right} y1={y.scale(t)} y2={y.scale(t)} /> : null}
          <text x={f.left - Y_LABEL_GAP} y={y.scale(t)} dy="0.32em" textAnchor="end">
            {y.format(t)}
          </text>
        </g>
      ))}
      {x?.ticks.map((t) => (
        <g key={`x${t}`}>
          {x.grid ? <line x1={x.scale(t)} x2={x.scale(t)} y1={f.top} y2={f.bottom} /> : null}
          <text x={x.scale(t)} y={f.bottom + X_LABEL_DROP} textAnchor="middle">
            {x.format(t)}
          </text>
        </g>
      ))}
      {baseline ? <line className="chart-axes__baseline" x1={f.left} x2={f.right} y1={f.bottom} y2={f.bottom} /> : null}
      {x?.title ? (
        <text className="chart-axes__title" x={(f.left + f.right) / 2} y={f.height - 4} textAnchor="middle">
          {x.title}
        </text>
      ) : null}
      {y?.title ? (
        <text className="chart-axes__title" transform={`translate(11 ${(f.top + f.bottom) / 2}) rotate(-90)`} textAnchor="middle">
          {y.title}
        </text>
      ) : null}
    </g>
  );
}
