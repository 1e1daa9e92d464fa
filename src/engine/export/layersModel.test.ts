// The TF.js export loads in tfjs exactly as a browser would fetch it (model.json, then the
// weights file it names) and predicts what our own network predicts, on real MNIST images.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { compressWeights } from '../compression/compress';
import { generateToyDataset } from '../datasets/toy2d';
import { createNetwork } from '../models/network';
import { MODELS } from '../models/registry';
import type { Dataset, ModelId } from '../spec/types';
import { layersModelFiles, type LayersModelFiles } from './layersModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Serves the two files from memory under a made-up address, through tfjs's own http loader. */
function servedFrom(files: LayersModelFiles): tf.io.IOHandler {
  const base = 'https://models.invalid/lenet/';
  const fetchFunc = async (url: string | Request | URL): Promise<Response> => {
    const path = String(url).slice(base.length);
    if (path === 'model.json') return new Response(files.modelJson, { headers: { 'content-type': 'application/json' } });
    if (path === files.weightsFileName) return new Response(files.weightData);
    return new Response('not found', { status: 404 });
  };
  return tf.io.http(`${base}model.json`, { fetchFunc });
}

let mnist: Dataset;
beforeAll(() => {
  mnist = smallMnist({ validationSize: 100, trainLimit: 200, testLimit: 300, strictCounts: false });
});

const cases: [ModelId, () => Dataset][] = [
  ['lenet_300_100', () => mnist],
  ['lenet5', () => mnist],
  ['mlp_2d', () => generateToyDataset('spiral', { seed: 3, countPerSplit: 300 })],
];

describe('layersModelFiles', () => {
  it.each(cases)('%s: tf.loadLayersModel gives the same predictions as the compressed network', async (modelId, dataOf) => {
    const data = dataOf();
    const before = tf.memory().numTensors;
    const hidden = MODELS[modelId].defaultHidden;
    const network = createNetwork(modelId, hidden, data.featureShape, data.numClasses, 4);
    const settings = {
      pruning: { method: 'global_magnitude', sparsity: 0.9, includeFirstLayer: true, includeOutputLayer: true, seed: 4 },
      quantization: { scheme: 'symmetric', granularity: 'channel', bits: 4 },
    } as const;
    const compressed = compressWeights(modelId, network.getWeights(), settings).weights;
    network.setWeights(compressed);
    const files = layersModelFiles(`${modelId}-90-4bit`, MODELS[modelId].layers(hidden, data.numClasses), data.featureShape, compressed);

    const manifest = JSON.parse(files.modelJson) as { format: string; weightsManifest: { paths: string[] }[] };
    expect(manifest.format).toBe('layers-model');
    expect(manifest.weightsManifest[0].paths).toEqual([files.weightsFileName]);
    expect(files.weightData.byteLength).toBe(4 * compressed.reduce((n, w) => n + w.values.length, 0));

    const model = await tf.loadLayersModel(servedFrom(files));
    const x = tf.tensor(data.test.x, [data.test.count, ...data.featureShape]);
    const ours = network.predict(x);
    const theirs = model.predict(x) as tf.Tensor;
    const [a, b] = [await ours.array(), await theirs.array()] as number[][][];
    const scale = Math.max(...a.flat().map(Math.abs));
    let agree = 0;
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < a[i].length; j++) expect(Math.abs(a[i][j] - b[i][j])).toBeLessThanOrEqual(1e-5 * scale + 1e-6);
      agree += a[i].indexOf(Math.max(...a[i])) === b[i].indexOf(Math.max(...b[i])) ? 1 : 0;
    }
    expect(agree).toBe(a.length);
    // The same weights, not merely similar outputs.
    const loaded = model.getWeights();
    loaded.forEach((w, i) => expect(Array.from(w.dataSync())).toEqual(Array.from(compressed[i].values)));
    tf.dispose([x, ours, theirs]);
    model.dispose();
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses weights that do not fit the layers, in a sentence', () => {
    const layers = MODELS.mlp_2d.layers([8, 8], 2);
    const net = createNetwork('mlp_2d', [8, 8], [2], 2, 0);
    const weights = net.getWeights();
    net.dispose();
    expect(() => layersModelFiles('m', layers, [2], weights.slice(1))).toThrow(/has 6 weight arrays, but 5 were given/);
    const wrong = weights.map((w, i) => (i === 2 ? { ...w, shape: [4, 16] } : w));
    expect(() => layersModelFiles('m', layers, [2], wrong)).toThrow(/dense_1\/kernel \[4, 16\], but the model needs dense_1\/kernel \[8, 8\]/);
  });
});
