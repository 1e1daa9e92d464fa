// Every kept weight lands within half a step of its value, pruned weights stay exactly 0, and
// there is one code per kept weight, for symmetric and affine, per tensor and per channel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantizeTensor } from './quantize';
import type { QuantizedTensor } from './types';

const tensor = fc
  .record({
    rows: fc.integer({ min: 1, max: 12 }),
    cols: fc.integer({ min: 1, max: 9 }),
    scale: fc.constantFrom(1e-3, 0.05, 1, 300),
    offset: fc.constantFrom(0, 0.5, -2), // all-positive or all-negative tensors too
    bits: fc.integer({ min: 2, max: 8 }),
    pruneEvery: fc.integer({ min: 0, max: 4 }),
    scheme: fc.constantFrom('symmetric' as const, 'affine' as const),
    granularity: fc.constantFrom('tensor' as const, 'channel' as const),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      values: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: p.rows * p.cols, maxLength: p.rows * p.cols }),
    }),
  );

/** The step of the scale that applies to flat index i. */
function stepAt(q: QuantizedTensor, i: number): number {
  const cols = q.shape[q.shape.length - 1];
  return q.scales!.length === 1 ? q.scales![0] : q.scales![i % cols];
}

describe('uniform quantization', () => {
  it('keeps every kept weight within half a step and pruned ones at exactly 0', () => {
    fc.assert(
      fc.property(tensor, ({ p, values }) => {
        const v = Float32Array.from(values, (x) => (x + p.offset) * p.scale);
        const keep = p.pruneEvery === 0 ? null : Uint8Array.from(v, (_, i) => (i % p.pruneEvery === 0 ? 0 : 1));
        const q = quantizeTensor({ name: 'dense_0/kernel', shape: [p.rows, p.cols], values: v }, keep, {
          scheme: p.scheme,
          granularity: p.granularity,
          bits: p.bits,
        });
        const kept = keep === null ? v.length : keep.reduce((s, k) => s + k, 0);
        expect(q.codes.length).toBe(kept);
        expect(q.scales!.length).toBe(p.granularity === 'channel' ? p.cols : 1);
        for (let i = 0; i < v.length; i++) {
          if (keep !== null && keep[i] === 0) {
            if (q.dequantized[i] !== 0) throw new Error(`pruned weight ${i} became ${q.dequantized[i]}`);
            continue;
          }
          const half = stepAt(q, i) / 2;
          const err = Math.abs(q.dequantized[i] - v[i]);
          // float32 scale and product rounding add a few ulps on top of the half step
          if (err > half * (1 + 1e-5) + Math.abs(v[i]) * 2e-7 + 2 ** -149) throw new Error(`error ${err} > half step ${half} at ${i}`);
        }
        const levels = p.scheme === 'affine' ? 2 ** p.bits : 2 ** p.bits - 1;
        for (const c of q.codes) if (c >= levels) throw new Error(`code ${c} beyond ${levels} levels`);
      }),
      { numRuns: 300 },
    );
  });

  it('follows TFLite symmetric: scale = max|w| / (2^(b-1) - 1), codes round half to even', () => {
    const values = Float32Array.from([-3, 1.5, 2.5, 0.5, -0.5, -1.5, 1.2, 3]);
    const q = quantizeTensor({ name: 'k', shape: [8, 1], values }, null, { scheme: 'symmetric', granularity: 'tensor', bits: 3 });
    expect(q.scales![0]).toBe(1); // 3 / (2^2 - 1)
    expect(Array.from(q.codes, (c) => c - 3)).toEqual([-3, 2, 2, 0, 0, -2, 1, 3]);
  });

  it('keeps 0 exact under affine quantization of a skewed tensor', () => {
    const values = Float32Array.from([0, 0.1, 0.7, 3, -0.2]);
    const q = quantizeTensor({ name: 'k', shape: [5, 1], values }, null, { scheme: 'affine', granularity: 'tensor', bits: 4 });
    expect(q.dequantized[0]).toBe(0);
    expect(q.zeroPoints![0]).toBe(1);
  });

  it('binarises at 1 bit: sign times the mean magnitude of the group', () => {
    const values = Float32Array.from([1, -3, 0, 2, -2, 4]);
    const q = quantizeTensor({ name: 'k', shape: [3, 2], values }, null, { scheme: 'symmetric', granularity: 'channel', bits: 1 });
    expect(Array.from(q.scales!)).toEqual([1, 3]);
    expect(Array.from(q.dequantized)).toEqual([1, -3, 1, 3, -1, 3]);
  });

  it('maps an all-zero or fully pruned channel to 0 without NaN', () => {
    const values = Float32Array.from([0, 5, 0, -5]);
    for (const scheme of ['symmetric', 'affine'] as const) {
      for (const bits of [1, 4]) {
        const q = quantizeTensor({ name: 'k', shape: [2, 2], values }, Uint8Array.from([1, 0, 1, 0]), { scheme, granularity: 'channel', bits });
        expect(Array.from(q.dequantized)).toEqual([0, 0, 0, 0]);
        expect(Array.from(q.scales!).every(Number.isFinite)).toBe(true);
      }
    }
  });
});
