// Look inside: where the bytes of the compressed model go, and one row per layer with how much
// of it was pruned, at how many bits, and what its positions, codes, tables and biases cost.
import { useAppStore } from '../../../store';
import { formatBytes, formatInteger, formatKB } from '../../../shared/format';
import type { LayerSizeBreakdown } from '../../../worker/compression-protocol';
import { selectShownPoint } from '../shown';
import { METHOD_STYLES } from '../../../shared/charts/palette';
import { BytesBar } from './BytesBar';
import './LayerTable.css';

const POSITION_NAMES = { dense: 'none', bitmask: 'bitmask', gaps: 'index gaps' } as const;

function role(i: number, n: number): string {
  return i === 0 ? 'first layer' : i === n - 1 ? 'output layer' : 'hidden layer';
}

function Row({ row, index, total, color }: { row: LayerSizeBreakdown; index: number; total: number; color: string }) {
  const pct = row.sparsity * 100;
  return (
    <tr>
      <th scope="row">
        <span className="layer-table__name">{row.name}</span>
        <span className="layer-table__role">{role(index, total)}</span>
      </th>
      <td>
        {formatInteger(row.kept)} / {formatInteger(row.count)}
        {row.storedShape && row.shape ? (
          <span className="layer-table__how">
            stored as {row.storedShape.map(formatInteger).join(' × ')} of [{row.shape.join(', ')}]
            {row.shape[row.shape.length - 1] > row.storedShape[1] ? `: ${formatInteger(row.shape[row.shape.length - 1] - row.storedShape[1])} units removed` : ''}
          </span>
        ) : null}
      </td>
      <td className="layer-table__pruned">
        {pct.toFixed(pct > 99 && pct < 100 ? 2 : 1)}%
        <span className="layer-table__bar" aria-hidden="true">
          <span style={{ width: `${pct}%`, background: color }} />
        </span>
      </td>
      <td>{row.bits}</td>
      <td>
        {formatBytes(row.positionBytes)}
        <span className="layer-table__how">{POSITION_NAMES[row.positionEncoding]}</span>
      </td>
      <td>
        {formatBytes(row.codeBytes)}
        <span className="layer-table__how">{row.codeEncoding === 'huffman' ? 'Huffman' : 'packed'}</span>
      </td>
      <td>{formatBytes(row.tableBytes)}</td>
      <td>{formatBytes(row.biasBytes)}</td>
      <td className="layer-table__total">{formatBytes(row.totalBytes)}</td>
    </tr>
  );
}

export function LayerTable() {
  const shown = useAppStore(selectShownPoint);
  // While the new setting is measured, the previous table stays in place (so the page does not
  // jump) but dimmed and labelled as the previous setting's.
  const previous = useAppStore((s) => s.current);
  const current = shown ?? previous;
  const stale = shown === null;
  if (!current) return null;
  const rows = current.breakdown;
  const color = METHOD_STYLES[current.settings.pruning.method].color;
  const header = current.encodedBytes - rows.reduce((s, r) => s + r.totalBytes, 0);

  return (
    <section className={`layer-card${stale ? ' layer-card--stale' : ''}`} aria-labelledby="layer-card-title" aria-busy={stale}>
      <div className="layer-card__head">
        <h2 className="layer-card__title" id="layer-card-title">
          Look inside <span className="layer-card__unit">{stale ? 'the previous setting, while the new one is measured…' : 'the encoded model, layer by layer'}</span>
        </h2>
      </div>
      <BytesBar rows={rows} totalBytes={current.encodedBytes} />
      <div className="layer-table__scroll" tabIndex={0} role="region" aria-label="Bytes per layer; scrolls sideways on a narrow screen">
        <table className="layer-table">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Kept / total</th>
              <th scope="col">Pruned</th>
              <th scope="col">Bits</th>
              <th scope="col">Positions</th>
              <th scope="col">Codes</th>
              <th scope="col">Tables</th>
              <th scope="col">Bias</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <Row key={row.name} row={row} index={i} total={rows.length} color={color} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={8}>
                File header {formatBytes(Math.max(0, header))} · whole model
              </th>
              <td className="layer-table__total">{formatKB(current.encodedBytes)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="layer-card__note">
        Positions say which weights survived (a bitmask or the gaps between them, whichever is smaller); codes are the
        quantized values; tables hold scales or codebooks. Biases stay float32 (an auto-compressed model stores them as float16 or
        float32, as its search chose). 1 kB = 1,000 bytes.
      </p>
    </section>
  );
}
