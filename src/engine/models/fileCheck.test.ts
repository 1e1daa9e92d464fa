// The engine checks an imported model file against the registry before decoding its data, and
// can stop between tensors (issue 16, item 3).
import { describe, expect, it } from 'vitest';
import { hugePrunedTensorFile } from '../../../test/hostile';
import { LENET_300_100_SHAPES, syntheticWeights } from '../compression/syntheticWeights';
import { decodeModel, decodeModelStoppable } from '../encoding/decode';
import { encodeModel } from '../encoding/encode';
import { planLayers } from './plan';
import { MODELS } from './registry';
import { NotRebuildable, registryCheck } from './fileCheck';

const encode = (modelId: string, shapes: number[][]) =>
  encodeModel({ modelId, weights: syntheticWeights(shapes, 3), masks: null, quant: { scheme: 'symmetric', granularity: 'tensor', bits: 4 } }, { entropyCoding: true }).bytes;

/** The message a file is refused with, and how many tensors were looked at first. */
function refusal(bytes: Uint8Array): { message: string; tensorsSeen: number } {
  const check = registryCheck();
  let tensorsSeen = 0;
  const counting = { header: check.checks.header, tensor: (i: number, name: string, shape: readonly number[]) => (tensorsSeen++, check.checks.tensor!(i, name, shape)) };
  try {
    decodeModel(bytes, counting);
    return { message: 'accepted', tensorsSeen };
  } catch (e) {
    if (!(e instanceof NotRebuildable)) throw e;
    return { message: e.message, tensorsSeen };
  }
}

describe('registryCheck', () => {
  it('passes a LeNet-300-100 file and reads its hidden widths', () => {
    const check = registryCheck();
    decodeModel(encode('lenet_300_100', [[784, 120], [120], [120, 40], [40], [40, 10], [10]]), check.checks);
    expect(check.model()).toEqual({ id: 'lenet_300_100', hidden: [120, 40] });
  });

  it('passes LeNet-5 at its default widths', () => {
    const shapes = planLayers(MODELS.lenet5.layers(MODELS.lenet5.defaultHidden, 10), [28, 28, 1]).params.map((p) => p.shape);
    const check = registryCheck();
    decodeModel(encode('lenet5', shapes), check.checks);
    expect(check.model()).toEqual({ id: 'lenet5', hidden: MODELS.lenet5.defaultHidden });
  });

  it('refuses, before decoding any tensor, an unknown id, a 2-D model and a wrong tensor count', () => {
    expect(refusal(encode('constructor', LENET_300_100_SHAPES))).toEqual({ message: "It is not one of the playground's models, so it cannot be rebuilt to measure it.", tensorsSeen: 0 });
    expect(refusal(encode('mlp_2d', [[2, 8], [8], [8, 2], [2]])).message).toMatch(/^A 2-D model does not say/);
    // The review's 37-byte file under LeNet-300-100's id: one tensor, refused at the header.
    expect(refusal(hugePrunedTensorFile(2 ** 20, 1, 'lenet_300_100'))).toEqual({ message: 'It has 1 tensor; LeNet-300-100 has 6.', tensorsSeen: 0 });
  });

  it('refuses a tensor that is not the one the model has there, before its data', () => {
    const wide = refusal(encode('lenet_300_100', [[784, 5000], [5000], [5000, 100], [100], [100, 10], [10]]));
    expect(wide.tensorsSeen).toBe(1);
    expect(wide.message).toMatch(/^Its layers do not fit LeNet-300-100: /);
    const wrongInput = refusal(encode('lenet_300_100', [[700, 300], [300], [300, 100], [100], [100, 10], [10]]));
    expect(wrongInput).toEqual({ message: 'Its tensor 1 is "dense_0/kernel" [700, 300]; LeNet-300-100 has "dense_0/kernel" [784, 300] there.', tensorsSeen: 1 });
    const wrongBias = refusal(encode('lenet_300_100', [[784, 300], [299], [300, 100], [100], [100, 10], [10]]));
    expect(wrongBias.tensorsSeen).toBe(2);
    expect(wrongBias.message).toMatch(/tensor 2 is "dense_0\/bias" \[299\]; LeNet-300-100 has "dense_0\/bias" \[300\]/);
  });
});

describe('decodeModelStoppable', () => {
  it('decodes as decodeModel does, and stops between tensors when asked', async () => {
    const bytes = encode('lenet_300_100', LENET_300_100_SHAPES);
    expect(await decodeModelStoppable(bytes, {}, () => false)).toEqual(decodeModel(bytes));
    let tensors = 0;
    const stopped = await decodeModelStoppable(bytes, { tensor: () => void tensors++ }, () => tensors >= 2);
    expect(stopped).toBeNull();
    expect(tensors).toBe(2);
  });
});
