// The lottery's saved runs in IndexedDB (fake-indexeddb: the spec's IndexedDB in memory), as two
// tabs use them: each run under its own id, the oldest dropped past the limit, version 1's single
// run carried over, and a connection that lets another tab upgrade the database.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_VERSION, type LotterySnapshot } from '../engine/lottery';
import type { LotteryRequest } from './lottery-protocol';
import { EARLIER_RUN_ID, indexedDbStorage, inspectHeader, MAX_SAVED_LOTTERY_RUNS, savedRecord, staleRuns, type LotteryStorage } from './lottery-store';

const DB_NAME = 'compression-playground-lottery';

beforeEach(() => {
  (globalThis as { indexedDB?: unknown }).indexedDB = new IDBFactory();
});

const snapshot = {
  format: 'lottery-run',
  version: SNAPSHOT_VERSION,
  spec: {},
  settings: { rounds: 1, variants: ['rewind_init'], stepsPerRound: 4, rewindStep: 0 },
  nextUnit: 1,
  trunk: { init: [], rewind: [], final: [] },
  finals: {},
  masks: {},
  results: [],
} as unknown as LotterySnapshot;
const requestOf = (seed: number): LotteryRequest => ({ seed, settings: { rounds: 1 } });

function storage(): LotteryStorage {
  const s = indexedDbStorage();
  if (typeof s === 'string') throw new Error(s);
  return s;
}

const listed = async (s: LotteryStorage) => (await s.list()).map(inspectHeader).sort((a, b) => b.savedAt - a.savedAt);

describe('the lottery store in IndexedDB', () => {
  it('keeps two tabs\' runs side by side, each under its id, and reads each back', async () => {
    const [tabA, tabB] = [storage(), storage()];
    await tabA.save('run-a', savedRecord(requestOf(1), snapshot, 100));
    await tabB.save('run-b', savedRecord(requestOf(2), snapshot, 200));
    await tabA.save('run-a', savedRecord(requestOf(1), { ...snapshot, nextUnit: 2 }, 300));
    expect(await listed(tabB)).toEqual([
      { status: 'resumable', id: 'run-a', request: requestOf(1), savedAt: 300, unitsDone: 2, unitCount: 2, fraction: 1 },
      { status: 'resumable', id: 'run-b', request: requestOf(2), savedAt: 200, unitsDone: 1, unitCount: 2, fraction: 0.5 },
    ]);
    expect(await tabB.load('run-a')).toMatchObject({ request: { seed: 1 }, snapshot: { nextUnit: 2 } });
    expect(await tabA.load('run-b')).toMatchObject({ request: { seed: 2 } });
    await tabB.clear('run-a');
    expect((await listed(tabA)).map((r) => r.id)).toEqual(['run-b']);
    expect(await tabA.load('run-a')).toBeUndefined();
  });

  it(`keeps the ${MAX_SAVED_LOTTERY_RUNS} runs saved last: a new save drops the oldest, a resumed run stays`, async () => {
    const s = storage();
    for (let i = 0; i < MAX_SAVED_LOTTERY_RUNS; i++) await s.save(`run-${i}`, savedRecord(requestOf(i), snapshot, 100 + i));
    // run-0 goes on (resumed): saved last, it is the newest now.
    await s.save('run-0', savedRecord(requestOf(0), snapshot, 200));
    await s.save('run-new', savedRecord(requestOf(9), snapshot, 300));
    const ids = (await listed(s)).map((r) => r.id);
    expect(ids).toEqual(['run-new', 'run-0', ...Array.from({ length: MAX_SAVED_LOTTERY_RUNS - 2 }, (_, i) => `run-${MAX_SAVED_LOTTERY_RUNS - 1 - i}`)]);
    expect(await s.load('run-1')).toBeUndefined();
  });

  it('carries the one run version 1 kept (under "current") over as a resumable run', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('lottery') });
    await v1.put('lottery', savedRecord(requestOf(7), snapshot, 50), 'current');
    v1.close();
    const s = storage();
    expect(await listed(s)).toEqual([{ status: 'resumable', id: EARLIER_RUN_ID, request: requestOf(7), savedAt: 50, unitsDone: 1, unitCount: 2, fraction: 0.5 }]);
    expect(await s.load(EARLIER_RUN_ID)).toMatchObject({ request: { seed: 7 } });
    expect(await s.load('current')).toBeUndefined();
  });

  it('lets another tab upgrade the database and goes on saving', async () => {
    const s = storage();
    await s.save('run-a', savedRecord(requestOf(1), snapshot, 100));
    (await openDB(DB_NAME, 3)).close();
    await s.save('run-b', savedRecord(requestOf(2), snapshot, 200));
    expect((await listed(s)).map((r) => r.id)).toEqual(['run-b', 'run-a']);
  });

  it('lists a header of another version or a damaged one with a sentence, not a crash', () => {
    expect(inspectHeader({ id: 'x', format: 'lottery-save', version: 2, savedAt: 5, problem: null })).toEqual({
      status: 'incompatible',
      id: 'x',
      savedAt: 5,
      reason: expect.stringMatching(/another version of the playground \(save format 2/),
    });
    expect(inspectHeader(null)).toMatchObject({ status: 'incompatible', id: '', savedAt: 0 });
    expect(inspectHeader({ id: 'y', format: 'lottery-save', version: 1, savedAt: 'soon', problem: 'The saved lottery run is incomplete.' })).toEqual({
      status: 'incompatible',
      id: 'y',
      savedAt: 0,
      reason: 'The saved lottery run is incomplete.',
    });
    expect(staleRuns([{ id: 'a', savedAt: 3 }, { id: 'b', savedAt: 1 }, { id: 'c', savedAt: 2 }, { nothing: 1 }], 2, 'b')).toEqual(['c']);
  });
});
