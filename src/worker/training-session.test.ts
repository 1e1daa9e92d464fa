// A run whose WebGPU device fails mid-way goes on elsewhere and says why (README, WebGPU). Node
// has no WebGPU, so "webgpu" here is tfjs's cpu backend registered under that name: the real
// GpuWatch sees a WebGPU backend, and the failure is the error a lost device throws.
import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateToyDataset } from '../engine/datasets/toy2d';
import { circleSpec } from '../../test/circle';
import type { Dataset } from '../engine/spec/types';
import { Trainer } from '../engine/training/trainer';
import { GpuWatch } from './gpu-watch';
import type { BackendInfo } from './protocol';
import { TrainingSession } from './training-session';

const LOST = "Failed to execute 'createBuffer' on 'GPUDevice': createBuffer failed, size (188160) is too large for the implementation when mappedAtCreation == true";

let circle: Dataset;
const spec = circleSpec({ seed: 5, evalEverySteps: 40 });

beforeAll(async () => {
  for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'webgpu' });
  tf.registerBackend('webgpu', () => new MathBackendCPU());
  circle = generateToyDataset('circle', { seed: 0 });
});

afterEach(() => vi.restoreAllMocks());

function sessionOnWebgpu() {
  const watch = new GpuWatch();
  const session = new TrainingSession({
    watch,
    fallBack: async (): Promise<BackendInfo> => {
      await tf.setBackend('wasm').catch(() => false);
      if (tf.getBackend() !== 'wasm') await tf.setBackend('cpu');
      watch.forgetLostBackend();
      watch.attach();
      return { name: tf.getBackend() as BackendInfo['name'], choice: 'auto', reason: '' };
    },
  });
  return session;
}

describe('a WebGPU device failing mid-run', () => {
  it('moves the run to the next backend, from the last weights saved, and says why', async () => {
    await tf.setBackend('webgpu');
    const runSteps = Trainer.prototype.runSteps;
    let failures = 0;
    vi.spyOn(Trainer.prototype, 'runSteps').mockImplementation(function (this: Trainer, n: number) {
      if (tf.getBackend() === 'webgpu' && this.step >= 25) {
        failures++;
        throw new RangeError(LOST);
      }
      return runSteps.call(this, n);
    });
    const messages: string[] = [];
    const evals: number[] = [];
    const outcome = await sessionOnWebgpu().train(spec, circle, {
      onState: () => undefined,
      onProgress: () => undefined,
      onEval: (e) => evals.push(e.step),
      onBackendChange: (info, message) => messages.push(`${info.name}: ${message}`),
    });
    expect(failures).toBe(1);
    expect(outcome.status).toBe('done');
    const stepsPerEpoch = Math.floor(circle.train.count / spec.batchSize);
    expect(outcome.steps).toBe(stepsPerEpoch * spec.epochs);
    expect(outcome.final?.testAccuracy).toBeGreaterThan(0.5);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^cpu: WebGPU failed during training \(Failed to execute 'createBuffer'.*mappedAtCreation == true\)\. Training goes on with plain JavaScript \(cpu\) from step \d+/);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('an error on another backend is the run\'s own: it fails the run', async () => {
    await tf.setBackend('cpu');
    vi.spyOn(Trainer.prototype, 'runSteps').mockImplementation(() => {
      throw new Error('a bug');
    });
    const messages: string[] = [];
    await expect(
      sessionOnWebgpu().train(spec, circle, {
        onState: () => undefined,
        onProgress: () => undefined,
        onEval: () => undefined,
        onBackendChange: (_, message) => messages.push(message),
      }),
    ).rejects.toThrow('a bug');
    expect(messages).toEqual([]);
  });
});
