// The text alternative of the transfer charts: every measured run, one row each.
import type { TransferResult } from '../../../worker/transfer-protocol';
import { METHOD_LOOK } from '../TransferChart';

/** Which pretrained extractor a run reused, in words (never colour alone); only said when some
 * run of the table pruned it, and never for scratch, which reuses none. */
function extractorOf(r: TransferResult): string {
  return r.extractorSparsity > 0 ? `extractor ${Math.round(r.extractorSparsity * 100)}% pruned` : 'dense extractor';
}

export function formatFlops(flops: number): string {
  if (flops >= 1e12) return `${(flops / 1e12).toFixed(1)} TFLOP`;
  if (flops >= 1e9) return `${(flops / 1e9).toFixed(1)} GFLOP`;
  if (flops >= 1e6) return `${(flops / 1e6).toFixed(1)} MFLOP`;
  return `${Math.round(flops).toLocaleString('en-US')} FLOP`;
}

/** Short tick labels for a log axis: 50M, 1G. */
export function compactFlops(flops: number): string {
  const [d, unit] = flops >= 1e12 ? [1e12, 'T'] : flops >= 1e9 ? [1e9, 'G'] : flops >= 1e6 ? [1e6, 'M'] : flops >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${Number((flops / (d as number)).toPrecision(3))}${unit}`;
}

/** `target` names the classes measured, e.g. "Fashion-MNIST clothes". */
export function ResultsTable({ results, target }: { results: TransferResult[]; target: string }) {
  const anyPruned = results.some((r) => r.extractorSparsity > 0);
  const rows = [...results].sort((a, b) => a.labeled - b.labeled || a.method.localeCompare(b.method) || a.extractorSparsity - b.extractorSparsity);
  // On a phone the seven columns are wider than the screen: the table scrolls sideways in its own
  // box (focusable, so the keyboard can scroll it too) instead of widening the whole page.
  return (
    <div className="transfer-view__table-scroll" role="region" aria-label="Every run, table" tabIndex={0}>
      <table className="transfer-view__table">
        <caption>
          Every run: accuracy on the {rows[0]?.testCount.toLocaleString('en-US') ?? ''} test images of {target}
        </caption>
        <thead>
          <tr>
            <th scope="col">Labelled examples</th>
            <th scope="col">Method</th>
            <th scope="col">Test accuracy</th>
            <th scope="col">Training compute</th>
            <th scope="col">Time</th>
            <th scope="col">Steps</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.labeled}-${r.method}-${r.extractorSparsity}`} className={r.extractorSparsity > 0 ? 'transfer-view__row--pruned' : undefined}>
              <td>{r.labeled.toLocaleString('en-US')}</td>
              <td>
                {METHOD_LOOK[r.method].label}
                {/* In the method's cell, not a column of its own, so a phone shows it without scrolling. */}
                {anyPruned && r.method !== 'scratch' ? ' ' : null}
                {anyPruned && r.method !== 'scratch' ? <small className="transfer-view__extractor">{extractorOf(r)}</small> : null}
              </td>
              <td>{(r.accuracy * 100).toFixed(1)}%</td>
              <td>{formatFlops(r.flops)}</td>
              <td>{(r.ms / 1000).toFixed(1)} s</td>
              <td>{r.steps}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
