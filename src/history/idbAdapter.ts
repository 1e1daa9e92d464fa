// The History's IndexedDB store, through `idb` (promises instead of request callbacks). Whole run
// records (curves and points) in "runs", and beside each its summary in "summaries", written in
// the same transaction: the list reads only the summaries, so 1,000 runs open at once
// (IndexedDB's getAll of 1,000 whole runs took 4-5 s here; of their summaries, milliseconds).
// Everything else is in ./repository.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { summarize } from './summary';
import type { HistoryAdapter, RunRecord, RunSummary } from './types';

const DB_NAME = 'compression-playground-history';
/** 1: runs only. 2: summaries beside the runs. */
const DB_VERSION = 2;

interface HistoryDb extends DBSchema {
  runs: { key: string; value: RunRecord };
  summaries: { key: string; value: RunSummary };
}

/** The store needs an upgrade that another tab, of an older version of the page, is blocking. */
export class UpgradeBlockedError extends Error {
  override name = 'UpgradeBlockedError';
  constructor() {
    super('Another tab holds the saved runs open with an older version of the page.');
  }
}

/** Rejects when IndexedDB is missing or refuses to open (private windows, blocked storage). */
export async function openIdbAdapter(): Promise<HistoryAdapter> {
  // Read off globalThis: the store (and so this file) is also compiled for Node tests.
  if ((globalThis as { indexedDB?: unknown }).indexedDB === undefined) throw new Error('IndexedDB is not available in this browser window.');
  let opened: IDBPDatabase<HistoryDb> | null = null;
  let rejectBlocked: (error: Error) => void = () => undefined;
  const blocked = new Promise<never>((_, reject) => (rejectBlocked = reject));
  const opening = openDB<HistoryDb>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore('runs', { keyPath: 'id' });
      // Runs kept by version 1 get their summaries at the first list (see below), not here:
      // reading 1,000 whole runs takes seconds, and opening must answer quickly.
      if (oldVersion < 2) database.createObjectStore('summaries', { keyPath: 'id' });
    },
    // A tab of an older version still holds the store open, so the upgrade waits for it: say so
    // now. If that tab closes later, the connection that then opens is not wanted.
    blocked() {
      rejectBlocked(new UpgradeBlockedError());
      void opening.then((late) => late.close(), () => undefined);
    },
    // A newer version of the page opened in another tab: let it upgrade rather than block it.
    blocking() {
      opened?.close();
    },
  });
  const db = await Promise.race([opening, blocked]);
  opened = db;
  return {
    kind: 'indexeddb',
    list: async () => {
      const [summaries, runs] = await Promise.all([db.getAll('summaries'), db.count('runs')]);
      return summaries.length === runs ? summaries : summarizeMissing(db, summaries);
    },
    get: (id) => db.get('runs', id),
    put: async (record) => {
      const tx = db.transaction(['runs', 'summaries'], 'readwrite');
      await Promise.all([tx.objectStore('runs').put(record), tx.objectStore('summaries').put(summarize(record)), tx.done]);
    },
    remove: async (id) => {
      const tx = db.transaction(['runs', 'summaries'], 'readwrite');
      await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
    },
  };
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
