// The k-th smallest |w| among the kept weights of some kernels, without copying or sorting them.
// A float32's magnitude orders exactly as its bit pattern with the sign bit cleared (NaN above
// Infinity), so all comparisons here are integer comparisons on those bits.
//
// Fast path (one read of the weights): a few thousand evenly spaced kept weights are sampled,
// and two of their order statistics bracket the k-th with a wide safety margin. One pass then
// counts the kept weights below the bracket (branch-free) and gathers the few inside it, and a
// selection among those few gives the answer. If the bracket missed (adversarial data, very
// sparse masks, small models), the exact bucket method below runs instead, so the answer never
// depends on the sample: only the speed does.
//
// Bucket method (two reads): counts the weights per top 16 bits of the pattern (256 buckets per
// power of two), finds the bucket holding the k-th from the counts, and selects among that
// bucket's few weights.
import { scratchFloat32, scratchUint32 } from '../compression/scratch';
import { selectKth } from './select';
import { wasmKthMagnitude } from '../kernels/magnitudeKernels';

export interface MagnitudeSource {
  values: Float32Array;
  /** 1 = kept, 0 = pruned (the Mask contract; no other values). */
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
const INFINITY_BITS = 0x7f800000;
/** Below this many weights a sample says too little; the bucket method is cheap there anyway. */
const SAMPLED_MIN = 1 << 14;
const SAMPLE = 4096;
const bitsOf = (values: Float32Array) => new Uint32Array(values.buffer, values.byteOffset, values.length);

/**
 * k is 0-based and must be below the number of kept weights; `kept`, that number, saves a count
 * when the caller already has it.
 */
export function kthSmallestMagnitude(sources: MagnitudeSource[], k: number, kept?: number): MagnitudeRank {
  let total = 0;
  for (const s of sources) total += s.values.length;
  if (total >= SAMPLED_MIN) {
    const keptCount = kept ?? countKept(sources);
    // Weights in WebAssembly memory: the same sampled bracket there, with SIMD.
    const wasm = wasmKthMagnitude(sources, k, keptCount);
    if (wasm === 'missed') return kthByBuckets(sources, k);
    if (wasm !== null) return wasm;
    const fast = kthBySample(sources, k, total, keptCount);
    if (fast !== null) return fast;
  }
  return kthByBuckets(sources, k);
}

function countKept(sources: MagnitudeSource[]): number {
  let kept = 0;
  for (const { keep } of sources) for (let i = 0; i < keep.length; i++) kept += keep[i];
  return kept;
}

/** The sampled bracket; null when the sample is too thin or the bracket missed the k-th. */
function kthBySample(sources: MagnitudeSource[], k: number, total: number, kept: number): MagnitudeRank | null {
  if (!(k >= 0 && k < kept)) return null;
  // Evenly spaced positions, kept ones only; a deterministic sample, so timings repeat too.
  const sample = scratchUint32('sample', SAMPLE);
  let s = 0;
  let offset = 0;
  let source = 0;
  let bits = bitsOf(sources[0].values);
  let keep = sources[0].keep;
  for (let j = 0; j < SAMPLE; j++) {
    const position = Math.floor(((j + 0.5) * total) / SAMPLE);
    while (position >= offset + bits.length) {
      offset += bits.length;
      source++;
      bits = bitsOf(sources[source].values);
      keep = sources[source].keep;
    }
    const i = position - offset;
    if (keep[i] === 1) sample[s++] = Math.min(bits[i] & 0x7fffffff, INFINITY_BITS);
  }
  if (s < SAMPLE / 8) return null;

  // The k-th sits near rank q * s of the sample; 4 binomial standard deviations either side
  // (plus a little for rounding) misses about once in 16,000 calls, and a miss only costs time.
  const q = (k + 0.5) / kept;
  const margin = 4 * Math.sqrt(s * q * (1 - q)) + 4;
  const loRank = Math.floor(q * s - margin);
  const hiRank = Math.ceil(q * s + margin);
  const keys = new Float32Array(sample.buffer, 0, s); // selectKth orders floats; these are >= 0
  const lo = (loRank <= 0 ? 0 : Math.min(INFINITY_BITS, bitsAsKey(selectKth(keys, loRank)))) | 0;
  const hi = hiRank >= s ? 0x7fffffff : bitsAsKey(selectKth(keys, hiRank));
  // Both below 2^31: `| 0` tells V8 so, and the pass runs on int32s instead of doubles (3x).
  const width = (hi - lo) | 0;

  // Room for twice the expected bracket; more than that means the sample lied: start over.
  const capacity = Math.ceil(((hiRank - loRank + 1) / s) * kept * 2) + 1024;
  const members = scratchUint32('magnitudes', capacity + 1);
  let below = 0;
  let m = 0;
  for (const { values, keep } of sources) {
    const counted = kept === total ? bracketAll(bitsOf(values), lo, width, members, m) : bracketKept(bitsOf(values), keep, lo, width, members, m);
    if (counted < 0) return null;
    below += bracketBelow;
    m = counted;
  }
  if (k < below || k >= below + m) return null;
  for (let i = 0; i < m; i++) if (members[i] > INFINITY_BITS) members[i] = INFINITY_BITS; // NaN counts as Infinity
  return rankAmong(new Float32Array(members.buffer, 0, m), k - below, below);
}

// The two passes below are branch-free: every weight is written to members[m] and m advances
// only when it lies inside the bracket. A branch there mispredicts on random signs and costs
// half again as much. They return the new m (-1 when the bracket overflowed) and leave the count
// below it in bracketBelow: packing both into one number made m a double, and a double index
// made the loop four times slower.
let bracketBelow = 0;

/** Every weight kept (the first slider move, no lottery mask): the mask is not even read. */
function bracketAll(bits: Uint32Array, lo: number, width: number, members: Uint32Array, start: number): number {
  const capacity = members.length - 1;
  const n = bits.length;
  let below = 0;
  let m = start;
  for (let i = 0; i < n; i++) {
    const b = bits[i] & 0x7fffffff;
    const d = (b - lo) | 0; // lo and b are below 2^31: negative exactly when b < lo
    const under = d >>> 31;
    below += under;
    members[m] = b;
    m += (under | ((width - d) >>> 31)) ^ 1;
    if (m === capacity) return -1;
  }
  bracketBelow = below;
  return m;
}

function bracketKept(bits: Uint32Array, keep: Uint8Array, lo: number, width: number, members: Uint32Array, start: number): number {
  const capacity = members.length - 1;
  const n = bits.length;
  let below = 0;
  let m = start;
  for (let i = 0; i < n; i++) {
    const b = bits[i] & 0x7fffffff;
    const d = (b - lo) | 0;
    const k = keep[i];
    const under = d >>> 31;
    below += under & k;
    members[m] = b;
    m += ((under | ((width - d) >>> 31)) ^ 1) & k;
    if (m === capacity) return -1;
  }
  bracketBelow = below;
  return m;
}

const keyView = new Float32Array(1);
const keyBits = new Uint32Array(keyView.buffer);
function bitsAsKey(magnitude: number): number {
  keyView[0] = magnitude;
  return keyBits[0];
}

/** The `rank`-th of `members` and how many weights lie strictly below it. */
function rankAmong(members: Float32Array, rank: number, before: number): MagnitudeRank {
  const threshold = selectKth(members, rank);
  let below = before;
  for (let i = 0; i < rank; i++) if (members[i] < threshold) below++;
  return { threshold, below };
}

function kthByBuckets(sources: MagnitudeSource[], k: number): MagnitudeRank {
  const counts = scratchUint32('prefix', BUCKETS).fill(0);
  for (const { values, keep } of sources) {
    const bits = bitsOf(values);
    // NaN patterns go in Infinity's bucket: they rank as Infinity, so none of them is counted
    // below an Infinity threshold.
    for (let i = 0; i < bits.length; i++) if (keep[i] === 1) counts[Math.min(bits[i] & 0x7fffffff, INFINITY_BITS) >>> SHIFT]++;
  }
  let bucket = 0;
  let before = 0;
  while (bucket < BUCKETS && before + counts[bucket] <= k) before += counts[bucket++];
  if (bucket >= BUCKETS) throw new Error(`kthSmallestMagnitude: k = ${k} is not below the number of kept weights.`);

  const members = scratchFloat32('magnitudes', counts[bucket]);
  let m = 0;
  for (const { values, keep } of sources) {
    const bits = bitsOf(values);
    for (let i = 0; i < bits.length; i++) {
      if (keep[i] === 1 && Math.min(bits[i] & 0x7fffffff, INFINITY_BITS) >>> SHIFT === bucket) {
        const a = Math.abs(values[i]);
        members[m++] = a === a ? a : Infinity;
      }
    }
  }
  return rankAmong(members, k - before, before);
}
