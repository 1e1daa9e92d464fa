// Files that decode, but cost seconds and hundreds of MB (issue 16, item 3): a few dozen bytes
// declaring a [2^25, 1] tensor with every weight pruned (about 190 MB), and 65,535 tensors each
// building a 15-bit Huffman lookup table (seconds). The decoder bounds the tensor count and the
// declared parameters by the file's length; no file the playground writes comes near either.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hugePrunedTensorFile, manyHuffmanTensorsFile } from '../../../test/hostile';
import { syntheticWeights } from '../compression/syntheticWeights';
import { planLayers } from '../models/plan';
import { MODEL_IDS, MODELS } from '../models/registry';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import { structuredPrune } from '../pruning/structuredPrune';
import { FormatError } from './bytes';
import { decodeModel } from './decode';
import { encodeModel } from './encode';
import { MAX_TENSORS, parameterAllowance } from './format';

const refusal = (bytes: Uint8Array): string => {
  try {
    decodeModel(bytes);
    return 'decoded';
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    return e.message;
  }
};

describe('what a model file may cost to decode', () => {
  it('refuses a tiny file that declares millions of parameters, before allocating them', () => {
    const file = hugePrunedTensorFile(2 ** 25);
    expect(file.length).toBeLessThan(64);
    expect(refusal(file)).toMatch(/^The tensor "kernel" declares more parameters than a file of \d+ bytes can hold \(at most [\d,]+\)\.$/);
    expect(refusal(hugePrunedTensorFile(2 ** 20))).toBe('decoded');
  });

  it('refuses more tensors than any model has, or than the file has room for, at the header', () => {
    expect(refusal(manyHuffmanTensorsFile(65_535))).toBe(`The file declares 65535 tensors; at most ${MAX_TENSORS} are allowed.`);
    expect(refusal(manyHuffmanTensorsFile(MAX_TENSORS))).toBe('decoded');
    const short = manyHuffmanTensorsFile(3);
    short[4 + 1 + 1 + 2] = 40; // the tensor count (after "CPGM", version, flags, id "m"): 40 tensors in 3 tensors' bytes
    expect(refusal(short)).toMatch(/^The file declares 40 tensors but its \d+ bytes after the header hold at most \d+\.$/);
  });

  it('keeps every allowance above what the playground writes: each model at its widest and narrowest, 99.9% pruned', () => {
    let tightest = Infinity;
    for (const id of MODEL_IDS) {
      const model = MODELS[id];
      const entries = model.hiddenEntries ?? Array.from({ length: model.hiddenBounds.maxLayers }, () => ({ min: model.hiddenBounds.min, max: model.hiddenBounds.max }));
      for (const hidden of [entries.map((e) => e.max), entries.map((e) => e.min)]) {
        const plan = planLayers(model.layers(hidden, 10), model.datasets === 'mnist' ? [28, 28, 1] : [2]);
        expect(plan.params.length).toBeLessThanOrEqual(MAX_TENSORS);
        const weights = syntheticWeights(plan.params.map((p) => p.shape), 1);
        const options = { sparsity: 0.999, seed: 0, includeFirstLayer: true, includeOutputLayer: true };
        for (const masks of [structuredPrune(weights, null, options), globalMagnitudePrune(weights, null, options)]) {
          const bytes = encodeModel({ modelId: id, weights, masks, quant: { scheme: 'kmeans', granularity: 'tensor', bits: 1 } }, { entropyCoding: true }).bytes;
          const parameters = weights.reduce((s, w) => s + w.values.length, 0);
          tightest = Math.min(tightest, parameterAllowance(bytes.length) / parameters);
          expect(decodeModel(bytes).weights).toHaveLength(plan.params.length);
        }
      }
    }
    // Room to spare: LeNet-5 at its widest (4.4M parameters) is the closest, at 1.9x under the cap.
    expect(tightest).toBeGreaterThan(1.5);
  });

  it('never allocates beyond the allowance, whatever the shape bytes say', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 64 }), (rows, cols) => {
        const file = hugePrunedTensorFile(rows, cols);
        const message = refusal(file);
        if (message === 'decoded') expect(rows * cols).toBeLessThanOrEqual(parameterAllowance(file.length));
        else expect(message).toMatch(/parameters/);
      }),
      { numRuns: 300 },
    );
  });
});
