// Ascending sort of float32 values by LSD radix sort on their bit patterns: three passes of
// 11 bits, linear time. k-means on sorted values needs this once per layer, and a comparison
// sort of a few hundred thousand values costs several times more in JS. Where the WebAssembly
// kernels are installed the same passes run there (assembly/compression.ts sortFloat32).

import { scratchUint32 } from '../compression/scratch';
import { wasmSortFloat32 } from '../kernels/compressionKernels';

const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;
const DIGIT = BUCKETS - 1;

/** A sorted copy of `values` (no NaN expected; -0 sorts before +0). */
export function sortFloat32(values: Float32Array): Float32Array {
  return sortIntoScratch(values).slice();
}

/** Sorted values in scratch memory: valid only until the next call. */
export function sortIntoScratch(values: Float32Array): Float32Array {
  const n = values.length;
  let keys = scratchUint32('sortKeys', n);
  // The same sort in WebAssembly where the kernels are loaded (the worker).
  if (wasmSortFloat32(values, new Float32Array(keys.buffer, 0, n))) return new Float32Array(keys.buffer, 0, n);
  new Float32Array(keys.buffer, 0, n).set(values);
  // All three digit histograms in one read of the keys; the mapping makes the keys' integer
  // order the float order: flip every bit of negatives, only the sign bit of positives.
  const counts = new Uint32Array(3 * BUCKETS);
  for (let i = 0; i < n; i++) {
    const b = keys[i];
    const key = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    keys[i] = key;
    counts[key & DIGIT]++;
    counts[BUCKETS + ((key >>> RADIX_BITS) & DIGIT)]++;
    counts[2 * BUCKETS + (key >>> (2 * RADIX_BITS))]++;
  }
  let spare = scratchUint32('sortSpare', n);
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * RADIX_BITS;
    const offset = pass * BUCKETS;
    // A pass whose digit is the same everywhere would only copy: skip it.
    if (n === 0 || counts[offset + ((keys[0] >>> shift) & DIGIT)] === n) continue;
    for (let b = 0, sum = 0; b < BUCKETS; b++) {
      const c = counts[offset + b];
      counts[offset + b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      spare[counts[offset + ((key >>> shift) & DIGIT)]++] = key;
    }
    const tmp = keys;
    keys = spare;
    spare = tmp;
  }
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    keys[i] = k & 0x80000000 ? (k & 0x7fffffff) >>> 0 : ~k >>> 0;
  }
  return new Float32Array(keys.buffer, 0, n);
}
