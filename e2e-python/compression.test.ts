// The exported training/compression script, run on the CPU with two processes (spawned by
// --nproc 2, and started by hand as a launcher would) and with one. SGD with momentum, so a wrong
// gradient scale in the data-parallel split would show (Adam would hide it). The .cpgm file it
// writes is read by the app's decoder, and its weights evaluated here must give the accuracy the
// results file reports.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeModel } from '../src/engine/encoding/decode';
import { pytorchScript, pytorchScriptName, type ScriptExperiment } from '../src/engine/export/pytorchScript';
import { createNetwork } from '../src/engine/models/network';
import { MNIST_DEFAULTS } from '../src/engine/spec/defaults';
import { evaluateNetwork } from '../src/engine/training/evaluate';
import { smallMnist } from '../test/mnist';
import { EVAL_IMAGES, laneFolder, launchProblems, PYTHON, runScript, writeScript, type Ran } from './harness';

const LINK = 'v=1&view=compress&epochs=1&optimizer=momentum&lr=0.05&sparsity=0.9&bits=4&scheme=kmeans';
const EXPERIMENT: ScriptExperiment = {
  spec: { ...MNIST_DEFAULTS, hidden: [...MNIST_DEFAULTS.hidden], epochs: 1, batchSize: 60, optimizer: 'momentum', learningRate: 0.05, seed: 5 },
  compression: { method: 'global_magnitude', sparsity: 0.9, bits: 4, integerScheme: 'kmeans', granularity: 'tensor', includeFirstLayer: true, includeOutputLayer: true, entropyCoding: true },
  link: LINK,
};
const TRAIN = ['--train-limit', '1200'];

const { dir, cleanup } = laneFolder();
afterAll(cleanup);

describe('the exported compression script, two processes on the CPU', () => {
  const script = pytorchScriptName(EXPERIMENT.spec);
  writeScript(dir, script, pytorchScript(EXPERIMENT));
  let spawned: Ran;

  it('runs with --nproc 2 and writes a results file the History imports, with its point', async () => {
    spawned = await runScript(dir, script, 'spawn', TRAIN, 'compress-spawn');
    const run = spawned.record;
    expect(run).toMatchObject({ backend: 'PyTorch cpu x2', link: LINK, model: 'lenet_300_100', epochs: 1, steps: 20 });
    expect(run.curves.loss).toHaveLength(1);
    expect(run.points).toHaveLength(1);
    const [point] = run.points;
    expect(point).toMatchObject({ method: 'global_magnitude', bits: 4 });
    expect(point.sparsity).toBeCloseTo(0.9, 3);
    expect(point.encodedBytes).toBeLessThan(run.denseBytes! / 10);
  });

  it('writes a .cpgm file the app decodes, of the reported size, that scores the reported accuracy', async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'compress-spawn.cpgm')));
    const [point] = spawned.record.points;
    expect(bytes.length).toBe(point.encodedBytes);
    const model = decodeModel(bytes);
    expect(model.modelId).toBe('lenet_300_100');
    const kernels = model.weights.filter((w) => w.name.endsWith('/kernel'));
    const zeros = kernels.reduce((a, w) => a + w.values.filter((v) => v === 0).length, 0);
    expect(zeros / kernels.reduce((a, w) => a + w.values.length, 0)).toBeCloseTo(point.sparsity, 6);
    // k-means at 4 bits: at most 16 distinct kept values per kernel.
    for (const w of kernels) expect(new Set(w.values.filter((v) => v !== 0)).size).toBeLessThanOrEqual(16);

    const before = tf.memory().numTensors;
    const data = smallMnist({ validationSize: 5000, testLimit: EVAL_IMAGES });
    const network = createNetwork('lenet_300_100', [300, 100], data.featureShape, data.numClasses, 0);
    network.setWeights(model.weights);
    const { accuracy } = evaluateNetwork(network, data.test, data.featureShape);
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Same weights, another float32 matmul: at most one of the 500 images may tip the other way.
    expect(Math.abs(accuracy - point.accuracy)).toBeLessThanOrEqual(1 / EVAL_IMAGES);
  });

  it('gives the same numbers when a launcher starts the two processes, and one process agrees', async () => {
    const launched = await runScript(dir, script, 'env', TRAIN, 'compress-env');
    expect(launched.record.ranOn).toMatchObject({ processes: 2, launcher: 'launcher' });
    expect(launched.record.points).toEqual(spawned.record.points);
    expect(launched.record.curves).toEqual(spawned.record.curves);

    const single = await runScript(dir, script, 'single', TRAIN, 'compress-single');
    expect(single.record.backend).toBe('PyTorch cpu');
    // One process sums each batch in another order: equal up to float rounding, not bit for bit.
    expect(single.record.curves.loss[0].value).toBeCloseTo(spawned.record.curves.loss[0].value, 3);
    expect(Math.abs(single.record.testAccuracy! - spawned.record.testAccuracy!)).toBeLessThanOrEqual(2 / EVAL_IMAGES);
  });

  it('says in a sentence what is wrong with a launch, before any training', () => {
    // One bad launch as a process (exit status 1, the sentence last on stderr) ...
    const ran = spawnSync(PYTHON, [join(dir, script), '--device', 'cpu', '--nproc', '0'], { encoding: 'utf8' });
    expect([ran.status, ran.stderr.trim().split('\n').at(-1)]).toEqual([1, '--nproc 0: the number of processes must be at least 1.']);
    // ... and the others through main() in one process (torch imported once).
    expect(
      launchProblems(dir, script, [
        [['--epochs', '0'], {}],
        [[], { WORLD_SIZE: '2' }],
        [[], { WORLD_SIZE: '2', RANK: '1' }],
        [['--nproc', '2'], { WORLD_SIZE: '2' }],
      ]),
    ).toEqual([
      '--epochs 0: train at least one epoch.',
      'WORLD_SIZE is 2 but RANK is not set to 0..1.',
      'WORLD_SIZE is 2 but MASTER_ADDR is not set: the launcher must set it.',
      '--nproc starts its own processes; leave it out under a launcher that sets WORLD_SIZE.',
    ]);
  });
});
