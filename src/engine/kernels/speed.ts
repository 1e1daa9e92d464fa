// Time per image of one model three ways, on the same machine in the same run: dense float32
// through tfjs (whatever backend is current), dense float32 through our own kernels, and the
// compressed file through our own kernels. Each way runs a batch size in repeats; each repeat
// classifies `imagesPerRepeat` images and its time per image is one sample, so the median and
// the spread come from independent repeats. Readback is included: an inference that never leaves
// the device answers nothing.
import * as tf from '@tensorflow/tfjs';
import type { Network } from '../models/network';
import type { KernelNetwork } from './kernelNetwork';

export type SpeedWay = 'tfjs dense' | 'kernel dense' | 'kernel compressed';

export interface SpeedSample {
  way: SpeedWay;
  batch: number;
  /** Microseconds per image: median, fastest and slowest repeat. */
  median: number;
  min: number;
  max: number;
  repeats: number;
}

export interface SpeedOptions {
  images: Float32Array;
  /** Images available in `images` (784 floats each). */
  count: number;
  batches: number[];
  repeats: number;
  imagesPerRepeat: number;
  now: () => number;
}

type Classify = (x: Float32Array, n: number) => void;

function tfjsClassify(network: Network): Classify {
  return (x, n) => {
    const classes = tf.tidy(() => tf.argMax(network.predict(tf.tensor(x.subarray(0, n * 784), [n, 28, 28, 1])), 1));
    classes.dataSync();
    classes.dispose();
  };
}

function timeOne(classify: Classify, batch: number, o: SpeedOptions): number[] {
  const calls = Math.max(1, Math.round(o.imagesPerRepeat / batch));
  const slice = (call: number) => {
    const start = ((call * batch) % Math.max(1, o.count - batch + 1)) * 784;
    return o.images.subarray(start, start + batch * 784);
  };
  classify(slice(0), batch); // warm: compiled code, allocated buffers
  const samples: number[] = [];
  for (let r = 0; r < o.repeats; r++) {
    const t0 = o.now();
    for (let c = 0; c < calls; c++) classify(slice(c), batch);
    samples.push((1000 * (o.now() - t0)) / (calls * batch));
  }
  return samples;
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function measureSpeed(ways: { tfjsDense: Network; kernelDense: KernelNetwork; kernelCompressed: KernelNetwork }, o: SpeedOptions): SpeedSample[] {
  const classifiers: [SpeedWay, Classify][] = [
    ['tfjs dense', tfjsClassify(ways.tfjsDense)],
    ['kernel dense', (x, n) => void ways.kernelDense.classify(x, n)],
    ['kernel compressed', (x, n) => void ways.kernelCompressed.classify(x, n)],
  ];
  const out: SpeedSample[] = [];
  for (const batch of o.batches) {
    for (const [way, classify] of classifiers) {
      const samples = timeOne(classify, batch, o);
      out.push({ way, batch, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), repeats: samples.length });
    }
  }
  return out;
}
