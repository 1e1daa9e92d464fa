// The k-th smallest |w| among the kept weights of some kernels, without copying or sorting them.
// A float32's magnitude orders exactly as its bit pattern with the sign bit cleared (NaN above
// Infinity), so one pass counts the weights per top 16 bits of that pattern (256 buckets per
// power of two), the bucket holding the k-th is found from the counts, and only that bucket's
// few weights are gathered and selected among. Two reads of the weights and no writes: on a
// 266,200-weight model this replaces an |w| copy and a quickselect over all of it.
import { scratchFloat32, scratchUint32 } from '../compression/scratch';
import { selectKth } from './select';

export interface MagnitudeSource {
  values: Float32Array;
  keep: Uint8Array;
}

export interface MagnitudeRank {
  /** The k-th smallest magnitude (NaN counted as Infinity, larger than any number). */
  threshold: number;
  /** How many kept weights have a magnitude strictly below it. */
  below: number;
}

const BUCKETS = 1 << 16;
const SHIFT = 15; // 31 magnitude bits -> the top 16
const bitsOf = (values: Float32Array) => new Uint32Array(values.buffer, values.byteOffset, values.length);

/** k is 0-based and must be below the number of kept weights. */
export function kthSmallestMagnitude(sources: MagnitudeSource[], k: number): MagnitudeRank {
  const counts = scratchUint32('prefix', BUCKETS).fill(0);
  for (const { values, keep } of sources) {
    const bits = bitsOf(values);
    for (let i = 0; i < bits.length; i++) if (keep[i] === 1) counts[(bits[i] & 0x7fffffff) >>> SHIFT]++;
  }
  let bucket = 0;
  let before = 0;
  while (before + counts[bucket] <= k) before += counts[bucket++];
  if (bucket >= BUCKETS) throw new Error(`kthSmallestMagnitude: k = ${k} is not below the number of kept weights.`);

  const members = scratchFloat32('magnitudes', counts[bucket]);
  let m = 0;
  for (const { values, keep } of sources) {
    const bits = bitsOf(values);
    for (let i = 0; i < bits.length; i++) {
      if (keep[i] === 1 && (bits[i] & 0x7fffffff) >>> SHIFT === bucket) {
        const a = Math.abs(values[i]);
        members[m++] = a === a ? a : Infinity;
      }
    }
  }
  const threshold = selectKth(members, k - before);
  let below = before;
  for (let i = 0; i < k - before; i++) if (members[i] < threshold) below++;
  return { threshold, below };
}
