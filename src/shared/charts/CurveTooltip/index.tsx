// Hover or arrow keys on a chart: the value of every series near that epoch. Series are
// measured at different moments (training loss every report, test accuracy every evaluation),
// so each value says when it was taken if that differs from the hovered epoch.
import type { Point } from '../series';
import { formatEpoch } from '../../format';
import { nearestPoint } from '../chartData';
import './CurveTooltip.css';

export interface TooltipSeries {
  name: string;
  color: string;
  points: readonly Point[];
  format(value: number): string;
}

interface Props {
  active?: boolean;
  label?: string | number;
  series: readonly TooltipSeries[];
}

export function CurveTooltip({ active, label, series }: Props) {
  const epoch = typeof label === 'number' ? label : Number(label);
  if (!active || !Number.isFinite(epoch)) return null;
  const rows = series
    .map((s) => ({ s, point: nearestPoint(s.points, epoch) }))
    .filter((r): r is { s: TooltipSeries; point: Point } => r.point !== null);
  if (rows.length === 0) return null;

  return (
    <div className="curve-tooltip">
      <div className="curve-tooltip__title">Epoch {formatEpoch(epoch)}</div>
      <table>
        <tbody>
          {rows.map(({ s, point }) => (
            <tr key={s.name}>
              <th scope="row">
                <span className="curve-tooltip__swatch" style={{ background: s.color }} />
                {s.name}
              </th>
              <td>{s.format(point.value)}</td>
              <td className="curve-tooltip__when">
                {Math.abs(point.epoch - epoch) > 0.005 ? `at ${formatEpoch(point.epoch)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
