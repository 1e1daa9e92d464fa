// The slider's compression kernels in WebAssembly SIMD, bit for bit as src/engine computes them
// in JavaScript (compressionKernels.property.test.ts holds them to it). The weights they read live
// in this module's memory for as long as a model is in the lab (src/engine/kernels/residentStore.ts),
// so a slider move copies only its masks in, never the weights.

const ABS = 0x7fffffff;
/** 1.5 * 2^52: adding it rounds a double to an integer, half to even (engine/quantization/rounding.ts). */
const MAGIC: f64 = 6755399441055744;
const INFINITY_BITS: u32 = 0x7f800000;

// Compaction without branches: i32x4.bitmask says which of four lanes to keep (0-15), and a
// swizzle with that row of a table moves them to the front, for one store and a popcount.
/** Row m: the byte indices of the 32-bit lanes set in m, in order (128: a zero byte). */
const PACK_LANES = memory.data<u8>([
  128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  4, 5, 6, 7, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 4, 5, 6, 7, 128, 128, 128, 128, 128, 128, 128, 128,
  8, 9, 10, 11, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 8, 9, 10, 11, 128, 128, 128, 128, 128, 128, 128, 128,
  4, 5, 6, 7, 8, 9, 10, 11, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 128, 128, 128, 128,
  12, 13, 14, 15, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 12, 13, 14, 15, 128, 128, 128, 128, 128, 128, 128, 128,
  4, 5, 6, 7, 12, 13, 14, 15, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 128, 128, 128, 128,
  8, 9, 10, 11, 12, 13, 14, 15, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 128, 128, 128, 128,
  4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 128, 128, 128, 128,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
]);
/** Row m: the indices of the bytes 0-3 set in m, in order. */
const PACK_BYTES = memory.data<u8>([
  128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  1, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  2, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 2, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  1, 2, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  1, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  2, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 2, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  1, 2, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128
]);

/** Four keep bytes at p as four i32 lanes: all ones where the byte is not 0 (kept). */
@inline
function keptLanes(p: usize): v128 {
  const k = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(p)));
  return v128.not(i32x4.eq(k, i32x4.splat(0)));
}

/** out[i] = src[i] where keep[i] == 1, else +0, on the bit patterns (pruning/mask.ts maskInto). */
export function maskInto(src: usize, keep: usize, out: usize, n: i32): void {
  const one = i32x4.splat(1);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const k = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(keep + <usize>i)));
    const o = <usize>i << 2;
    v128.store(out + o, v128.and(v128.load(src + o), i32x4.eq(k, one)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<i32>(out + o, load<u8>(keep + <usize>i) == 1 ? load<i32>(src + o) : 0);
  }
}

/** The number of bytes of p[0..n) that are not 0: the kept weights of a mask. */
export function countKept(p: usize, n: i32): i32 {
  let zeros = i32x4.splat(0);
  const zero = i8x16.splat(0);
  let i = 0;
  // Up to 127 blocks of 16 per i8 count before it could wrap, then widen.
  while (i + 16 <= n) {
    let acc = i8x16.splat(0);
    const stop = min(n - 15, i + 16 * 127);
    for (; i < stop; i += 16) acc = i8x16.sub(acc, i8x16.eq(v128.load(p + <usize>i), zero));
    zeros = i32x4.add(zeros, i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(acc)));
  }
  let z = i32x4.extract_lane(zeros, 0) + i32x4.extract_lane(zeros, 1) + i32x4.extract_lane(zeros, 2) + i32x4.extract_lane(zeros, 3);
  for (; i < n; i++) z += <i32>(load<u8>(p + <usize>i) == 0);
  return n - z;
}

/**
 * Range of the kept values (keep 0: all kept), both ends starting at 0, as uniform.ts
 * tensorRangeKept computes it (a pruned weight counts as 0, which moves neither end); written to
 * result as two f32, min then max.
 */
export function keptRange(values: usize, keep: usize, n: i32, result: usize): void {
  let lo = f32x4.splat(0);
  let hi = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    let v = v128.load(values + (<usize>i << 2));
    if (keep != 0) v = v128.and(v, keptLanes(keep + <usize>i));
    // pmin(a, b) is b < a ? b : a: JavaScript's `v < min ? v : min`, NaN ignored likewise.
    lo = f32x4.pmin(lo, v);
    hi = f32x4.pmax(hi, v);
  }
  // Lane by lane: min and max of non-NaN values do not depend on the order.
  let l = f32x4.extract_lane(lo, 0);
  let h = f32x4.extract_lane(hi, 0);
  l = min3(l, f32x4.extract_lane(lo, 1), f32x4.extract_lane(lo, 2), f32x4.extract_lane(lo, 3));
  h = max3(h, f32x4.extract_lane(hi, 1), f32x4.extract_lane(hi, 2), f32x4.extract_lane(hi, 3));
  for (; i < n; i++) {
    if (keep != 0 && load<u8>(keep + <usize>i) == 0) continue;
    const v = load<f32>(values + (<usize>i << 2));
    l = v < l ? v : l;
    h = v > h ? v : h;
  }
  store<f32>(result, l);
  store<f32>(result, h, 4);
}

@inline
function min3(l: f32, a: f32, b: f32, c: f32): f32 {
  l = a < l ? a : l;
  l = b < l ? b : l;
  return c < l ? c : l;
}

@inline
function max3(h: f32, a: f32, b: f32, c: f32): f32 {
  h = a > h ? a : h;
  h = b > h ? b : h;
  return c > h ? c : h;
}

/**
 * Uniform quantization of one tensor with one scale (quantization/uniform.ts, tensorCodesAndValues):
 * code = nearest-even(clamp(w / scale, -offset, top - offset)) + offset for each kept weight
 * (keep[i] != 0; a keep pointer of 0: every weight is kept; scale must be > 0), written compactly
 * to codes (room for n + 4 bytes); out[i] = float32(scale * (code - offset)), the engine's level
 * table entry, or +0 where pruned. Division and rounding in double precision, as JavaScript does
 * (a float32 quotient can round a value just off a tie onto it); rounding by the same 1.5 * 2^52
 * addition. Returns the number of codes.
 */
export function quantizeTensor(values: usize, keep: usize, n: i32, scale: f64, offset: i32, top: i32, codes: usize, out: usize): i32 {
  const s = f64x2.splat(scale);
  const lo = f64x2.splat(<f64>-offset);
  const hi = f64x2.splat(<f64>(top - offset));
  const magic = f64x2.splat(MAGIC);
  const off = i32x4.splat(offset);
  let k = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const w = v128.load(values + (<usize>i << 2));
    // pmax(x, lo) is x < lo ? lo : x and pmin(x, hi) is hi < x ? hi : x: JavaScript's clamp.
    const ya = f64x2.add(f64x2.pmin(f64x2.pmax(f64x2.div(f64x2.promote_low_f32x4(w), s), lo), hi), magic);
    const yb = f64x2.add(f64x2.pmin(f64x2.pmax(f64x2.div(f64x2.promote_low_f32x4(v128.shuffle<f32>(w, w, 2, 3, 0, 1)), s), lo), hi), magic);
    // y's low 32 bits are the rounded integer; y - MAGIC is it as a double (+0, never -0).
    const q = i32x4.add(v128.shuffle<i32>(ya, yb, 0, 2, 4, 6), off);
    const value = v128.shuffle<f32>(f32x4.demote_f64x2_zero(f64x2.mul(s, f64x2.sub(ya, magic))), f32x4.demote_f64x2_zero(f64x2.mul(s, f64x2.sub(yb, magic))), 0, 1, 4, 5);
    if (keep == 0) {
      v128.store(out + (<usize>i << 2), value);
      v128.store32_lane(codes + <usize>k, i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(q, q), i16x8.splat(0)), 0);
      k += 4;
      continue;
    }
    const kept = keptLanes(keep + <usize>i);
    v128.store(out + (<usize>i << 2), v128.and(value, kept));
    // Compact: four code bytes are stored at k, and k moves on only past the kept ones.
    const mask = i32x4.bitmask(kept);
    const bytes = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(q, q), i16x8.splat(0));
    v128.store32_lane(codes + <usize>k, i8x16.swizzle(bytes, v128.load(PACK_BYTES + (<usize>mask << 4))), 0);
    k += popcnt<i32>(mask);
  }
  for (; i < n; i++) {
    const kept: i32 = keep == 0 ? 1 : <i32>(load<u8>(keep + <usize>i) != 0);
    const x = nearest<f64>(min<f64>(max<f64>(<f64>load<f32>(values + (<usize>i << 2)) / scale, <f64>-offset), <f64>(top - offset))) + 0;
    store<f32>(out + (<usize>i << 2), kept ? <f32>(scale * x) : 0);
    if (kept) store<u8>(codes + <usize>(k++), <u8>(<i32>x + offset));
  }
  return k;
}

// ---- k-th smallest magnitude (pruning/magnitudeSelect.ts, its sampled fast path) ----

/** The k-th smallest (0-based) of n u32 at p, rearranging them so everything before it is <= it. */
function selectU32(p: usize, n: i32, k: i32): u32 {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    // Median of three as the pivot, then a Hoare partition.
    const mid = left + ((right - left) >> 1);
    const a = load<u32>(p + (<usize>left << 2));
    const b = load<u32>(p + (<usize>mid << 2));
    const c = load<u32>(p + (<usize>right << 2));
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (load<u32>(p + (<usize>i << 2)) < pivot) i++;
      while (load<u32>(p + (<usize>j << 2)) > pivot) j--;
      if (i <= j) {
        const t = load<u32>(p + (<usize>i << 2));
        store<u32>(p + (<usize>i << 2), load<u32>(p + (<usize>j << 2)));
        store<u32>(p + (<usize>j << 2), t);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break; // between j and i everything equals the pivot
  }
  return load<u32>(p + (<usize>k << 2));
}

const SAMPLE = 4096;

/**
 * The k-th smallest magnitude (0-based, k below `kept`) over `count` spans, each three u32 at
 * spans: values, keep (1 = kept, 0 = pruned; a pointer of 0: every weight kept), length. The answer's bit pattern is returned (NaN
 * counted as Infinity), and the number of kept weights strictly below it is stored at result.
 * Returns -1 when the sample's bracket missed (the caller then runs the exact bucket method).
 * `scratch` holds `room` bytes.
 */
export function kthMagnitude(spans: usize, count: i32, k: i32, kept: i32, scratch: usize, room: i32, result: usize): i32 {
  let total = 0;
  for (let s = 0; s < count; s++) total += load<i32>(spans + <usize>(s * 12), 8);
  if (!(k >= 0 && k < kept)) return -1;
  // Evenly spaced kept weights, as magnitudeSelect.ts samples them.
  const sample = scratch;
  let m = 0;
  let span = 0;
  let offset = 0;
  for (let j = 0; j < SAMPLE; j++) {
    const position = <i32>Math.floor(((<f64>j + 0.5) * <f64>total) / <f64>SAMPLE);
    while (position >= offset + load<i32>(spans + <usize>(span * 12), 8)) {
      offset += load<i32>(spans + <usize>(span * 12), 8);
      span++;
    }
    const at = <usize>(position - offset);
    const base = spans + <usize>(span * 12);
    const keep = <usize>load<u32>(base, 4);
    if (keep == 0 || load<u8>(keep + at) == 1) {
      store<u32>(sample + (<usize>m << 2), min<u32>(load<u32>(<usize>load<u32>(base) + (at << 2)) & ABS, INFINITY_BITS));
      m++;
    }
  }
  if (m < SAMPLE / 8) return -1;
  const q = (<f64>k + 0.5) / <f64>kept;
  const margin = 4 * Math.sqrt(<f64>m * q * (1 - q)) + 4;
  const loRank = <i32>Math.floor(q * <f64>m - margin);
  const hiRank = <i32>Math.ceil(q * <f64>m + margin);
  const loBits: u32 = loRank <= 0 ? 0 : min<u32>(INFINITY_BITS, selectU32(sample, m, loRank));
  const hiBits: u32 = hiRank >= m ? ABS : selectU32(sample, m, hiRank);

  const members = scratch + (<usize>SAMPLE << 2);
  const capacity = min<i32>(<i32>Math.ceil((<f64>(hiRank - loRank + 1) / <f64>m) * <f64>kept * 2) + 1024, (room >> 2) - SAMPLE - 4);
  // Magnitude bits are below 2^31, so signed compares (one instruction each on x86) order them.
  const lo4 = i32x4.splat(loBits);
  const hi4 = i32x4.splat(hiBits);
  const abs4 = i32x4.splat(ABS);
  const all4 = i32x4.splat(-1);
  let below4 = i32x4.splat(0);
  let below = 0;
  let n = 0;
  for (let s = 0; s < count; s++) {
    const base = spans + <usize>(s * 12);
    const values = <usize>load<u32>(base);
    const keep = <usize>load<u32>(base, 4);
    const length = load<i32>(base, 8);
    let i = 0;
    for (; i + 4 <= length; i += 4) {
      const b = v128.and(v128.load(values + (<usize>i << 2)), abs4);
      const kept4 = keep == 0 ? all4 : keptLanes(keep + <usize>i);
      const low = i32x4.lt_s(b, lo4);
      below4 = i32x4.sub(below4, v128.and(low, kept4));
      const inside = v128.andnot(kept4, v128.or(low, i32x4.gt_s(b, hi4)));
      if (n + 4 > capacity) return -1; // the sample lied: start over exactly
      // Every group is stored whole at n; n moves past its members only.
      const mask = i32x4.bitmask(inside);
      v128.store(members + (<usize>n << 2), i8x16.swizzle(b, v128.load(PACK_LANES + (<usize>mask << 4))));
      n += popcnt<i32>(mask);
    }
    for (; i < length; i++) {
      if (keep != 0 && load<u8>(keep + <usize>i) != 1) continue;
      const b = load<u32>(values + (<usize>i << 2)) & ABS;
      if (b < loBits) below++;
      else if (b <= hiBits) {
        if (n + 1 > capacity) return -1;
        store<u32>(members + (<usize>n << 2), b);
        n++;
      }
    }
  }
  below += i32x4.extract_lane(below4, 0) + i32x4.extract_lane(below4, 1) + i32x4.extract_lane(below4, 2) + i32x4.extract_lane(below4, 3);
  if (k < below || k >= below + n) return -1;
  for (let i = 0; i < n; i++) {
    const p = members + (<usize>i << 2);
    if (load<u32>(p) > INFINITY_BITS) store<u32>(p, INFINITY_BITS); // NaN counts as Infinity
  }
  const rank = k - below;
  const threshold = selectU32(members, n, rank);
  for (let i = 0; i < rank; i++) below += <i32>(load<u32>(members + (<usize>i << 2)) < threshold);
  store<i32>(result, below);
  return <i32>threshold;
}

/**
 * Prunes the kept weights whose magnitude is below the threshold's bits, and the first `ties`
 * kept ones (row-major) equal to it (pruning/magnitudeRemoval.ts). Returns the ties still owed.
 */
export function pruneBelow(values: usize, keep: usize, n: i32, threshold: u32, ties: i32): i32 {
  const t4 = i32x4.splat(threshold);
  const abs4 = i32x4.splat(ABS);
  const inf4 = i32x4.splat(INFINITY_BITS);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const b = i32x4.min_s(v128.and(v128.load(values + (<usize>i << 2)), abs4), inf4);
    const kept4 = keptLanes(keep + <usize>i);
    const under = i32x4.lt_s(b, t4);
    // One byte per lane: 0xff where the weight goes, which clears its keep byte.
    const gone = i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(under, under), i16x8.splat(0));
    const p = keep + <usize>i;
    store<u32>(p, load<u32>(p) & ~i32x4.extract_lane(gone, 0));
    if (ties > 0 && v128.any_true(v128.and(i32x4.eq(b, t4), kept4))) ties = tiesIn(values, keep, i, 4, threshold, ties);
  }
  for (; i < n; i++) {
    if (load<u8>(keep + <usize>i) == 0) continue;
    const b = min<u32>(load<u32>(values + (<usize>i << 2)) & ABS, INFINITY_BITS);
    if (b < threshold) store<u8>(keep + <usize>i, 0);
    else if (b == threshold && ties > 0) {
      store<u8>(keep + <usize>i, 0);
      ties--;
    }
  }
  return ties;
}

/** Prunes, in order, the still-kept weights of [from, from + count) that equal the threshold. */
function tiesIn(values: usize, keep: usize, from: i32, count: i32, threshold: u32, ties: i32): i32 {
  for (let j = from; j < from + count && ties > 0; j++) {
    if (load<u8>(keep + <usize>j) == 0) continue;
    if (min<u32>(load<u32>(values + (<usize>j << 2)) & ABS, INFINITY_BITS) != threshold) continue;
    store<u8>(keep + <usize>j, 0);
    ties--;
  }
  return ties;
}

// ---- Ascending sort of float32 values (quantization/sortFloat32.ts, for k-means) ----

const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;
const DIGIT: u32 = BUCKETS - 1;

// Keys whose unsigned order is the float order: every bit of a negative flipped, only the sign
// bit of a positive; and back.
@inline function toKey(b: u32): u32 {
  return b & 0x80000000 ? ~b : b | 0x80000000;
}
@inline function fromKey(k: u32): u32 {
  return k & 0x80000000 ? k & 0x7fffffff : ~k;
}

/** Prefix sums of one digit's 2048 counts, in place: each becomes its bucket's first slot. */
function startsOf(table: usize): void {
  let sum: u32 = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const c = load<u32>(table + (<usize>b << 2));
    store<u32>(table + (<usize>b << 2), sum);
    sum += c;
  }
}

/**
 * One scatter pass from src to dst by the digit at `shift`. `mapIn`: src holds raw float bits
 * (the first pass maps them to keys as it reads); `mapOut`: dst gets raw float bits back (the
 * last pass). Fusing the mapping into the passes saves two passes over memory.
 */
@inline function scatter(src: usize, dst: usize, n: i32, table: usize, shift: u32, mapIn: bool, mapOut: bool): void {
  for (let i = 0; i < n; i++) {
    const v = load<u32>(src + (<usize>i << 2));
    const key = mapIn ? toKey(v) : v;
    const slot = table + (<usize>((key >>> shift) & DIGIT) << 2);
    const at = load<u32>(slot);
    store<u32>(slot, at + 1);
    store<u32>(dst + (<usize>at << 2), mapOut ? fromKey(key) : key);
  }
}

/**
 * LSD radix sort of n float32 at keys (three passes of 11 bits on the bit patterns, mapped so
 * their integer order is the float order), using spare (n u32) and counts (3 * 2048 u32). The
 * values at keys are read, not changed, unless a pass writes there. Returns where the sorted
 * values are: keys or spare.
 */
export function sortFloat32(keys: usize, spare: usize, n: i32, counts: usize): usize {
  memory.fill(counts, 0, <usize>(3 * BUCKETS) << 2);
  if (n == 0) return keys;
  for (let i = 0; i < n; i++) {
    const key = toKey(load<u32>(keys + (<usize>i << 2)));
    const c0 = counts + (<usize>(key & DIGIT) << 2);
    store<u32>(c0, load<u32>(c0) + 1);
    const c1 = counts + (<usize>(BUCKETS + ((key >>> RADIX_BITS) & DIGIT)) << 2);
    store<u32>(c1, load<u32>(c1) + 1);
    const c2 = counts + (<usize>(2 * BUCKETS + (key >>> (2 * RADIX_BITS))) << 2);
    store<u32>(c2, load<u32>(c2) + 1);
  }
  // A pass whose digit is the same everywhere would only copy: it is skipped. The first pass
  // that runs maps the values to keys, the last maps them back; with none, nothing moves.
  const first = toKey(load<u32>(keys));
  let last = -1;
  for (let pass = 0; pass < 3; pass++) {
    const shift = <u32>(pass * RADIX_BITS);
    if (load<u32>(counts + (<usize>(pass * BUCKETS + ((first >>> shift) & DIGIT)) << 2)) != <u32>n) last = pass;
  }
  let ran = 0;
  for (let pass = 0; pass < 3; pass++) {
    const shift = <u32>(pass * RADIX_BITS);
    const table = counts + (<usize>(pass * BUCKETS) << 2);
    if (load<u32>(table + (<usize>((first >>> shift) & DIGIT) << 2)) == <u32>n) continue;
    startsOf(table);
    const mapIn = ran == 0;
    const mapOut = pass == last;
    if (mapIn && mapOut) scatter(keys, spare, n, table, shift, true, true);
    else if (mapIn) scatter(keys, spare, n, table, shift, true, false);
    else if (mapOut) scatter(keys, spare, n, table, shift, false, true);
    else scatter(keys, spare, n, table, shift, false, false);
    ran++;
    const t = keys;
    keys = spare;
    spare = t;
  }
  return keys;
}
