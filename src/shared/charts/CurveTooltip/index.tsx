// Hover or arrow keys on a chart: the value of every series near that epoch. Series are
// measured at different moments (training loss every report, test accuracy every evaluation),
// so each value says when it was taken if that differs from the hovered epoch.
import { formatEpoch } from '../../format';
import { readout, type TooltipSeries } from './readout';
import './CurveTooltip.css';

export type { TooltipSeries };

interface Props {
  active?: boolean;
  label?: string | number;
  series: readonly TooltipSeries[];
}

export function CurveTooltip({ active, label, series }: Props) {
  const epoch = typeof label === 'number' ? label : Number(label);
  if (!active || !Number.isFinite(epoch)) return null;
  const rows = readout(series, epoch);
  if (rows.length === 0) return null;

  return (
    <div className="curve-tooltip">
      <div className="curve-tooltip__title">Epoch {formatEpoch(epoch)}</div>
      <table>
        <tbody>
          {rows.map(({ series: s, point, elsewhere }) => (
            <tr key={s.name}>
              <th scope="row">
                <span className="curve-tooltip__swatch" style={{ background: s.color }} />
                {s.name}
              </th>
              <td>{s.format(point.value)}</td>
              <td className="curve-tooltip__when">{elsewhere ? `at ${formatEpoch(point.epoch)}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
