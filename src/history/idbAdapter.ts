// The History's IndexedDB store, through `idb` (promises instead of request callbacks). Whole run
// records (curves and points) in "runs", and beside each its summary in "summaries", written in
// the same transaction: the list reads only the summaries, so 1,000 runs open at once
// (IndexedDB's getAll of 1,000 whole runs took 4-5 s here; of their summaries, milliseconds).
// Everything else is in ./repository.
// Lottery and transfer runs share the two stores with training runs (records carry their
// `kind`); those kept before there were kinds have none and are read as training runs
// (withKind), so the database's shape and version did not change for them.
// Every tab of the playground shares this store, so each write is announced to the other tabs
// (BroadcastChannel) and their lists follow (./repository); the connection gives way to a tab
// that upgrades the database and opens again on the next use (./idbConnection).
import type { DBSchema, IDBPDatabase } from 'idb';
import { openConnection } from './idbConnection';
import { summarize, withKind } from './summary';
import type { HistoryAdapter, RunRecord, RunSummary, StoreChange } from './types';

export { UpgradeBlockedError } from './idbConnection';

const DB_NAME = 'compression-playground-history';
/** 1: runs only. 2: summaries beside the runs. */
const DB_VERSION = 2;
/** The channel every tab's History listens on. */
export const HISTORY_CHANNEL = 'compression-playground-history';

interface HistoryDb extends DBSchema {
  runs: { key: string; value: RunRecord };
  summaries: { key: string; value: RunSummary };
}

/** Rejects when IndexedDB is missing or refuses to open (private windows, blocked storage), or
 * with UpgradeBlockedError when a tab of an older version of the page blocks the upgrade. */
export async function openIdbAdapter(options: { reopenTimeoutMs?: number } = {}): Promise<HistoryAdapter> {
  // Read off globalThis: the store (and so this file) is also compiled for Node tests.
  if ((globalThis as { indexedDB?: unknown }).indexedDB === undefined) throw new Error('IndexedDB is not available in this browser window.');
  const listeners = new Set<(change: StoreChange) => void>();
  const tell = (change: StoreChange) => listeners.forEach((listener) => listener(change));
  const connection = await openConnection<HistoryDb>({
    name: DB_NAME,
    version: DB_VERSION,
    stores: ['runs', 'summaries'],
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore('runs', { keyPath: 'id' });
      // Runs kept by version 1 get their summaries at the first list (see below), not here:
      // reading 1,000 whole runs takes seconds, and opening must answer quickly.
      if (oldVersion < 2) database.createObjectStore('summaries', { keyPath: 'id' });
    },
    onReopen: () => tell({ kind: 'reopened' }),
    reopenTimeoutMs: options.reopenTimeoutMs,
  });
  // Opened on the first write or watch only: the export worker reads and needs none.
  let channel: BroadcastChannel | null = null;
  const shared = () => {
    if (!channel && typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(HISTORY_CHANNEL);
      channel.onmessage = (event: MessageEvent<unknown>) => {
        const change = storeChangeOf(event.data);
        if (change) tell(change);
      };
    }
    return channel;
  };
  const announce = (change: StoreChange) => shared()?.postMessage(change);
  return {
    kind: 'indexeddb',
    list: () =>
      connection.run(async (db) => {
        const [summaries, runs] = await Promise.all([db.getAll('summaries'), db.count('runs')]);
        return (summaries.length === runs ? summaries : await summarizeMissing(db, summaries)).map(withKind);
      }),
    get: (id) =>
      connection.run(async (db) => {
        const run = await db.get('runs', id);
        return run && withKind(run);
      }),
    put: async (record) => {
      const summary = summarize(record);
      await connection.run(async (db) => {
        const tx = db.transaction(['runs', 'summaries'], 'readwrite');
        await Promise.all([tx.objectStore('runs').put(record), tx.objectStore('summaries').put(summary), tx.done]);
      });
      announce({ kind: 'put', summary });
    },
    remove: async (id) => {
      await connection.run(async (db) => {
        const tx = db.transaction(['runs', 'summaries'], 'readwrite');
        await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
      });
      announce({ kind: 'removed', id });
    },
    watch(listener) {
      shared();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A message from another tab as a change, or null when it is not one (another page version's
 * message of another shape is ignored, not trusted). */
function storeChangeOf(data: unknown): StoreChange | null {
  const m = data as { kind?: unknown; id?: unknown; summary?: { id?: unknown; createdAt?: unknown } } | null;
  if (m?.kind === 'removed' && typeof m.id === 'string') return { kind: 'removed', id: m.id };
  if (m?.kind === 'put' && typeof m.summary?.id === 'string' && typeof m.summary.createdAt === 'number') return { kind: 'put', summary: withKind(m.summary as RunSummary) };
  return null;
}

/** Summarises the runs that have no summary yet (kept by version 1), once, a record per step so
 * the page never waits on a long task; returns every summary. */
async function summarizeMissing(db: IDBPDatabase<HistoryDb>, known: RunSummary[]): Promise<RunSummary[]> {
  const have = new Set(known.map((s) => s.id));
  const added: RunSummary[] = [];
  const tx = db.transaction(['runs', 'summaries'], 'readwrite');
  const summaries = tx.objectStore('summaries');
  for (let cursor = await tx.objectStore('runs').openCursor(); cursor; cursor = await cursor.continue()) {
    if (have.has(cursor.key)) continue;
    const summary = summarize(cursor.value);
    added.push(summary);
    void summaries.put(summary);
  }
  await tx.done;
  return [...known, ...added];
}
