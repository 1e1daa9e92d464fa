// Bad input ends in a FormatError with a sentence: never another error, never a hang, never a
// huge allocation. Random bytes, truncated files, flipped bytes and trailing garbage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticWeights } from '../compression/syntheticWeights';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import { structuredPrune } from '../pruning/structuredPrune';
import { FormatError } from './bytes';
import { decodeModel, type DecodedModel } from './decode';
import { encodeModel } from './encode';

/** Decodes; returns the model or 'format-error', and fails the test on any other outcome. */
function outcome(bytes: Uint8Array): DecodedModel | 'format-error' {
  try {
    return decodeModel(bytes);
  } catch (e) {
    if (e instanceof FormatError) {
      expect(e.message).toMatch(/^[A-Z].*\.$/);
      return 'format-error';
    }
    throw e;
  }
}

const weights = syntheticWeights([[40, 12], [12], [12, 10], [10]], 9);
const masks = globalMagnitudePrune(weights, null, { sparsity: 0.9, seed: 0, includeFirstLayer: true, includeOutputLayer: true });
// Half the hidden units removed: a file with "removed units" blocks (docs/FORMAT.md).
const structured = structuredPrune(weights, null, { sparsity: 0.5, seed: 0, includeFirstLayer: true, includeOutputLayer: false });
const samples = [
  encodeModel({ modelId: 'lenet_300_100', weights, masks, quant: { scheme: 'symmetric', granularity: 'channel', bits: 4 } }).bytes,
  encodeModel({ modelId: 'm', weights, masks: null, quant: { scheme: 'kmeans', granularity: 'tensor', bits: 3 } }).bytes,
  encodeModel({ modelId: 'm', weights, masks, quant: { scheme: 'affine', granularity: 'tensor', bits: 2 } }, { entropyCoding: false }).bytes,
  encodeModel({ modelId: 'm', weights, masks, quant: { scheme: 'float16', granularity: 'tensor', bits: 16 } }).bytes,
  encodeModel({ modelId: 'm', weights, masks: structured, quant: { scheme: 'affine', granularity: 'channel', bits: 3 } }).bytes,
];

describe('decodeModel on bad input', () => {
  it('rejects random bytes, with or without a valid-looking header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (junk, withHeader) => {
        const bytes = withHeader ? Uint8Array.from([0x43, 0x50, 0x47, 0x4d, 1, junk[0] & 1, 0, ...junk]) : junk;
        expect(outcome(bytes)).toBe('format-error');
      }),
      { numRuns: 500 },
    );
    expect(() => decodeModel(new Uint8Array(0))).toThrow(/does not start with "CPGM"/);
  });

  it('rejects every truncation and any trailing byte', () => {
    for (const sample of samples) {
      for (let length = 0; length < sample.length; length++) expect(outcome(sample.subarray(0, length))).toBe('format-error');
      expect(outcome(Uint8Array.from([...sample, 0]))).toBe('format-error');
    }
  });

  it('either decodes or throws FormatError when bytes are flipped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
        (sample, flips) => {
          const bytes = sample.slice();
          for (const [at, xor] of flips) bytes[at % bytes.length] ^= xor;
          const started = performance.now();
          const result = outcome(bytes);
          expect(performance.now() - started).toBeLessThan(2000);
          if (result !== 'format-error') {
            const finite = result.weights.every((w) => {
              for (let i = 0; i < w.values.length; i++) if (!Number.isFinite(w.values[i])) return false;
              return true;
            });
            expect(finite).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a declared size beyond the parameter limit before allocating it', () => {
    const bytes = samples[0].slice();
    // The first tensor's shape starts after the header (4 + 1 + 1 + 1 + 13 + 2) and its name.
    const nameAt = 4 + 1 + 1 + 1 + 'lenet_300_100'.length + 2;
    const dimsAt = nameAt + 1 + bytes[nameAt] + 1;
    new DataView(bytes.buffer).setUint32(dimsAt, 0xffffffff, true);
    expect(() => decodeModel(bytes)).toThrow(/parameters/);
  });
});
