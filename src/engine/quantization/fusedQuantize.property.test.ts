// The fused per-tensor pass (codes and dequantized values at once) against a straightforward
// reference written from the definition, and against the separate dequantizePayload pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dequantizePayload } from './dequantize';
import { quantizeTensor } from './quantize';
import { roundHalfToEven, roundUpToFloat32 } from './rounding';

/** Symmetric or affine per-tensor quantization, one weight at a time, no tricks. */
function reference(values: Float32Array, keep: Uint8Array | null, scheme: 'symmetric' | 'affine', bits: number) {
  const kept = values.filter((_, i) => keep === null || keep[i] === 1);
  const min = Math.min(0, ...kept);
  const max = Math.max(0, ...kept);
  const top = scheme === 'affine' ? 2 ** bits - 1 : 2 * (2 ** (bits - 1) - 1);
  const scale = scheme === 'affine' ? roundUpToFloat32((max - min) / top) : roundUpToFloat32(Math.max(-min, max) / (top / 2));
  const zero = scheme === 'affine' ? (scale > 0 ? Math.min(top, Math.max(0, roundHalfToEven(-min / scale))) : 0) : top / 2;
  const codes: number[] = [];
  const out = new Float32Array(values.length);
  values.forEach((v, i) => {
    if (keep !== null && keep[i] !== 1) return;
    const q = scale > 0 ? roundHalfToEven(Math.min(top - zero, Math.max(-zero, v / scale))) : 0;
    codes.push(q + zero);
    out[i] = Math.fround(scale * q);
  });
  return { codes, out, scale };
}

describe('fused per-tensor quantize + dequantize', () => {
  it('matches the reference and the separate dequantize pass bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.float({ min: -4, max: 4, noNaN: true }), fc.constantFrom(0, -0, 0.5, -1.5, 2.5)), { minLength: 1, maxLength: 200 }),
        fc.constantFrom('symmetric' as const, 'affine' as const),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (list, scheme, bits, pruneEvery, reuse) => {
          const values = Float32Array.from(list);
          const keep = pruneEvery === 0 ? null : Uint8Array.from(values, (_, i) => (i % pruneEvery === 0 ? 0 : 1));
          const out = reuse ? new Float32Array(values.length).fill(NaN) : undefined;
          const space = reuse ? new Uint8Array(4 * values.length).fill(99).buffer : undefined;
          const w = { name: 'dense_0/kernel', shape: [values.length, 1], values };
          const q = quantizeTensor(w, keep, { scheme, granularity: 'tensor', bits }, out, space);
          if (space) expect(q.codes.buffer).toBe(space);
          const ref = reference(values, keep, scheme, bits);
          expect(q.scales![0]).toBe(ref.scale);
          expect(Array.from(q.codes)).toEqual(ref.codes);
          const bitsOf = (a: Float32Array) => Array.from(new Uint32Array(Float32Array.from(a).buffer));
          expect(bitsOf(q.dequantized)).toEqual(bitsOf(ref.out));
          expect(bitsOf(q.dequantized)).toEqual(bitsOf(dequantizePayload(q)));
          if (out) expect(q.dequantized).toBe(out);
          // Unquantized float32 codes in a reused space are the kept values' bits, in order.
          const f = quantizeTensor(w, keep, { scheme: 'none', granularity: 'tensor', bits: 32 }, out, space);
          expect(Array.from(f.codes)).toEqual(bitsOf(values.filter((_, i) => keep === null || keep[i] === 1)));
          expect(bitsOf(f.dequantized)).toEqual(bitsOf(Float32Array.from(values, (v, i) => (keep === null || keep[i] === 1 ? v : 0))));
        },
      ),
      { numRuns: 300 },
    );
  });
});
