// The History's logic, apart from where it stores: every run is held in memory first and then
// written through the adapter. When the persistent store cannot be opened, or a write fails
// (the quota is full), the run stays in memory, is marked as not saved, and a sentence says so:
// nothing is dropped silently. Later writes retry the unsaved runs, so freeing space heals it.
import { createMemoryAdapter } from './memoryAdapter';
import type { HistoryAdapter, RunRecord } from './types';

/** IndexedDB can hang (an upgrade blocked by another tab): give up and fall back after this. */
export const OPEN_TIMEOUT_MS = 4000;

export interface HistorySnapshot {
  runs: RunRecord[];
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
  private readonly runs = new Map<string, RunRecord>();
  private readonly unsaved = new Set<string>();
  private problem: string | null = null;

  private constructor(private adapter: HistoryAdapter) {}

  /** Opens the persistent store, or falls back to memory with a sentence saying why. */
  static async open(openPersistent: () => Promise<HistoryAdapter>, timeoutMs = OPEN_TIMEOUT_MS): Promise<HistoryRepository> {
    try {
      const adapter = await withTimeout(openPersistent(), timeoutMs);
      const repo = new HistoryRepository(adapter);
      for (const run of await withTimeout(adapter.list(), timeoutMs)) repo.runs.set(run.id, run);
      return repo;
    } catch {
      const repo = new HistoryRepository(createMemoryAdapter());
      repo.problem =
        'This browser window does not let the playground keep data (IndexedDB is unavailable, as in some private windows). ' +
        'Runs are kept in this tab only until it closes: export them as JSON to keep them.';
      return repo;
    }
  }

  snapshot(): HistorySnapshot {
    const runs = [...this.runs.values()].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    return { runs, storage: this.adapter.kind, unsaved: [...this.unsaved], problem: this.problem };
  }

  get(id: string): RunRecord | undefined {
    return this.runs.get(id);
  }

  async save(record: RunRecord): Promise<HistorySnapshot> {
    this.runs.set(record.id, record);
    this.unsaved.add(record.id);
    await this.flush();
    return this.snapshot();
  }

  async rename(id: string, name: string): Promise<HistorySnapshot> {
    const run = this.runs.get(id);
    const clean = name.trim().slice(0, 120);
    if (!run || clean === '' || clean === run.name) return this.snapshot();
    return this.save({ ...run, name: clean });
  }

  async remove(id: string): Promise<HistorySnapshot> {
    this.runs.delete(id);
    this.unsaved.delete(id);
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
    for (const id of [...this.unsaved]) {
      const run = this.runs.get(id);
      if (!run) {
        this.unsaved.delete(id);
        continue;
      }
      try {
        await this.adapter.put(run);
        this.unsaved.delete(id);
      } catch (error) {
        this.problem = isQuotaError(error)
          ? `The browser's storage for this site is full, so ${this.unsaved.size === 1 ? 'one run is' : `${this.unsaved.size} runs are`} kept in this tab only (marked "not saved"). Delete old runs or export them as JSON; they are saved again as soon as there is room.`
          : `The browser could not save ${this.unsaved.size === 1 ? 'a run' : `${this.unsaved.size} runs`} (marked "not saved"); they are kept in this tab until it closes. Export them as JSON to keep them.`;
        return;
      }
    }
    if (this.adapter.kind === 'indexeddb') this.problem = null;
  }
}
