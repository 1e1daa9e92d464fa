// The Transfer view's extractor sparsity in the share link: `transfer_prune=90` (percent), only the
// slider's stops, left out at the default 0.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_SPARSITY_STOPS } from '../engine/transfer/extractorSparsity';
import { TRANSFER_TASK_IDS } from '../engine/transfer/tasks';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './defaults';

describe('transfer_prune in the share link', () => {
  it('round-trips every stop with any task and seed, as a whole percent, and leaves 0 out', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXTRACTOR_SPARSITY_STOPS), fc.constantFrom(...TRANSFER_TASK_IDS), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (sparsity, task, seed) => {
        const e = { ...defaultExperiment(), view: 'transfer' as const, transferTask: task, transferSparsity: sparsity };
        e.spec.seed = seed;
        const hash = encodeExperiment(e);
        expect(hash.includes('transfer_prune=')).toBe(sparsity !== 0);
        if (sparsity !== 0) expect(hash).toContain(`transfer_prune=${Math.round(sparsity * 100)}`);
        const { experiment, notes } = decodeExperiment(`#${hash}`);
        expect(notes).toEqual([]);
        expect(experiment.transferSparsity ?? 0).toBe(sparsity);
        expect(experiment.transferTask ?? 'digits').toBe(task);
        expect(experiment.spec.seed).toBe(seed);
      }),
      { numRuns: 100 },
    );
    expect(encodeExperiment({ ...defaultExperiment(), view: 'transfer', transferSparsity: 0.9 })).toBe('v=1&view=transfer&transfer_prune=90');
    expect(decodeExperiment('#v=1&view=transfer&transfer_prune=98').experiment.transferSparsity).toBe(0.98);
  });

  it('names a malformed or off-stop value in a sentence and keeps the dense extractor', () => {
    for (const bad of ['85', '0.9', '100', '-10', '90%', 'abc', '']) {
      const { experiment, notes } = decodeExperiment(`#v=1&view=transfer&transfer_prune=${encodeURIComponent(bad)}`);
      expect(experiment.transferSparsity ?? 0).toBe(0);
      expect(experiment.view).toBe('transfer');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/^Ignored transfer_prune=.*: must be 0, 50, 80, 90, 95 or 98 \(percent of the extractor pruned\); using 0\.$/);
    }
  });
});
