import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from './memoryAdapter';
import { HistoryRepository } from './repository';
import { UpgradeBlockedError } from './idbAdapter';
import { sampleRun } from './sampleRun';
import { summarize } from './summary';
import type { HistoryAdapter, RunRecord, TrainingRunSummary } from './types';

/** A persistent store whose writes fail with the browser's quota error while `full` is set. */
function quotaAdapter(state: { full: boolean }): HistoryAdapter & { stored: Map<string, RunRecord> } {
  const stored = new Map<string, RunRecord>();
  return {
    kind: 'indexeddb',
    stored,
    list: async () => [...stored.values()].map(summarize),
    get: async (id) => stored.get(id),
    put: async (r) => {
      if (state.full) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      stored.set(r.id, r);
    },
    remove: async (id) => void stored.delete(id),
  };
}

describe('history repository', () => {
  it('keeps runs newest first, renames and deletes them, and reads them back on reopen', async () => {
    const adapter = createMemoryAdapter();
    const repo = await HistoryRepository.open(async () => adapter);
    await repo.save(sampleRun('a', 1000));
    await repo.save(sampleRun('b', 2000));
    let snap = await repo.rename('a', '  Baseline, 1 epoch  ');
    expect(snap.runs.map((r) => r.id)).toEqual(['b', 'a']);
    expect(snap.runs[1].name).toBe('Baseline, 1 epoch');
    expect((await repo.rename('a', '   ')).runs[1].name).toBe('Baseline, 1 epoch');

    const reopened = await HistoryRepository.open(async () => adapter);
    expect(reopened.snapshot().runs.map((r) => r.name)).toEqual([sampleRun('b', 0).name, 'Baseline, 1 epoch']);
    snap = await reopened.remove('b');
    expect(snap.runs.map((r) => r.id)).toEqual(['a']);
    expect((await adapter.list()).map((r) => r.id)).toEqual(['a']);
    expect(snap.problem).toBeNull();
  });

  it('lists summaries without curves, and reads the whole run back on demand', async () => {
    const adapter = createMemoryAdapter();
    const repo = await HistoryRepository.open(async () => adapter);
    const run = sampleRun('a', 1000, {
      testAccuracy: 0.96,
      points: [
        { method: 'global_magnitude', sparsity: 0.9, bits: 4, encodedBytes: 30_000, accuracy: 0.958 },
        { method: 'global_magnitude', sparsity: 0.99, bits: 2, encodedBytes: 4_000, accuracy: 0.4 },
        { method: 'global_magnitude', sparsity: 0.95, bits: 4, encodedBytes: 16_000, accuracy: 0.956 },
        { method: 'global_magnitude', sparsity: 0.97, bits: 4, encodedBytes: 9_000, accuracy: 0.952 },
      ],
    });
    await repo.save(run);
    const reopened = await HistoryRepository.open(async () => adapter);
    const [summary] = reopened.snapshot().runs as TrainingRunSummary[];
    expect(summary).not.toHaveProperty('curves');
    expect(summary).not.toHaveProperty('points');
    expect(summary.pointCount).toBe(4);
    // The smallest point within 0.5 pt of 96% (the page's one tolerance), not the smallest of
    // all (that one lost 56 pt), nor one 0.8 pt below.
    expect(summary.bestPoint?.encodedBytes).toBe(16_000);
    expect(summary.bestPointTolerance).toBe(0.005);
    expect(summary.bestPointWithin).toBe(true);
    expect(await reopened.get('a')).toEqual(run);
    expect(await reopened.getMany(['missing', 'a'])).toEqual([run]);
    // The same array while nothing changes, so the list is not redrawn for nothing.
    expect(reopened.snapshot().runs).toBe(reopened.snapshot().runs);
  });

  it('falls back to memory with a sentence when IndexedDB cannot be opened', async () => {
    const repo = await HistoryRepository.open(async () => {
      throw new Error('SecurityError: The operation is insecure.');
    });
    const snap = await repo.save(sampleRun('a', 1));
    expect(snap.storage).toBe('memory');
    expect(snap.runs).toHaveLength(1);
    expect(snap.unsaved).toEqual([]);
    expect(snap.problem).toMatch(/IndexedDB is unavailable.*kept in this tab only.*export them/);
  });

  it('says to close the old tab when an older version of the page blocks the upgrade', async () => {
    const repo = await HistoryRepository.open(async () => {
      throw new UpgradeBlockedError();
    });
    const snap = repo.snapshot();
    expect(snap.storage).toBe('memory');
    expect(snap.problem).toMatch(/Another tab of the playground.*Close that tab and reload this one/);
    expect(snap.problem).not.toMatch(/private windows/);
  });

  it('falls back when opening never answers', async () => {
    const started = Date.now();
    const repo = await HistoryRepository.open(() => new Promise(() => undefined), 50);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(repo.snapshot().storage).toBe('memory');
  });

  it('keeps a run that does not fit in memory, says so, and saves it once there is room', async () => {
    const state = { full: false };
    const adapter = quotaAdapter(state);
    const repo = await HistoryRepository.open(async () => adapter);
    await repo.save(sampleRun('old', 1));
    state.full = true;
    let snap = await repo.save(sampleRun('new', 2));
    expect(snap.runs.map((r) => r.id)).toEqual(['new', 'old']);
    expect(snap.unsaved).toEqual(['new']);
    expect(snap.problem).toMatch(/storage for this site is full.*one run is kept in this tab only/);
    expect(adapter.stored.has('new')).toBe(false);

    state.full = false;
    snap = await repo.remove('old');
    expect(snap.unsaved).toEqual([]);
    expect(snap.problem).toBeNull();
    expect([...adapter.stored.keys()]).toEqual(['new']);
  });
});
