// The initial weights of every model are what the page says they are (INITIALIZER: "Glorot
// normal", Glorot & Bengio 2010, as the Lottery Ticket paper used): each kernel drawn from
// N(0, 2 / (fan_in + fan_out)), every bias 0, the same for the same seed. Checked on the networks
// the engine builds, by their statistics: a wrong variance (He's 2 / fan_in, a plain 1), a
// uniform draw (Glorot uniform) or an offset fails these. (network.test.ts checks that one seed
// gives the same weights and another seed others.)
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelId } from '../spec/types';
import { INITIALIZER, kernelFans } from './init';
import { createNetwork } from './network';
import { MODELS } from './registry';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

interface Moments {
  n: number;
  mean: number;
  variance: number;
  /** E[(x - mean)^4] / variance^2: 3 for a normal, 1.8 for a uniform. */
  kurtosis: number;
  /** Fraction within one standard deviation of the mean: 0.683 for a normal, 0.577 for a uniform. */
  withinOne: number;
}

function moments(values: Float32Array): Moments {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const v of values) {
    const d = (v - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / n;
  const sd = Math.sqrt(variance);
  let within = 0;
  for (const v of values) if (Math.abs(v - mean) <= sd) within++;
  return { n, mean, variance, kurtosis: m4 / n / variance ** 2, withinOne: within / n };
}

const MNIST: [ModelId, number[]][] = [
  ['lenet_300_100', [28, 28, 1]],
  ['lenet5', [28, 28, 1]],
];

describe(`initial weights (${INITIALIZER.name})`, () => {
  it.each(MNIST)('%s: each large kernel has mean 0, variance 2 / (fan_in + fan_out) and a normal shape; biases are 0', (id, shape) => {
    const net = createNetwork(id, MODELS[id].defaultHidden, shape, 10, 7);
    try {
      let checked = 0;
      for (const w of net.getWeights()) {
        if (w.shape.length === 1) {
          expect(Array.from(w.values).every((v) => v === 0), `${w.name} is all zeros`).toBe(true);
          continue;
        }
        const { fanIn, fanOut } = kernelFans(w.shape);
        const expected = 2 / (fanIn + fanOut);
        const m = moments(w.values);
        // Four standard errors either way: a test that fails by chance once in ~16,000 runs (and
        // the seed is fixed, so it never flips).
        const four = (se: number) => 4 * se;
        expect(Math.abs(m.mean), `${w.name} mean`).toBeLessThan(four(Math.sqrt(expected / m.n)));
        expect(Math.abs(m.variance / expected - 1), `${w.name} variance`).toBeLessThan(four(Math.sqrt(2 / m.n)));
        if (m.n < 2000) continue; // too few values to tell a normal from a uniform
        expect(Math.abs(m.kurtosis - 3), `${w.name} kurtosis`).toBeLessThan(four(Math.sqrt(24 / m.n)));
        expect(Math.abs(m.withinOne - 0.6827), `${w.name} within one sd`).toBeLessThan(four(Math.sqrt((0.6827 * 0.3173) / m.n)));
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(2);
    } finally {
      net.dispose();
    }
  });
});
