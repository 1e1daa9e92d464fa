// Where long lottery runs are kept between rounds so a reload can resume them: each run under its
// own id in IndexedDB (through `idb`), written by the worker, with a small header beside it (what
// the run asked for, how far it got) so the page lists the saved runs without reading their
// weights (10-20 MB a run). Before, every tab wrote one key, so two tabs' runs overwrote each
// other. At most MAX_SAVED_LOTTERY_RUNS are kept: a save drops the runs saved longest ago. The
// IndexedDB part is kept thin; what a stored value means (resumable, from another version,
// damaged) is decided by inspectHeader, which the unit tests cover with an in-memory storage.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { openConnection, type Connection } from '../history/idbConnection';
import { snapshotProblem, unitPlan, type LotterySnapshot } from '../engine/lottery';
import type { LotteryRequest, SavedLotteryInfo, SavedRunInfo } from './lottery-protocol';

/** Bumped when the stored record changes shape; older records are then refused with a sentence. */
export const SAVE_VERSION = 1;
const SAVE_FORMAT = 'lottery-save';
/** Saved runs kept in this browser (a Quick run is about 10 MB, a paper run about 20 MB). */
export const MAX_SAVED_LOTTERY_RUNS = 4;

export interface SavedLottery {
  format: typeof SAVE_FORMAT;
  version: number;
  savedAt: number;
  request: LotteryRequest;
  snapshot: LotterySnapshot;
}

/** What the list needs of a saved run, written beside it; checked again when read, since another
 * version of the page may have written it. */
export interface SavedLotteryHeader {
  id: string;
  format: unknown;
  version: unknown;
  savedAt: unknown;
  request: unknown;
  unitsDone: number;
  unitCount: number;
  /** Why the saved state cannot be resumed, or null. */
  problem: string | null;
}

export interface LotteryStorage {
  /** The headers of every saved run. */
  list(): Promise<unknown[]>;
  load(id: string): Promise<unknown>;
  /** Writes the run and its header, and drops the runs saved longest ago beyond the limit. */
  save(id: string, record: SavedLottery): Promise<void>;
  clear(id: string): Promise<void>;
}

export function savedRecord(request: LotteryRequest, snapshot: LotterySnapshot, savedAt = Date.now()): SavedLottery {
  return { format: SAVE_FORMAT, version: SAVE_VERSION, savedAt, request, snapshot };
}

export function headerOf(id: string, value: unknown): SavedLotteryHeader {
  const r = (typeof value === 'object' && value !== null ? value : {}) as Partial<SavedLottery>;
  const problem = snapshotProblem(r.snapshot);
  const unitCount = problem ? 0 : unitPlan(r.snapshot!.settings).length;
  const unitsDone = problem ? 0 : Math.min(r.snapshot!.nextUnit, unitCount);
  return { id, format: r.format, version: r.version, savedAt: r.savedAt, request: r.request, unitsDone, unitCount, problem };
}

const savedAtOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** What a saved run's header allows: resume, or a sentence that says why not. */
export function inspectHeader(value: unknown): SavedRunInfo {
  const h = (value ?? {}) as Partial<SavedLotteryHeader>;
  const id = typeof h.id === 'string' ? h.id : '';
  const savedAt = savedAtOf(h.savedAt);
  const refuse = (reason: string): SavedRunInfo => ({ status: 'incompatible', id, reason, savedAt });
  if (h.format !== SAVE_FORMAT) return refuse('The saved lottery run is not in a form this page can read, so it cannot be resumed.');
  if (h.version !== SAVE_VERSION) {
    return refuse(`The saved lottery run comes from another version of the playground (save format ${String(h.version)}, this page reads ${SAVE_VERSION}), so it cannot be resumed.`);
  }
  if (h.problem) return refuse(h.problem);
  const request = h.request as Partial<LotteryRequest> | undefined;
  if (!request || typeof request.seed !== 'number' || typeof request.settings !== 'object' || request.settings === null) {
    return refuse('The saved lottery run does not say how it was started, so it cannot be resumed.');
  }
  const unitCount = Number.isInteger(h.unitCount) ? h.unitCount! : 0;
  const unitsDone = Math.max(0, Math.min(Number.isInteger(h.unitsDone) ? h.unitsDone! : 0, unitCount));
  return { status: 'resumable', id, request: request as LotteryRequest, savedAt, unitsDone, unitCount, fraction: unitCount === 0 ? 1 : unitsDone / unitCount };
}

/** What a stored value allows: resume, or a sentence that says why not. */
export function inspectSaved(value: unknown, id = ''): SavedLotteryInfo {
  if (value === undefined || value === null) return { status: 'none' };
  return inspectHeader(headerOf(id, value));
}

/** The runs to drop so that at most `max` stay: those saved longest ago, never `keep`. */
export function staleRuns(headers: readonly unknown[], max: number, keep: string): string[] {
  const ids = headers
    .map((h) => h as Partial<SavedLotteryHeader>)
    .filter((h): h is SavedLotteryHeader => typeof h.id === 'string' && h.id !== keep)
    .sort((a, b) => savedAtOf(b.savedAt) - savedAtOf(a.savedAt))
    .map((h) => h.id);
  return ids.slice(Math.max(0, max - 1));
}

const DB_NAME = 'compression-playground-lottery';
/** 1: one run under the key 'current'. 2: a run per id in "lottery", its header in "headers". */
const DB_VERSION = 2;
/** The id the one run kept by version 1 is given. */
export const EARLIER_RUN_ID = 'saved-before-runs-had-ids';

interface LotteryDb extends DBSchema {
  lottery: { key: string; value: unknown };
  headers: { key: string; value: SavedLotteryHeader };
}

/** Version 1's single run becomes a run like any other (its header written), so it can resume. */
async function moveEarlierRun(tx: IDBPTransaction<LotteryDb, StoreNames<LotteryDb>[], 'versionchange'>): Promise<void> {
  const runs = tx.objectStore('lottery');
  const earlier = await runs.get('current');
  if (earlier === undefined) return;
  await Promise.all([runs.put(earlier, EARLIER_RUN_ID), tx.objectStore('headers').put(headerOf(EARLIER_RUN_ID, earlier)), runs.delete('current')]);
}

/** The IndexedDB storage, or a sentence when this browser gives the page none (private mode,
 * storage disabled). */
export function indexedDbStorage(): LotteryStorage | string {
  if (!(globalThis as { indexedDB?: unknown }).indexedDB) return 'This browser gives the page no IndexedDB storage, so a reload cannot resume the run.';
  let connection: Promise<Connection<LotteryDb>> | null = null;
  const run = async <T>(use: (db: IDBPDatabase<LotteryDb>) => Promise<T>): Promise<T> => {
    connection ??= openConnection<LotteryDb>({
      name: DB_NAME,
      version: DB_VERSION,
      stores: ['lottery', 'headers'],
      upgrade(database, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) database.createObjectStore('lottery');
        if (oldVersion < 2) database.createObjectStore('headers', { keyPath: 'id' });
        if (oldVersion === 1) void moveEarlierRun(tx).catch(() => undefined);
      },
    }).catch((error: unknown) => {
      // Not opened (blocked by an older tab, say): the next call tries again.
      connection = null;
      throw error;
    });
    return (await connection).run(use);
  };
  return {
    list: () => run((db) => db.getAll('headers')),
    load: (id) => run((db) => db.get('lottery', id)),
    save: (id, record) =>
      run(async (db) => {
        const tx = db.transaction(['lottery', 'headers'], 'readwrite');
        const [runs, headers] = [tx.objectStore('lottery'), tx.objectStore('headers')];
        const stale = staleRuns(await headers.getAll(), MAX_SAVED_LOTTERY_RUNS, id);
        await Promise.all([runs.put(record, id), headers.put(headerOf(id, record)), ...stale.flatMap((old) => [runs.delete(old), headers.delete(old)]), tx.done]);
      }),
    clear: (id) =>
      run(async (db) => {
        const tx = db.transaction(['lottery', 'headers'], 'readwrite');
        await Promise.all([tx.objectStore('lottery').delete(id), tx.objectStore('headers').delete(id), tx.done]);
      }),
  };
}
