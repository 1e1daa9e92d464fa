// LeNet-5 through the exported script: its .cpgm writer turns PyTorch's conv kernels
// [out, in, kh, kw] and the flattened dense kernel after them into the playground's layouts
// ([kh, kw, in, out]; tfjs flattens a feature map in (h, w, channel) order). A wrong permutation
// still decodes, but scores near chance in tfjs: the decoded weights must give the accuracy the
// script measured with them. One process, 1,200 images: this checks the file, not the training.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeModel } from '../src/engine/encoding/decode';
import { pytorchScript, pytorchScriptName, type ScriptExperiment } from '../src/engine/export/pytorchScript';
import { MODELS } from '../src/engine/models/registry';
import { createNetwork } from '../src/engine/models/network';
import { MNIST_DEFAULTS } from '../src/engine/spec/defaults';
import { evaluateNetwork } from '../src/engine/training/evaluate';
import { smallMnist } from '../test/mnist';
import { EVAL_IMAGES, laneFolder, runScript, writeScript } from './harness';

const EXPERIMENT: ScriptExperiment = {
  spec: { ...MNIST_DEFAULTS, model: 'lenet5', hidden: [...MODELS.lenet5.defaultHidden], epochs: 1, batchSize: 60, optimizer: 'adam', learningRate: 0.002, seed: 2 },
  // Per output channel: each conv filter and each dense unit gets its own scale and zero point.
  compression: { method: 'layerwise_magnitude', sparsity: 0.5, bits: 8, integerScheme: 'affine', granularity: 'channel', includeFirstLayer: true, includeOutputLayer: true, entropyCoding: true },
};

const { dir, cleanup } = laneFolder();
afterAll(cleanup);

describe('the exported LeNet-5 script', () => {
  it('writes a .cpgm file whose decoded weights score in tfjs what the script measured', async () => {
    const script = pytorchScriptName(EXPERIMENT.spec);
    writeScript(dir, script, pytorchScript(EXPERIMENT));
    const { record } = await runScript(dir, script, 'single', ['--train-limit', '1200'], 'lenet5');
    const [point] = record.points;
    expect(record).toMatchObject({ model: 'lenet5', backend: 'PyTorch cpu' });
    // Learned something (chance is 10%): a scrambled layout would not score the same.
    expect(point.accuracy).toBeGreaterThan(0.3);

    const model = decodeModel(new Uint8Array(readFileSync(join(dir, 'lenet5.cpgm'))));
    expect(model.modelId).toBe('lenet5');
    const before = tf.memory().numTensors;
    const data = smallMnist({ validationSize: 5000, testLimit: EVAL_IMAGES });
    const network = createNetwork('lenet5', [...MODELS.lenet5.defaultHidden], data.featureShape, data.numClasses, 0);
    network.setWeights(model.weights);
    const { accuracy } = evaluateNetwork(network, data.test, data.featureShape);
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(Math.abs(accuracy - point.accuracy)).toBeLessThanOrEqual(1 / EVAL_IMAGES);
  });
});
