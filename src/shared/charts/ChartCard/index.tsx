// A titled frame for one chart with a text legend (colour is never the only cue: each series
// has a name and its own line style).
import { useId, type ReactNode } from 'react';
import './ChartCard.css';

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
  /** Drawn instead of the line sample (a marker shape for scatter series). */
  icon?: ReactNode;
}

interface Props {
  title: string;
  unit: string;
  legend: readonly LegendItem[];
  children: ReactNode;
  /** Small controls at the end of the title row (e.g. an axis zoom). */
  actions?: ReactNode;
  /** Below the plot: a summary sentence, a text alternative. */
  footer?: ReactNode;
  className?: string;
}

export function ChartCard({ title, unit, legend, children, actions, footer, className }: Props) {
  const titleId = useId();
  return (
    <figure className={`chart-card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <figcaption className="chart-card__head">
        <span className="chart-card__title" id={titleId}>
          {title} <span className="chart-card__unit">{unit}</span>
        </span>
        <ul className="chart-card__legend">
          {legend.map((item) => (
            <li key={item.label}>
              {item.icon ?? (
                <svg width="22" height="8" aria-hidden="true">
                  <line
                    x1="1"
                    y1="4"
                    x2="21"
                    y2="4"
                    stroke={item.color}
                    strokeWidth="3"
                    strokeLinecap="round"
                    strokeDasharray={item.dashed ? '5 4' : undefined}
                  />
                </svg>
              )}
              {item.label}
            </li>
          ))}
        </ul>
        {actions}
      </figcaption>
      <div className="chart-card__plot">{children}</div>
      {footer}
    </figure>
  );
}

/** Shown while the chart code loads: same size, so nothing jumps. */
export function ChartPlaceholder({ title }: { title: string }) {
  return (
    <figure className="chart-card chart-card--placeholder" aria-busy="true">
      <figcaption className="chart-card__head">
        <span className="chart-card__title">{title}</span>
      </figcaption>
      <div className="chart-card__plot chart-card__plot--empty" />
    </figure>
  );
}
