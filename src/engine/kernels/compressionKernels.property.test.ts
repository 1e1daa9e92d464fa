// The WebAssembly compression kernels must give exactly the JavaScript loops' bits (a shared link
// reruns to the same bytes in every browser and in Node): same codes, same dequantized floats
// (+0 where pruned, never -0 for a weight that rounds to 0), exact ties rounded to even.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../test/kernels';
import { applyMasks } from '../pruning/mask';
import { quantizeUniform } from '../quantization/uniform';
import { sortFloat32 } from '../quantization/sortFloat32';
import { useCompressionKernels, WASM_MIN_WEIGHTS } from './compressionKernels';
import type { KernelExports } from './types';

let kernels: KernelExports;
beforeAll(async () => {
  kernels = await loadKernels();
});
afterAll(() => useCompressionKernels(null));

const bitsOf = (a: Float32Array): Uint32Array => new Uint32Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));

/** Weights with exact quantization ties, zeros of both signs and plain values. */
const weightsArb = fc
  .record({
    n: fc.integer({ min: WASM_MIN_WEIGHTS, max: WASM_MIN_WEIGHTS + 37 }),
    seed: fc.integer({ min: 1, max: 1 << 30 }),
    density: fc.double({ min: 0, max: 1, noNaN: true }),
    withMask: fc.boolean(),
    bits: fc.integer({ min: 2, max: 8 }),
    affine: fc.boolean(),
  })
  .map(({ n, seed, density, withMask, bits, affine }) => {
    let s = seed;
    const rand = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const values = Float32Array.from({ length: n }, (_, i) => {
      const r = rand();
      if (i % 97 === 0) return -0;
      if (i % 89 === 0) return 0;
      return r < 0.2 ? Math.fround((Math.floor(r * 40) - 20 + 0.5) / 16) : Math.fround((r - 0.5) * 2);
    });
    const keep = withMask ? Uint8Array.from({ length: n }, () => (rand() < density ? 1 : 0)) : null;
    return { values, keep, bits, affine };
  });

function quantize(values: Float32Array, keep: Uint8Array | null, bits: number, affine: boolean) {
  const kept = keep === null ? values.length : keep.reduce((a, b) => a + b, 0);
  const out = new Float32Array(values.length);
  const r = quantizeUniform(values, keep, [values.length / 1, 1].slice(0, 1), affine ? 'affine' : 'symmetric', false, bits, kept, out, new ArrayBuffer(values.length));
  return { codes: r.codes.slice(), out: bitsOf(out) };
}

describe('WebAssembly compression kernels against the JavaScript loops', () => {
  it('quantize + dequantize of one tensor: identical codes and floats', () => {
    fc.assert(
      fc.property(weightsArb, ({ values, keep, bits, affine }) => {
        useCompressionKernels(null);
        const js = quantize(values, keep, bits, affine);
        useCompressionKernels(kernels, { quantize: true });
        const wasm = quantize(values, keep, bits, affine);
        useCompressionKernels(null);
        expect(wasm.codes).toEqual(js.codes);
        expect(wasm.out).toEqual(js.out);
      }),
      { numRuns: 60 },
    );
  });

  it('mask apply: identical bits', () => {
    fc.assert(
      fc.property(weightsArb, ({ values, keep }) => {
        const masks = [{ name: 'w/kernel', shape: [values.length, 1], keep: keep ?? new Uint8Array(values.length).fill(1) }];
        const weights = [{ name: 'w/kernel', shape: [values.length, 1], values }];
        useCompressionKernels(null);
        const js = bitsOf(applyMasks(weights, masks)[0].values);
        useCompressionKernels(kernels);
        const wasm = bitsOf(applyMasks(weights, masks)[0].values);
        useCompressionKernels(null);
        expect(wasm).toEqual(js);
      }),
      { numRuns: 60 },
    );
  });

  it('sort (k-means): the radix sort’s bits, -0 before +0', () => {
    fc.assert(
      fc.property(weightsArb, fc.boolean(), ({ values }, narrow) => {
        // narrow: every value in one binade, so passes whose digit never changes are skipped.
        const input = narrow ? values.map((v) => 1 + Math.abs(v) / 4) : values;
        useCompressionKernels(null);
        const js = bitsOf(sortFloat32(input));
        useCompressionKernels(kernels);
        const wasm = bitsOf(sortFloat32(input));
        useCompressionKernels(null);
        expect(wasm).toEqual(js);
      }),
      { numRuns: 40 },
    );
  });
});
