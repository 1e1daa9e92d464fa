// Ascending sort of float32 values by LSD radix sort on their bit patterns: three passes of
// 11 bits, linear time. k-means on sorted values needs this once per layer, and a comparison
// sort of a few hundred thousand values costs several times more in JS.

const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;

/** A sorted copy of `values` (no NaN expected; -0 sorts before +0). */
export function sortFloat32(values: Float32Array): Float32Array {
  const n = values.length;
  let keys = new Uint32Array(n);
  new Float32Array(keys.buffer).set(values);
  // Map float bits to unsigned keys whose integer order is the float order: flip every bit of
  // negatives (larger magnitude = smaller), flip only the sign bit of positives.
  for (let i = 0; i < n; i++) {
    const b = keys[i];
    keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
  }
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & (BUCKETS - 1)]++;
    // A pass whose digit is the same everywhere would only copy: skip it.
    if (counts[(keys[0] >>> shift) & (BUCKETS - 1)] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      spare[counts[(key >>> shift) & (BUCKETS - 1)]++] = key;
    }
    const tmp = keys;
    keys = spare;
    spare = tmp;
  }
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    keys[i] = k & 0x80000000 ? (k & 0x7fffffff) >>> 0 : ~k >>> 0;
  }
  return new Float32Array(keys.buffer);
}
