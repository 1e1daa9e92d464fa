// The History's IndexedDB store, through `idb` (promises instead of request callbacks). One
// object store of run records keyed by id; everything else is in ./repository.
import { openDB, type DBSchema } from 'idb';
import type { HistoryAdapter, RunRecord } from './types';

const DB_NAME = 'compression-playground-history';
const DB_VERSION = 1;

interface HistoryDb extends DBSchema {
  runs: { key: string; value: RunRecord };
}

/** Rejects when IndexedDB is missing or refuses to open (private windows, blocked storage). */
export async function openIdbAdapter(): Promise<HistoryAdapter> {
  // Read off globalThis: the store (and so this file) is also compiled for Node tests.
  if ((globalThis as { indexedDB?: unknown }).indexedDB === undefined) throw new Error('IndexedDB is not available in this browser window.');
  const db = await openDB<HistoryDb>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('runs', { keyPath: 'id' });
    },
  });
  return {
    kind: 'indexeddb',
    list: () => db.getAll('runs'),
    put: async (record) => void (await db.put('runs', record)),
    remove: (id) => db.delete('runs', id),
  };
}
