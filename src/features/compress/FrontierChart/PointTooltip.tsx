// The configuration behind one point: method, sparsity, bits and scheme, size, ratio, accuracy.
import type { CompressionPoint } from '../../../worker/compression-protocol';
import { formatInteger, formatKB, formatPercent } from '../../../shared/format';
import { METHOD_STYLES } from '../../../shared/charts/palette';
import { bitsLabel, methodLabel, ratioPhrase, requestedSparsityNote, sparsityLabel } from './describe';
import { MarkerIcon } from '../../../shared/charts/marks';
import '../../../shared/charts/CurveTooltip/CurveTooltip.css';

interface Props {
  point: CompressionPoint;
  current: boolean;
  x: number;
  y: number;
  width: number;
}

export function PointTooltip({ point, current, x, y, width }: Props) {
  const style = METHOD_STYLES[point.settings.pruning.method];
  const left = x + 250 > width ? Math.max(0, x - 250) : x + 14;
  const rows: [string, string][] = [
    ['Sparsity', sparsityLabel(point) + (requestedSparsityNote(point) ? ` (${requestedSparsityNote(point)})` : '')],
    ['Weights', bitsLabel(point.settings)],
    ['Entropy coding', point.settings.entropyCoding === false ? 'off' : 'on'],
    ['Retraining', point.fineTunedEpochs ? `${point.fineTunedEpochs} epoch${point.fineTunedEpochs === 1 ? '' : 's'}, mask held${point.quantizeAware ? ', quantization-aware' : ''}` : 'none (post-training)'],
    ['Size', formatKB(point.encodedBytes)],
    ['Ratio', ratioPhrase(point.ratio)],
    ['Accuracy', `${point.estimate ? '~' : ''}${formatPercent(point.accuracy, 2)} on ${formatInteger(point.evaluatedOn)}`],
  ];
  return (
    <div className="curve-chart__tooltip frontier-tooltip" style={{ left, top: Math.max(0, y - 40) }}>
      <div className="curve-tooltip">
        <div className="curve-tooltip__title">
          <MarkerIcon shape={style.marker} color={style.color} /> {methodLabel(point.settings)}
          {current ? <span className="frontier-tooltip__now"> · current</span> : null}
        </div>
        <table>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="frontier-tooltip__hint">Click or press Enter to load these settings</div>
      </div>
    </div>
  );
}
