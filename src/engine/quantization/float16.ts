// IEEE 754 half precision: 1 sign, 5 exponent, 10 mantissa bits. Conversion rounds to nearest,
// ties to even, including subnormals (a port of numpy's npy_floatbits_to_halfbits), so the
// playground's float16 matches what a GPU or numpy would store.

// Aliased views read a float32's bits without DataView calls in the hot loop.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Largest finite half: values beyond it would become Infinity. */
export const FLOAT16_MAX = 65504;

/** Half-float bits of x (rounded to float32 first), to nearest even; overflow gives Infinity. */
export function toFloat16Bits(x: number): number {
  f32[0] = x;
  const f = u32[0];
  const sign = (f >>> 16) & 0x8000;
  const exp = f & 0x7f800000;
  if (exp >= 0x47800000) {
    if (exp === 0x7f800000 && (f & 0x007fffff) !== 0) return sign | 0x7e00; // NaN stays NaN
    return sign | 0x7c00; // Infinity, or too large for a half
  }
  if (exp <= 0x38000000) {
    if (exp < 0x33000000) return sign; // below half the smallest subnormal: signed zero
    const e = exp >>> 23;
    let sig = (0x00800000 + (f & 0x007fffff)) >>> (113 - e);
    // Round half to even; the shift may have dropped low bits that make it "more than half".
    if ((sig & 0x00003fff) !== 0x00001000 || (f & 0x000007ff) !== 0) sig += 0x00001000;
    return sign | (sig >>> 13); // a carry here correctly becomes the smallest normal
  }
  let sig = f & 0x007fffff;
  if ((sig & 0x00003fff) !== 0x00001000) sig += 0x00001000;
  // Adding mantissa and exponent lets a rounding carry bump the exponent (or reach Infinity).
  return (sign | (((exp - 0x38000000) >>> 13) + (sig >>> 13))) & 0xffff;
}

let halfTable: Float32Array | null = null;

/** All 65,536 half values as float32, built once: decoding is then one lookup per weight. */
export function float16Table(): Float32Array {
  if (halfTable) return halfTable;
  const table = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >>> 10) & 0x1f;
    const mant = h & 0x3ff;
    if (exp === 0) table[h] = sign * mant * 2 ** -24;
    else if (exp === 31) table[h] = mant === 0 ? sign * Infinity : NaN;
    else table[h] = sign * (1 + mant / 1024) * 2 ** (exp - 15);
  }
  halfTable = table;
  return table;
}

/** The float value of half bits. */
export function fromFloat16Bits(h: number): number {
  return float16Table()[h & 0xffff];
}

/** True for half bits that are Infinity or NaN (exponent all ones). */
export function isFloat16NonFinite(h: number): boolean {
  return (h & 0x7c00) === 0x7c00;
}

/**
 * float16 codes of the kept values. Values beyond +-65504 are clamped to it rather than turned
 * into Infinity, so a float16 model never holds a non-finite weight.
 */
export function quantizeFloat16(values: Float32Array, keep: Uint8Array | null, kept: number): Uint16Array {
  const codes = new Uint16Array(kept);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const v = values[i];
    codes[k++] = toFloat16Bits(v > FLOAT16_MAX ? FLOAT16_MAX : v < -FLOAT16_MAX ? -FLOAT16_MAX : v);
  }
  return codes;
}
