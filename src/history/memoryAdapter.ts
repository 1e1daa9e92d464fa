// Runs kept in a Map: the unit tests' storage, and the fallback when IndexedDB is missing
// (some private windows) or full.
import { summarize } from './summary';
import type { HistoryAdapter, RunRecord } from './types';

export function createMemoryAdapter(initial: RunRecord[] = []): HistoryAdapter {
  const runs = new Map(initial.map((r) => [r.id, structuredClone(r)]));
  return {
    kind: 'memory',
    list: async () => [...runs.values()].map((r) => summarize(structuredClone(r))),
    get: async (id) => {
      const run = runs.get(id);
      return run ? structuredClone(run) : undefined;
    },
    put: async (record) => void runs.set(record.id, structuredClone(record)),
    remove: async (id) => void runs.delete(id),
  };
}
