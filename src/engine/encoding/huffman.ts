// Canonical Huffman coding of small alphabets (<= 256 symbols), the entropy coder of Deep
// Compression. Canonical codes are fully described by their lengths, so the file stores one
// 4-bit length per symbol instead of a tree. Lengths are limited to 15 bits.
import { FormatError } from './bytes';

export const MAX_CODE_LENGTH = 15;

/** Huffman code lengths for a histogram (0 for unused symbols), at most MAX_CODE_LENGTH. */
export function huffmanLengths(histogram: ArrayLike<number>): Uint8Array {
  const lengths = new Uint8Array(histogram.length);
  let freqs = Array.from(histogram, (c) => c);
  for (;;) {
    const used = freqs.map((f, s) => [f, s]).filter(([f]) => f > 0);
    if (used.length === 1) lengths[used[0][1]] = 1; // one symbol still needs one bit per use
    if (used.length <= 1) return lengths;
    const depths = treeDepths(used.map(([f]) => f));
    if (Math.max(...depths) <= MAX_CODE_LENGTH) {
      used.forEach(([, s], i) => (lengths[s] = depths[i]));
      return lengths;
    }
    // Too deep: flatten the distribution and try again (rare; needs extremely skewed counts).
    freqs = freqs.map((f) => (f > 0 ? Math.max(1, Math.ceil(f / 2)) : 0));
  }
}

/** Depth of each leaf in a Huffman tree (two-queue construction, ties by input order). */
function treeDepths(freqs: number[]): number[] {
  const n = freqs.length;
  const order = freqs.map((_, i) => i).sort((a, b) => freqs[a] - freqs[b] || a - b);
  const weight: number[] = order.map((i) => freqs[i]);
  const parent = new Int32Array(2 * n - 1).fill(-1);
  let leaf = 0; // next unmerged leaf (nodes 0..n-1, sorted)
  let inner = n; // next unmerged inner node (nodes n.., created in ascending weight)
  for (let next = n; next < 2 * n - 1; next++) {
    const pick = (): number => (leaf < n && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++);
    const a = pick();
    const b = pick();
    weight[next] = weight[a] + weight[b];
    parent[a] = next;
    parent[b] = next;
  }
  const depth = new Int32Array(2 * n - 1);
  for (let node = 2 * n - 3; node >= 0; node--) depth[node] = depth[parent[node]] + 1;
  const out = new Array<number>(n);
  order.forEach((original, sorted) => (out[original] = depth[sorted]));
  return out;
}

/** Canonical codes: shorter codes first, equal lengths in symbol order (as in DEFLATE). */
export function canonicalCodes(lengths: Uint8Array): Uint32Array {
  const countPerLength = new Uint32Array(MAX_CODE_LENGTH + 1);
  for (const l of lengths) if (l > 0) countPerLength[l]++;
  const next = new Uint32Array(MAX_CODE_LENGTH + 2);
  // countPerLength[0] stays 0: unused symbols take no code space.
  for (let l = 1, code = 0; l <= MAX_CODE_LENGTH; l++) {
    code = (code + countPerLength[l - 1]) << 1;
    next[l] = code;
  }
  const codes = new Uint32Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) if (lengths[s] > 0) codes[s] = next[lengths[s]]++;
  return codes;
}

/** Bits the symbols take under `lengths`. */
export function huffmanBits(histogram: ArrayLike<number>, lengths: Uint8Array): number {
  let bits = 0;
  for (let s = 0; s < lengths.length; s++) bits += histogram[s] * lengths[s];
  return bits;
}

/** The symbols as a bit stream, LSB-first, each code written from its most significant bit. */
export function huffmanEncode(symbols: ArrayLike<number>, count: number, lengths: Uint8Array): Uint8Array {
  const codes = canonicalCodes(lengths);
  // Reversing each code once lets the writer append it LSB-first like any packed field.
  const reversed = new Uint32Array(codes.length);
  for (let s = 0; s < codes.length; s++) {
    let r = 0;
    for (let b = 0; b < lengths[s]; b++) r |= ((codes[s] >>> b) & 1) << (lengths[s] - 1 - b);
    reversed[s] = r;
  }
  const totalBits = huffmanBits(histogramOf(symbols, count, lengths.length), lengths);
  const out = new Uint8Array(Math.ceil(totalBits / 8));
  let acc = 0;
  let pending = 0;
  let o = 0;
  for (let i = 0; i < count; i++) {
    const s = symbols[i];
    acc |= reversed[s] << pending;
    pending += lengths[s];
    while (pending >= 8) {
      out[o++] = acc & 0xff;
      acc >>>= 8;
      pending -= 8;
    }
  }
  if (pending > 0) out[o] = acc & 0xff;
  return out;
}

export function histogramOf(symbols: ArrayLike<number>, count: number, alphabet: number): Float64Array {
  const hist = new Float64Array(alphabet);
  for (let i = 0; i < count; i++) hist[symbols[i]]++;
  return hist;
}

/**
 * Decodes `count` symbols from `src` into `out`; returns the bits used. Rejects length tables
 * that are not a prefix code and streams that end early, with a FormatError.
 */
export function huffmanDecode(src: Uint8Array, count: number, lengths: Uint8Array, out: Uint8Array): number {
  let used = 0;
  let maxLength = 0;
  let kraft = 0; // sum of 2^(15 - length): exactly 2^15 for a complete code
  for (let s = 0; s < lengths.length; s++) {
    if (lengths[s] === 0) continue;
    kraft += 1 << (MAX_CODE_LENGTH - lengths[s]);
    maxLength = Math.max(maxLength, lengths[s]);
    used++;
  }
  const lone = used === 1 && maxLength === 1;
  if (count === 0) return 0;
  if (kraft !== 1 << MAX_CODE_LENGTH && !lone) {
    throw new FormatError('A Huffman table in the file does not describe a valid prefix code.');
  }
  // Lookup table as in zlib's inflate: indexed by the next maxLength bits as they appear in the
  // LSB-first stream, each entry holds symbol * 16 + code length (0 = no such code).
  const table = new Uint16Array(1 << maxLength);
  const codes = canonicalCodes(lengths);
  for (let s = 0; s < lengths.length; s++) {
    const length = lengths[s];
    if (length === 0) continue;
    let reversed = 0;
    for (let b = 0; b < length; b++) reversed |= ((codes[s] >>> b) & 1) << (length - 1 - b);
    for (let fill = reversed; fill < table.length; fill += 1 << length) table[fill] = (s << 4) | length;
  }

  const mask = table.length - 1;
  const totalBits = src.length * 8;
  let acc = 0; // pending bits, LSB first; never more than maxLength + 7, so int32 arithmetic holds
  let available = 0;
  let p = 0;
  let bitPos = 0;
  for (let i = 0; i < count; i++) {
    while (available < maxLength) {
      acc |= (p < src.length ? src[p] : 0) << available; // past the end reads zeros, checked below
      p++;
      available += 8;
    }
    const entry = table[acc & mask];
    const length = entry & 15;
    if (length === 0) throw new FormatError('A Huffman-coded stream in the file holds a code that is not in its table.');
    out[i] = entry >>> 4;
    acc >>>= length;
    available -= length;
    bitPos += length;
  }
  if (bitPos > totalBits) throw new FormatError('A Huffman-coded stream in the file ends too early.');
  return bitPos;
}
