// The Transfer view's task in the share link: `transfer_task=fashion`, left out for the default.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRANSFER_TASK_IDS } from '../engine/transfer/tasks';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './defaults';

describe('transfer_task in the share link', () => {
  it('round-trips every task with any view and seed, and leaves the default out', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRANSFER_TASK_IDS), fc.constantFrom('train' as const, 'transfer' as const), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (task, view, seed) => {
        const e = { ...defaultExperiment(), view, transferTask: task };
        e.spec.seed = seed;
        const hash = encodeExperiment(e);
        expect(hash.includes('transfer_task=')).toBe(task !== 'digits');
        const { experiment, notes } = decodeExperiment(`#${hash}`);
        expect(notes).toEqual([]);
        expect(experiment.transferTask ?? 'digits').toBe(task);
        expect(experiment.spec.seed).toBe(seed);
      }),
      { numRuns: 100 },
    );
    expect(encodeExperiment({ ...defaultExperiment(), view: 'transfer', transferTask: 'fashion' })).toBe('v=1&view=transfer&transfer_task=fashion');
  });

  it('names an unknown task in a sentence and keeps the digits task', () => {
    const { experiment, notes } = decodeExperiment('#v=1&view=transfer&transfer_task=cifar');
    expect(experiment.transferTask).toBe('digits');
    expect(notes).toEqual(['Ignored transfer_task=cifar: must be digits or fashion; using digits.']);
  });
});
