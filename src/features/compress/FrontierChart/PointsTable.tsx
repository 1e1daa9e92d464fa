// "Show as a table": every measured setting, for anyone who would rather read than hover (and
// for screen readers). Always in the page, folded until opened.
import type { CompressionPoint } from '../../../worker/compression-protocol';
import { pointKey } from '../../../url/compressControls';
import { formatKB, formatPercent, formatRatio } from '../../../shared/format';
import { bitsLabel, methodLabel, sparsityLabel } from './describe';
import '../../../shared/charts/TableDisclosure.css';

export function PointsTable({ points, frontier }: { points: readonly CompressionPoint[]; frontier: ReadonlySet<CompressionPoint> }) {
  const sorted = [...points].sort((a, b) => a.encodedBytes - b.encodedBytes);
  return (
    <details className="chart-table">
      <summary>Show as a table</summary>
      <table>
        <caption>Measured settings, smallest first (accuracy on the full test set)</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Sparsity</th>
            <th scope="col">Weights</th>
            <th scope="col">Size</th>
            <th scope="col">Ratio</th>
            <th scope="col">Accuracy</th>
            <th scope="col">On the frontier</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={pointKey(p)}>
              <td>{methodLabel(p.settings)}{p.fineTunedEpochs ? `, fine-tuned ${p.fineTunedEpochs} epoch${p.fineTunedEpochs === 1 ? '' : 's'}` : ''}</td>
              <td>{sparsityLabel(p)}</td>
              <td>{bitsLabel(p.settings)}</td>
              <td>{formatKB(p.encodedBytes)}</td>
              <td>{formatRatio(p.ratio)}</td>
              <td>{formatPercent(p.accuracy, 2)}</td>
              <td>{frontier.has(p) ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
