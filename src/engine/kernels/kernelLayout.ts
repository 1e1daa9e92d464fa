// A kernel of a compressed file in the form the WebAssembly kernels run: its kept weights in the
// file's row-major order, with a start per row (input), the unit (column) of each, and its
// integer code, plus the table of values the codes stand for. This is the encoded layout with
// its entropy coding and bit packing undone (a byte per code, two bytes per position instead of
// a gap), so an image costs no Huffman decoding; no weight matrix is made dense.
import { levelTable } from '../quantization/dequantize';
import { float16Table } from '../quantization/float16';
import type { RawTensor } from '../export/c/layout';

export interface KernelLayout {
  rows: number;
  units: number;
  /** rows + 1 offsets into unitIndex / codes. */
  rowStart: Uint32Array;
  unitIndex: Uint16Array;
  /** One code per kept weight, or null when `table` holds the kept weights' values themselves
   * (float32 and float16 kernels, whose codes are the values). */
  codes: Uint8Array | null;
  table: Float32Array;
  /** Table entries per unit: 0 when every unit shares one table. */
  stride: number;
  bias: Float32Array;
}

/** The float values of kept weights stored as float32 or float16 bit patterns. */
function floatValues(t: RawTensor): Float32Array {
  const s = t.codes.symbols;
  if (t.scheme === 'none') return new Float32Array(Uint32Array.from(s).buffer);
  const half = float16Table();
  return Float32Array.from(s, (q) => half[q]);
}

/** The table the codes of `t` index (per unit when `t` is per channel, 2^bits entries each). */
function codeTable(t: RawTensor): Float32Array {
  const payload = {
    shape: t.stored.slice(),
    scheme: t.scheme,
    granularity: t.perChannel ? ('channel' as const) : ('tensor' as const),
    bits: t.bits,
    codes: new Uint8Array(0),
    keep: null,
    scales: t.scales ?? undefined,
    zeroPoints: t.zeroPoints ? Int32Array.from(t.zeroPoints) : undefined,
    codebook: t.codebook ?? undefined,
  };
  return levelTable(payload, t.perChannel ? t.stored[1] : 1);
}

const storesValues = (t: RawTensor): boolean => t.scheme === 'none' || t.scheme === 'float16';

/** Every stored value of `t` (rows x units, 0 where pruned) as the decoder computes it, in any
 * scheme: what a layer's biases are (the auto-compress search stores them as float16, and could
 * store them as codes). */
export function storedValues(t: RawTensor): Float32Array {
  const [rows, units] = t.stored;
  const out = new Float32Array(rows * units);
  const values = storesValues(t) ? floatValues(t) : null;
  const table = values ? null : codeTable(t);
  const stride = t.perChannel ? 2 ** t.bits : 0;
  const symbols = t.codes.symbols;
  for (let p = 0, k = 0; p < out.length; p++) {
    if (t.keep !== null && t.keep[p] === 0) continue;
    out[p] = values ? values[k] : table![(p % units) * stride + symbols[k]];
    k++;
  }
  return out;
}

export function kernelLayout(kernel: RawTensor, bias: RawTensor): KernelLayout {
  const [rows, units] = kernel.stored;
  if (units > 65535) throw new Error(`A layer of ${units} units is too wide for the WebAssembly kernels.`);
  const rowStart = new Uint32Array(rows + 1);
  const unitIndex = new Uint16Array(kernel.kept);
  const keep = kernel.keep;
  for (let p = 0, k = 0; p < rows * units; p++) {
    if (keep !== null && keep[p] === 0) continue;
    const row = Math.floor(p / units);
    rowStart[row + 1]++;
    unitIndex[k++] = p - row * units;
  }
  for (let r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];

  const biasValues = storedValues(bias);
  if (storesValues(kernel)) {
    return { rows, units, rowStart, unitIndex, codes: null, table: floatValues(kernel), stride: 0, bias: biasValues };
  }
  const stride = kernel.perChannel ? 2 ** kernel.bits : 0;
  return { rows, units, rowStart, unitIndex, codes: Uint8Array.from(kernel.codes.symbols), table: codeTable(kernel), stride, bias: biasValues };
}
