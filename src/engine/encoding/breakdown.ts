// Groups the bytes of each tensor record into one row per layer (kernel + bias), the table the
// page shows. Everything counted here adds up, with the header, to the buffer's length.
import type { PositionEncoding } from './positions';

/** Bytes of one tensor record by part. */
export interface TensorBytes {
  name: string;
  isKernel: boolean;
  count: number;
  kept: number;
  bits: number;
  positionEncoding: PositionEncoding;
  codeEncoding: 'packed' | 'huffman';
  overheadBytes: number; // name, shape, scheme, bits, flags
  positionBytes: number;
  tableBytes: number;
  codeBytes: number;
  /** The full shape, and [stored rows, stored units] when whole units were left out. */
  shape?: number[];
  storedShape?: number[];
}

export interface LayerSizeBreakdown {
  name: string; // "dense_0": the tensor names up to their last "/"
  count: number; // kernel weights
  kept: number;
  sparsity: number; // fraction of kernel weights pruned
  bits: number; // bits per kept weight code (32 = float32)
  positionBytes: number;
  positionEncoding: PositionEncoding;
  codeBytes: number;
  codeEncoding: 'packed' | 'huffman';
  tableBytes: number; // scales, zero points, codebooks
  biasBytes: number; // the whole bias record
  overheadBytes: number; // names and shapes of the kernel record
  totalBytes: number;
  /** The kernel's shape, and what the file stores of it ([rows, units]) when whole units are
   * left out (docs/FORMAT.md, "Removed units"). */
  shape?: number[];
  storedShape?: number[];
}

export function layerName(tensorName: string): string {
  const slash = tensorName.lastIndexOf('/');
  return slash > 0 ? tensorName.slice(0, slash) : tensorName;
}

export function summarizeLayers(tensors: TensorBytes[]): LayerSizeBreakdown[] {
  const rows = new Map<string, LayerSizeBreakdown>();
  for (const t of tensors) {
    const name = layerName(t.name);
    let row = rows.get(name);
    if (!row) {
      row = {
        name,
        count: 0,
        kept: 0,
        sparsity: 0,
        bits: 0,
        positionBytes: 0,
        positionEncoding: 'dense',
        codeBytes: 0,
        codeEncoding: 'packed',
        tableBytes: 0,
        biasBytes: 0,
        overheadBytes: 0,
        totalBytes: 0,
      };
      rows.set(name, row);
    }
    const recordBytes = t.overheadBytes + t.positionBytes + t.tableBytes + t.codeBytes;
    row.totalBytes += recordBytes;
    if (!t.isKernel) {
      row.biasBytes += recordBytes;
      continue;
    }
    row.count += t.count;
    row.kept += t.kept;
    row.bits = Math.max(row.bits, t.bits);
    row.positionBytes += t.positionBytes;
    row.positionEncoding = t.positionEncoding;
    row.codeBytes += t.codeBytes;
    row.codeEncoding = t.codeEncoding;
    row.tableBytes += t.tableBytes;
    row.overheadBytes += t.overheadBytes;
    if (t.shape) row.shape = t.shape.slice();
    if (t.storedShape) row.storedShape = t.storedShape.slice();
  }
  for (const row of rows.values()) row.sparsity = row.count === 0 ? 0 : 1 - row.kept / row.count;
  return [...rows.values()];
}
