// The History's logic, apart from where it stores: the list works on run summaries (held in
// memory, read in one go at open); whole runs (curves, points) are read from the adapter when a
// run is compared, exported, renamed or deleted. A new run is held in memory first and then
// written through the adapter. When the persistent store cannot be opened, or a write fails
// (the quota is full), the run stays in memory, is marked as not saved, and a sentence says so:
// nothing is dropped silently. Later writes retry the unsaved runs, so freeing space heals it.
// Other tabs share the persistent store: what they write or delete comes in through the
// adapter's watch, and the list follows (listeners of onChange hear of it).
import { createMemoryAdapter } from './memoryAdapter';
import { newestFirst, summarize } from './summary';
import type { HistoryAdapter, RunRecord, RunSummary, StoreChange } from './types';

/** IndexedDB can hang (an upgrade blocked by another tab): give up and fall back after this. */
export const OPEN_TIMEOUT_MS = 4000;

export interface HistorySnapshot {
  /** Newest first. The same array until the runs change, so an unchanged list is not redrawn. */
  runs: RunSummary[];
  /** 'indexeddb': kept across reloads; 'memory': this tab only. */
  storage: 'indexeddb' | 'memory';
  /** Ids of runs only in memory because their write failed. */
  unsaved: string[];
  /** What went wrong with storage, as a sentence; null when all is well. */
  problem: string | null;
}

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  return e?.name === 'QuotaExceededError' || (typeof e?.message === 'string' && /quota/i.test(e.message));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

export class HistoryRepository {
  private readonly summaries = new Map<string, RunSummary>();
  /** Whole runs not written yet (a failed write, or one in flight): their only copy. */
  private readonly pending = new Map<string, RunRecord>();
  private sorted: RunSummary[] | null = null;
  private problem: string | null = null;
  private readonly listeners = new Set<(snap: HistorySnapshot) => void>();

  private constructor(private adapter: HistoryAdapter) {
    adapter.watch?.((change) => void this.onStoreChange(change));
  }

  /** Calls `listener` with the new snapshot whenever another tab changed the runs, or unsaved
   * runs were saved after a wait; returns the call that stops it. */
  onChange(listener: (snap: HistorySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async onStoreChange(change: StoreChange): Promise<void> {
    if (change.kind === 'put') {
      // This tab's own copy not written yet is newer than what it had saved before.
      if (this.pending.has(change.summary.id)) return;
      this.summaries.set(change.summary.id, change.summary);
    } else if (change.kind === 'removed') {
      if (!this.summaries.has(change.id)) return;
      this.summaries.delete(change.id);
      this.pending.delete(change.id);
    } else {
      await this.flush();
    }
    this.sorted = null;
    const snap = this.snapshot();
    this.listeners.forEach((listener) => listener(snap));
  }

  /** Opens the persistent store, or falls back to memory with a sentence saying why. */
  static async open(openPersistent: () => Promise<HistoryAdapter>, timeoutMs = OPEN_TIMEOUT_MS): Promise<HistoryRepository> {
    try {
      const adapter = await withTimeout(openPersistent(), timeoutMs);
      const repo = new HistoryRepository(adapter);
      // No timeout on the list: the first list after an upgrade summarises every kept run once,
      // which takes seconds for a thousand; a store that opened does not hang on a read.
      for (const run of await adapter.list()) repo.summaries.set(run.id, run);
      return repo;
    } catch (error) {
      const repo = new HistoryRepository(createMemoryAdapter());
      const name = (error as { name?: unknown } | null)?.name;
      repo.problem =
        name === 'UpgradeBlockedError'
          ? 'Another tab of the playground, opened before it was updated, still holds the saved runs. ' +
            'Close that tab and reload this one to see them; until then new runs are kept in this tab only.'
          : name === 'StoreChangedError'
            ? 'A newer version of the playground, opened in another tab, changed how runs are stored, so this page cannot read them. ' +
              'Reload this tab to get the newer version; until then new runs are kept in this tab only.'
            : 'This browser window does not let the playground keep data (IndexedDB is unavailable, as in some private windows). ' +
              'Runs are kept in this tab only until it closes: export them as JSON to keep them.';
      return repo;
    }
  }

  snapshot(): HistorySnapshot {
    this.sorted ??= [...this.summaries.values()].sort(newestFirst);
    return { runs: this.sorted, storage: this.adapter.kind, unsaved: [...this.pending.keys()], problem: this.problem };
  }

  summary(id: string): RunSummary | undefined {
    return this.summaries.get(id);
  }

  /** The whole run (curves and points), or undefined when it is not kept. */
  async get(id: string): Promise<RunRecord | undefined> {
    if (!this.summaries.has(id)) return undefined;
    return this.pending.get(id) ?? (await this.adapter.get(id));
  }

  /** Whole runs for these ids, in their order; ids not kept are left out. */
  async getMany(ids: readonly string[]): Promise<RunRecord[]> {
    const runs = await Promise.all(ids.map((id) => this.get(id)));
    return runs.filter((r): r is RunRecord => r !== undefined);
  }

  async save(record: RunRecord): Promise<HistorySnapshot> {
    this.summaries.set(record.id, summarize(record));
    this.sorted = null;
    this.pending.set(record.id, record);
    await this.flush();
    return this.snapshot();
  }

  async rename(id: string, name: string): Promise<HistorySnapshot> {
    const clean = name.trim().slice(0, 120);
    if (clean === '' || clean === this.summaries.get(id)?.name) return this.snapshot();
    const run = await this.get(id);
    if (!run) return this.snapshot();
    return this.save({ ...run, name: clean });
  }

  async remove(id: string): Promise<HistorySnapshot> {
    this.summaries.delete(id);
    this.sorted = null;
    this.pending.delete(id);
    try {
      await this.adapter.remove(id);
    } catch {
      this.problem = 'The run was removed from this list, but the browser could not delete it from its storage; it may come back after a reload.';
    }
    await this.flush();
    return this.snapshot();
  }

  /** Writes every unsaved run; stops at the first failure and says why. */
  private async flush(): Promise<void> {
    for (const [id, run] of [...this.pending]) {
      try {
        await this.adapter.put(run);
        // A newer version of the run may have come in while this one was written.
        if (this.pending.get(id) === run) this.pending.delete(id);
      } catch (error) {
        this.problem = unsavedSentence(error, this.pending.size);
        return;
      }
    }
    if (this.adapter.kind === 'indexeddb') this.problem = null;
  }
}

/** Why `count` runs are only in this tab, as a sentence. */
function unsavedSentence(error: unknown, count: number): string {
  const runsAre = count === 1 ? 'one run is' : `${count} runs are`;
  const name = (error as { name?: unknown } | null)?.name;
  if (isQuotaError(error)) {
    return `The browser's storage for this site is full, so ${runsAre} kept in this tab only (marked "not saved"). Delete old runs or export them as JSON; they are saved again as soon as there is room.`;
  }
  if (name === 'StoreBusyError') {
    return `Another tab of the playground is updating the saved runs, so ${runsAre} kept in this tab for now (marked "not saved"); they are saved as soon as that tab lets go.`;
  }
  if (name === 'UpgradeBlockedError') {
    return `Another tab of the playground, opened before it was updated, holds the saved runs, so ${runsAre} kept in this tab for now (marked "not saved"); close that tab and they are saved.`;
  }
  if (name === 'StoreChangedError') {
    return `A newer version of the playground, opened in another tab, changed how runs are stored, so ${runsAre} kept in this tab only (marked "not saved"). Export them as JSON, then reload this tab.`;
  }
  return `The browser could not save ${count === 1 ? 'a run' : `${count} runs`} (marked "not saved"); they are kept in this tab until it closes. Export them as JSON to keep them.`;
}
