// The History's IndexedDB store when another tab changes the database under it, on
// fake-indexeddb (the IndexedDB of the spec, in memory, with its versionchange and blocked events).
// The auto entry puts IDBRequest, IDBKeyRange, ... on globalThis, as a browser has them (idb needs them).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_CHANNEL, openIdbAdapter } from './idbAdapter';
import { HistoryRepository, type HistorySnapshot } from './repository';
import { sampleLotteryRun, sampleRun, sampleTransferRun } from './sampleRun';
import { summarize } from './summary';
import type { LotteryRunSummary, TrainingRunRecord } from './types';

const DB_NAME = 'compression-playground-history';

beforeEach(() => {
  // A fresh browser profile for each test.
  (globalThis as { indexedDB?: unknown }).indexedDB = new IDBFactory();
});

/** What a newer version of the page does in another tab: opens the store at a higher version and
 * upgrades it (keeping its stores), then stays open or goes away. */
async function upgradeInAnotherTab(version: number, stayOpen = false) {
  const db = await openDB(DB_NAME, version, { upgrade: () => undefined });
  if (!stayOpen) db.close();
  return db;
}

describe('the IndexedDB history store, with another tab', () => {
  it('lets another tab upgrade the database, then opens it again and keeps saving', async () => {
    const adapter = await openIdbAdapter();
    await adapter.put(sampleRun('a', 1));
    await upgradeInAnotherTab(3);
    await adapter.put(sampleRun('b', 2));
    expect((await adapter.list()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect((await adapter.get('b'))?.name).toBe(sampleRun('b', 2).name);
  });

  it('keeps saving while the newer tab is still open', async () => {
    const adapter = await openIdbAdapter();
    const other = await upgradeInAnotherTab(3, true);
    await adapter.put(sampleRun('a', 1));
    await adapter.remove('a');
    await adapter.put(sampleRun('b', 2));
    expect((await other.getAllKeys('runs' as never)).sort()).toEqual(['b']);
    other.close();
  });

  it('through the repository: runs after the upgrade are saved, not kept in the tab only', async () => {
    const repo = await HistoryRepository.open(openIdbAdapter);
    await repo.save(sampleRun('a', 1));
    await upgradeInAnotherTab(3);
    const snap = await repo.save(sampleRun('b', 2));
    expect(snap.storage).toBe('indexeddb');
    expect(snap.unsaved).toEqual([]);
    expect(snap.problem).toBeNull();
    const reopened = await HistoryRepository.open(openIdbAdapter);
    expect(reopened.snapshot().runs.map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('says so when another tab still holds the reopening up, and saves the run once it lets go', async () => {
    const repo = await HistoryRepository.open(() => openIdbAdapter({ reopenTimeoutMs: 50 }));
    const heard: HistorySnapshot[] = [];
    repo.onChange((snap) => heard.push(snap));
    await repo.save(sampleRun('a', 1));
    // A third tab, of a page that never lets go, holds the database at version 2 ...
    const stubborn = await openDB(DB_NAME, 2);
    // ... so the newer tab's upgrade waits on it, and this tab's reopening waits behind that.
    let blocked: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (blocked = resolve));
    const newer = openDB(DB_NAME, 3, { upgrade: () => undefined, blocked });
    // Every connection has heard of the upgrade by then (this tab's closed; the third did not).
    await held;
    const snap = await repo.save(sampleRun('b', 2));
    expect(snap.unsaved).toEqual(['b']);
    expect(snap.problem).toMatch(/^Another tab of the playground is updating the saved runs, so one run is kept in this tab for now \(marked "not saved"\); they are saved as soon as that tab lets go\.$/);
    expect(snap.runs.map((r) => r.id)).toEqual(['b', 'a']);

    stubborn.close();
    (await newer).close();
    await vi.waitFor(() => expect(heard.at(-1)?.unsaved).toEqual([]), { timeout: 2000, interval: 10 });
    expect(heard.at(-1)?.problem).toBeNull();
    const reopened = await HistoryRepository.open(openIdbAdapter);
    expect(reopened.snapshot().runs.map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('two tabs on one History', () => {
  it("each tab's list follows what the other writes, renames and deletes", async () => {
    const [tabA, tabB] = [await HistoryRepository.open(openIdbAdapter), await HistoryRepository.open(openIdbAdapter)];
    const heardByB: HistorySnapshot[] = [];
    tabB.onChange((snap) => heardByB.push(snap));
    await tabA.save(sampleRun('a', 1));
    await tabA.save(sampleRun('b', 2));
    await vi.waitFor(() => expect(tabB.snapshot().runs.map((r) => r.id)).toEqual(['b', 'a']), { timeout: 2000, interval: 10 });
    expect(heardByB.at(-1)?.runs.map((r) => r.id)).toEqual(['b', 'a']);
    // B can read the whole run A wrote, and rename it; A's list follows.
    expect(((await tabB.get('a')) as TrainingRunRecord | undefined)?.curves.loss).toHaveLength(2);
    await tabB.rename('a', 'Renamed in tab B');
    await vi.waitFor(() => expect(tabA.summary('a')?.name).toBe('Renamed in tab B'), { timeout: 2000, interval: 10 });
    await tabA.remove('b');
    await vi.waitFor(() => expect(tabB.snapshot().runs.map((r) => r.id)).toEqual(['a']), { timeout: 2000, interval: 10 });
    // A tab that opens later reads the same list.
    expect((await HistoryRepository.open(openIdbAdapter)).snapshot().runs.map((r) => [r.id, r.name])).toEqual([['a', 'Renamed in tab B']]);
  });

  it("another tab's lottery and transfer runs arrive in the list with their kind and figures", async () => {
    const [tabA, tabB] = [await HistoryRepository.open(openIdbAdapter), await HistoryRepository.open(openIdbAdapter)];
    await tabA.save(sampleLotteryRun('l', 1));
    await tabA.save(sampleTransferRun('t', 2));
    await vi.waitFor(() => expect(tabB.snapshot().runs.map((r) => [r.id, r.kind])).toEqual([['t', 'transfer'], ['l', 'lottery']]), { timeout: 2000, interval: 10 });
    expect((tabB.summary('l') as LotteryRunSummary).sparsest?.percentRemaining).toBe(25.5);
    expect(await tabB.get('t')).toEqual(sampleTransferRun('t', 2));
  });

  it('runs kept before there were kinds (no "kind" in the store) are listed and read as training runs', async () => {
    const { kind: _kind, ...old } = sampleRun('old', 1);
    const { kind: _k, ...oldSummary } = summarize(sampleRun('old', 1));
    const db = await openDB(DB_NAME, 2, {
      upgrade(database) {
        database.createObjectStore('runs', { keyPath: 'id' });
        database.createObjectStore('summaries', { keyPath: 'id' });
      },
    });
    await db.put('runs' as never, old as never);
    await db.put('summaries' as never, oldSummary as never);
    db.close();
    const repo = await HistoryRepository.open(openIdbAdapter);
    expect(repo.snapshot().runs.map((r) => [r.id, r.kind])).toEqual([['old', 'training']]);
    expect((await repo.get('old'))?.kind).toBe('training');
  });

  it('a message of another shape (another version of the page) changes nothing', async () => {
    const tab = await HistoryRepository.open(openIdbAdapter);
    await tab.save(sampleRun('a', 1));
    const heard: HistorySnapshot[] = [];
    tab.onChange((snap) => heard.push(snap));
    const other = new BroadcastChannel(HISTORY_CHANNEL);
    other.postMessage({ kind: 'put', summary: { id: 7 } });
    other.postMessage({ kind: 'removed' });
    other.postMessage('junk');
    other.postMessage({ kind: 'removed', id: 'a' });
    await vi.waitFor(() => expect(heard).toHaveLength(1), { timeout: 2000, interval: 10 });
    expect(heard[0].runs).toEqual([]);
    other.close();
  });

  it('a newer version that removed the stores: the page says to reload rather than blame the browser', async () => {
    await (await HistoryRepository.open(openIdbAdapter)).save(sampleRun('a', 1));
    (await openDB(DB_NAME, 5, { upgrade: (db) => db.deleteObjectStore('runs' as never) })).close();
    const repo = await HistoryRepository.open(openIdbAdapter);
    expect(repo.snapshot().storage).toBe('memory');
    expect(repo.snapshot().problem).toMatch(/^A newer version of the playground, opened in another tab, changed how runs are stored.*Reload this tab/);
  });
});
