// Rounding to the nearest integer, ties to even, as TFLite, numpy and PyTorch quantize.
// Math.round sends every .5 up, which biases codes upwards by half a step on ties.

/**
 * 1.5 * 2^52. Adding it to |x| < 2^51 leaves no fraction bits, so the FPU rounds x to an
 * integer in its default mode, which is round-half-to-even; subtracting it again is exact.
 * Hot loops inline `(x + ROUND_MAGIC) - ROUND_MAGIC` for that reason.
 */
export const ROUND_MAGIC = 6755399441055744;

/** Nearest integer to x, ties to the even neighbour (2.5 -> 2, 3.5 -> 4, -2.5 -> -2). */
export function roundHalfToEven(x: number): number {
  if (Math.abs(x) < 2 ** 51) return x + ROUND_MAGIC - ROUND_MAGIC;
  // From 2^51 on, doubles are multiples of 0.5 or coarser: only .5 ties can remain.
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** x limited to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The smallest float32 >= x, for x >= 0. Scales rounded up never make the largest weight clip. */
export function roundUpToFloat32(x: number): number {
  const f = Math.fround(x);
  if (f >= x) return f;
  f32[0] = f;
  u32[0] += 1; // for a non-negative float32, the next bit pattern is the next larger value
  return f32[0];
}
