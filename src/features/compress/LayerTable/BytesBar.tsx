// Where the bytes go: one bar for the whole encoded model, split into weight codes, the
// positions of the surviving weights, scales and codebooks, biases, and names and header.
// Pruning saves bytes only when the positions cost less than the codes they replace.
import type { LayerSizeBreakdown } from '../../../worker/compression-protocol';
import { formatKB } from '../../../shared/format';
import { BYTE_PART_COLORS } from '../../../shared/charts/palette';

export function byteParts(rows: readonly LayerSizeBreakdown[], totalBytes: number) {
  const sum = (f: (r: LayerSizeBreakdown) => number) => rows.reduce((s, r) => s + f(r), 0);
  const layered = sum((r) => r.totalBytes);
  return [
    { key: 'codes', label: 'Weight codes', bytes: sum((r) => r.codeBytes) },
    { key: 'positions', label: 'Positions', bytes: sum((r) => r.positionBytes) },
    { key: 'tables', label: 'Scales & codebooks', bytes: sum((r) => r.tableBytes) },
    { key: 'biases', label: 'Biases', bytes: sum((r) => r.biasBytes) },
    { key: 'header', label: 'Names & header', bytes: sum((r) => r.overheadBytes) + Math.max(0, totalBytes - layered) },
  ] as const;
}

export function BytesBar({ rows, totalBytes }: { rows: readonly LayerSizeBreakdown[]; totalBytes: number }) {
  const parts = byteParts(rows, totalBytes);
  return (
    <div className="bytes-bar">
      <div className="bytes-bar__track" aria-hidden="true">
        {parts.map((p) =>
          p.bytes > 0 ? (
            <span key={p.key} style={{ flexGrow: p.bytes, background: BYTE_PART_COLORS[p.key] }} title={`${p.label}: ${formatKB(p.bytes)}`} />
          ) : null,
        )}
      </div>
      <ul className="layer-card__legend bytes-bar__legend" aria-label="Where the bytes go">
        {parts.map((p) => (
          <li key={p.key}>
            <span className="bytes-bar__swatch" style={{ background: BYTE_PART_COLORS[p.key] }} />
            {p.label} <strong>{formatKB(p.bytes)}</strong>
            <span className="bytes-bar__share"> {totalBytes > 0 ? `${Math.round((100 * p.bytes) / totalBytes)}%` : ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
