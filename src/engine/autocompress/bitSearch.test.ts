// The bit search on a made-up measurer: every choice is within the budget, and the bytes fall
// with every rung, so the search lowers each group as far as its ladder goes. The biases' ladder
// is the plan's (ladders.ts): float16 is as low as the float one goes, 4-bit symmetric integers
// the integer one.
import { describe, expect, it } from 'vitest';
import { searchBits } from './bitSearch';
import { byTensorOf, FLOAT_BIASES, INTEGER_BIASES, startRungs, type Ladders, type Rungs } from './ladders';
import type { CandidateMeasurer, Measurement } from './measure';
import type { WeightArray } from '../spec/types';

const WEIGHTS: WeightArray[] = [
  { name: 'dense_0/kernel', shape: [4, 3], values: new Float32Array(12) },
  { name: 'dense_0/bias', shape: [3], values: new Float32Array(3) },
];

function fakeMeasurer(ladders: Ladders): CandidateMeasurer {
  const measure = (rungs: Rungs): Measurement => ({ rungs: rungs.slice(), bytes: 100 + 10 * rungs[0] + rungs[1], loss: 0.1, accuracy: 0.99 }) as Measurement;
  return { ladders, measure } as unknown as CandidateMeasurer;
}

function finalRungs(ladders: Ladders): number[] {
  const search = searchBits(fakeMeasurer(ladders), startRungs(1, ladders), 1, 0.5);
  for (;;) {
    const step = search.next();
    if (step.done) return step.value.best!.rungs;
  }
}

describe('searchBits with the plan\'s bias ladder', () => {
  it('starts the biases at float16 with either ladder', () => {
    for (const ladders of [FLOAT_BIASES, INTEGER_BIASES]) expect(byTensorOf(WEIGHTS, startRungs(1, ladders), ladders)['dense_0/bias']).toEqual({ scheme: 'float16', granularity: 'tensor', bits: 16 });
  });

  it('lowers the biases to float16 with the float ladder and to 4-bit integers with the integer one', () => {
    expect(byTensorOf(WEIGHTS, finalRungs(FLOAT_BIASES), FLOAT_BIASES)['dense_0/bias']).toEqual({ scheme: 'float16', granularity: 'tensor', bits: 16 });
    expect(byTensorOf(WEIGHTS, finalRungs(INTEGER_BIASES), INTEGER_BIASES)['dense_0/bias']).toEqual({ scheme: 'symmetric', granularity: 'tensor', bits: 4 });
    // The kernel goes down its own ladder alike: 2 clusters.
    expect(byTensorOf(WEIGHTS, finalRungs(INTEGER_BIASES), INTEGER_BIASES)['dense_0/kernel']).toMatchObject({ scheme: 'kmeans', clusters: 2 });
  });
});
