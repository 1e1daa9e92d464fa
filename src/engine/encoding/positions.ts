// Where the surviving weights are. Two encodings, whichever is smaller per tensor:
// a bitmask (one bit per weight) or Deep Compression's relative indices: for each kept weight,
// how many pruned weights precede it since the last kept one, in k bits. A gap that does not fit
// is split with filler entries of value 2^k - 1, each meaning "skip 2^k - 1 positions, no weight".
import { scratchFloat64 } from '../compression/scratch';
import { ByteReader, ByteWriter, FormatError } from './bytes';
import { MAX_HUFFMAN_BITS, planStream, readStream, writeStream, type StreamPlan } from './streams';

export type PositionEncoding = 'dense' | 'bitmask' | 'gaps';
export const POSITIONS_DENSE = 0;
export const POSITIONS_BITMASK = 1;
export const POSITIONS_GAPS = 2;
export const MAX_GAP_BITS = 16;

export interface PositionPlan {
  encoding: PositionEncoding;
  bytes: number; // the whole block, encoding byte included
  gapBits?: number;
  entries?: number;
  stream?: StreamPlan;
}

// Gaps below this are counted in an array; the rare longer ones are kept in a list.
const SMALL_GAP_LIMIT = 65536;

/** The cheapest encoding of a keep array (null = every weight kept). */
export function planPositions(keep: Uint8Array | null, allowHuffman: boolean): PositionPlan {
  const n = keep === null ? 0 : keep.length;
  let kept = 0;
  // Reused (scratch.ts): a fresh 512 KB count array per tensor cost more in page faults than
  // the whole counting pass. Only the first min(n, limit) + 1 slots are used, so only they are zeroed.
  const small = scratchFloat64('gapCounts', Math.min(n, SMALL_GAP_LIMIT) + 1).fill(0);
  const large: number[] = [];
  let maxSmall = 0;
  if (keep !== null) {
    let prev = -1;
    for (let i = 0; i < n; i++) {
      if (keep[i] === 0) continue;
      const gap = i - prev - 1;
      if (gap < SMALL_GAP_LIMIT) {
        small[gap]++;
        if (gap > maxSmall) maxSmall = gap;
      } else large.push(gap);
      prev = i;
      kept++;
    }
  }
  if (keep === null || kept === n) return { encoding: 'dense', bytes: 1 };

  let best: PositionPlan = { encoding: 'bitmask', bytes: 1 + Math.ceil(n / 8) };
  for (let k = 1; k <= MAX_GAP_BITS; k++) {
    const filler = 2 ** k - 1;
    const huffman = allowHuffman && k <= MAX_HUFFMAN_BITS;
    const histogram = new Float64Array(huffman ? filler + 1 : 0);
    let entries = 0;
    const count = (gap: number, times: number): void => {
      const fillers = Math.floor(gap / filler);
      entries += (fillers + 1) * times;
      if (huffman) {
        histogram[filler] += fillers * times;
        histogram[gap % filler] += times;
      }
    };
    for (let gap = 0; gap <= maxSmall; gap++) if (small[gap] > 0) count(gap, small[gap]);
    for (const gap of large) count(gap, 1);
    const stream = planStream(histogram, entries, k, huffman);
    const bytes = 1 + 1 + 4 + stream.bytes;
    if (bytes < best.bytes) best = { encoding: 'gaps', bytes, gapBits: k, entries, stream };
  }
  return best;
}

export function writePositions(w: ByteWriter, keep: Uint8Array | null, plan: PositionPlan): void {
  if (plan.encoding === 'dense' || keep === null) {
    w.u8(POSITIONS_DENSE);
    return;
  }
  if (plan.encoding === 'bitmask') {
    w.u8(POSITIONS_BITMASK);
    const bits = new Uint8Array(Math.ceil(keep.length / 8));
    for (let i = 0; i < keep.length; i++) bits[i >>> 3] |= keep[i] << (i & 7);
    w.bytes(bits);
    return;
  }
  const k = plan.gapBits!;
  const filler = 2 ** k - 1;
  const entries = k <= 8 ? new Uint8Array(plan.entries!) : new Uint16Array(plan.entries!);
  let e = 0;
  for (let i = 0, prev = -1; i < keep.length; i++) {
    if (keep[i] === 0) continue;
    let gap = i - prev - 1;
    for (; gap >= filler; gap -= filler) entries[e++] = filler;
    entries[e++] = gap;
    prev = i;
  }
  w.u8(POSITIONS_GAPS);
  w.u8(k);
  w.u32(e);
  writeStream(w, entries, e, k, plan.stream!);
}

/** The keep array of an `n`-weight tensor (null when every weight is kept) and its kept count. */
export function readPositions(r: ByteReader, n: number, huffmanAllowed: boolean, what: string): { keep: Uint8Array | null; kept: number } {
  const encoding = r.u8(`the position encoding of ${what}`);
  if (encoding === POSITIONS_DENSE) return { keep: null, kept: n };
  if (encoding === POSITIONS_BITMASK) {
    const bits = r.take(Math.ceil(n / 8), `the bitmask of ${what}`);
    const keep = new Uint8Array(n);
    let kept = 0;
    for (let i = 0; i < n; i++) kept += keep[i] = (bits[i >>> 3] >>> (i & 7)) & 1;
    if (n % 8 !== 0 && bits[bits.length - 1] >>> n % 8 !== 0) {
      throw new FormatError(`The bitmask of ${what} marks weights beyond the end of the tensor.`);
    }
    return { keep, kept };
  }
  if (encoding !== POSITIONS_GAPS) throw new FormatError(`The positions of ${what} use an unknown encoding (${encoding}).`);
  const k = r.u8(`the gap width of ${what}`);
  if (k < 1 || k > MAX_GAP_BITS) throw new FormatError(`The gaps of ${what} are ${k} bits wide; 1 to ${MAX_GAP_BITS} are allowed.`);
  const entries = r.u32(`the gap count of ${what}`);
  // Each entry advances at least one position, so a valid list never has more entries than weights.
  if (entries > n) throw new FormatError(`The ${what} lists ${entries} gaps for only ${n} weights.`);
  const gaps = readStream(r, entries, k, huffmanAllowed, `the gaps of ${what}`);
  const filler = 2 ** k - 1;
  const keep = new Uint8Array(n);
  let pos = 0;
  let kept = 0;
  for (let e = 0; e < entries; e++) {
    const gap = gaps[e];
    pos += gap;
    if (gap === filler) continue;
    if (pos >= n) throw new FormatError(`The gaps of ${what} point past the end of the tensor.`);
    keep[pos++] = 1;
    kept++;
  }
  if (pos > n) throw new FormatError(`The gaps of ${what} point past the end of the tensor.`);
  return { keep, kept };
}
