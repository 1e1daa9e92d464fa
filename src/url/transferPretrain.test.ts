// The Transfer view's "Pretraining" choice in the share link: `transfer_pretrain=full`, left out
// for the default (quick), so older links open as they did.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_SPARSITY_STOPS } from '../engine/transfer/extractorSparsity';
import { PRETRAINING_IDS } from '../engine/transfer/pretraining';
import { TRANSFER_TASK_IDS } from '../engine/transfer/tasks';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './defaults';

describe('transfer_pretrain in the share link', () => {
  it('round-trips both choices with any task, extractor sparsity and seed, and leaves quick out', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRETRAINING_IDS),
        fc.constantFrom(...TRANSFER_TASK_IDS),
        fc.constantFrom(...EXTRACTOR_SPARSITY_STOPS),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (pretraining, task, sparsity, seed) => {
          const e = { ...defaultExperiment(), view: 'transfer' as const, transferTask: task, transferSparsity: sparsity, transferPretraining: pretraining };
          e.spec.seed = seed;
          const hash = encodeExperiment(e);
          expect(hash.includes('transfer_pretrain=')).toBe(pretraining !== 'quick');
          const { experiment, notes } = decodeExperiment(`#${hash}`);
          expect(notes).toEqual([]);
          expect(experiment.transferPretraining ?? 'quick').toBe(pretraining);
          expect(experiment.transferTask ?? 'digits').toBe(task);
          expect(experiment.transferSparsity ?? 0).toBe(sparsity);
          expect(experiment.spec.seed).toBe(seed);
        },
      ),
      { numRuns: 100 },
    );
    expect(encodeExperiment({ ...defaultExperiment(), view: 'transfer', transferPretraining: 'full' })).toBe('v=1&view=transfer&transfer_pretrain=full');
    expect(encodeExperiment({ ...defaultExperiment(), view: 'transfer', transferPretraining: 'quick' })).toBe('v=1&view=transfer');
    expect(decodeExperiment('#v=1&view=transfer&transfer_pretrain=full').experiment.transferPretraining).toBe('full');
    // A link from before the choice existed opens with the quick pretraining, without a note.
    const old = decodeExperiment('#v=1&view=transfer&transfer_task=fashion');
    expect(old.experiment.transferPretraining ?? 'quick').toBe('quick');
    expect(old.notes).toEqual([]);
  });

  it('names a malformed value in a sentence and keeps the quick pretraining', () => {
    for (const bad of ['huge', 'Full', 'FULL', ' full', '1', '6000', '']) {
      const { experiment, notes } = decodeExperiment(`#v=1&view=transfer&transfer_pretrain=${encodeURIComponent(bad)}`);
      expect(experiment.transferPretraining ?? 'quick').toBe('quick');
      expect(experiment.view).toBe('transfer');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/^Ignored transfer_pretrain=.*: must be quick or full; using quick\.$/);
    }
    expect(decodeExperiment('#v=1&view=transfer&transfer_pretrain=huge').notes).toEqual(['Ignored transfer_pretrain=huge: must be quick or full; using quick.']);
  });
});
