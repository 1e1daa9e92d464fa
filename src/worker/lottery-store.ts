// Where a long lottery run is kept between rounds so a reload can resume it: one record in
// IndexedDB (through `idb`), written by the worker. The IndexedDB part is kept thin; what a
// stored value means (resumable, from another version, damaged) is decided by inspectSaved,
// which the unit tests cover with an in-memory storage.
import { openDB, type IDBPDatabase } from 'idb';
import { snapshotProblem, unitPlan, type LotterySnapshot } from '../engine/lottery';
import type { LotteryRequest, SavedLotteryInfo } from './lottery-protocol';

/** Bumped when the stored record changes shape; older records are then refused with a sentence. */
export const SAVE_VERSION = 1;
const SAVE_FORMAT = 'lottery-save';

export interface SavedLottery {
  format: typeof SAVE_FORMAT;
  version: number;
  savedAt: number;
  request: LotteryRequest;
  snapshot: LotterySnapshot;
}

export interface LotteryStorage {
  load(): Promise<unknown>;
  save(record: SavedLottery): Promise<void>;
  clear(): Promise<void>;
}

export function savedRecord(request: LotteryRequest, snapshot: LotterySnapshot, savedAt = Date.now()): SavedLottery {
  return { format: SAVE_FORMAT, version: SAVE_VERSION, savedAt, request, snapshot };
}

/** What a stored value allows: resume, or a sentence that says why not. */
export function inspectSaved(value: unknown): SavedLotteryInfo {
  if (value === undefined || value === null) return { status: 'none' };
  const r = value as Partial<SavedLottery>;
  if (typeof r !== 'object' || r.format !== SAVE_FORMAT) {
    return { status: 'incompatible', reason: 'The saved lottery run is not in a form this page can read, so it cannot be resumed.' };
  }
  if (r.version !== SAVE_VERSION) {
    return {
      status: 'incompatible',
      reason: `The saved lottery run comes from another version of the playground (save format ${String(r.version)}, this page reads ${SAVE_VERSION}), so it cannot be resumed.`,
    };
  }
  const problem = snapshotProblem(r.snapshot);
  if (problem) return { status: 'incompatible', reason: problem };
  if (!r.request || typeof r.request.seed !== 'number' || typeof r.request.settings !== 'object') {
    return { status: 'incompatible', reason: 'The saved lottery run does not say how it was started, so it cannot be resumed.' };
  }
  const snapshot = r.snapshot!;
  const unitCount = unitPlan(snapshot.settings).length;
  const unitsDone = Math.min(snapshot.nextUnit, unitCount);
  return {
    status: 'resumable',
    request: r.request,
    savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0,
    unitsDone,
    unitCount,
    fraction: unitCount === 0 ? 1 : unitsDone / unitCount,
  };
}

const DB_NAME = 'compression-playground-lottery';
const STORE = 'lottery';
const KEY = 'current';

/** The IndexedDB storage, or a sentence when this browser gives the page none (private mode,
 * storage disabled). */
export function indexedDbStorage(): LotteryStorage | string {
  if (!(globalThis as { indexedDB?: unknown }).indexedDB) return 'This browser gives the page no IndexedDB storage, so a reload cannot resume the run.';
  let db: Promise<IDBPDatabase> | null = null;
  const open = () =>
    (db ??= openDB(DB_NAME, 1, {
      upgrade(database) {
        if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
      },
    }));
  return {
    load: async () => (await open()).get(STORE, KEY),
    save: async (record) => void (await (await open()).put(STORE, record, KEY)),
    clear: async () => void (await (await open()).delete(STORE, KEY)),
  };
}
