// A short-lived worker that writes one results file (CSV or JSON) from the History: it reads each
// run from IndexedDB in turn and hands the text of each to a Blob, so neither the page nor this
// worker ever holds all the runs or one giant string. See src/history/exportInWorker.ts.
import { exportBaseName, csvWriter, jsonWriter } from '../history/exportResults';
import type { ExportReply, ExportRequest } from '../history/exportInWorker';
import { EXPORT_PROGRESS_EVERY } from '../history/exportInWorker';
import { openIdbAdapter } from '../history/idbAdapter';
import { newestFirst } from '../history/summary';
import type { HistoryAdapter, RunRecord } from '../history/types';

/** Every run id the store and the page's memory hold, in the History's order. */
async function everyId(store: HistoryAdapter, inMemory: RunRecord[]): Promise<string[]> {
  const stored = await store.list();
  const known = new Set(stored.map((s) => s.id));
  return [...stored, ...inMemory.filter((r) => !known.has(r.id))].sort(newestFirst).map((r) => r.id);
}

const reply = (message: ExportReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { format, exportedAt, inMemory } = event.data;
  const at = new Date(exportedAt);
  const writer = format === 'csv' ? csvWriter() : jsonWriter(at);
  const memory = new Map(inMemory.map((run) => [run.id, run]));
  let store: HistoryAdapter | null = null;
  /** The store's answer, or the sentence that says why it gave none. */
  const fromStore = async <T>(use: (store: HistoryAdapter) => Promise<T>): Promise<T> => {
    try {
      return await use((store ??= await openIdbAdapter()));
    } catch (error) {
      throw new ExportProblem(storeProblem(error instanceof Error ? error.name : ''));
    }
  };
  const read = async (id: string) => memory.get(id) ?? (await fromStore((s) => s.get(id)));
  try {
    // "All": every run in the store (other tabs' too), not the page's list, which may lag.
    const ids = event.data.ids === 'all' ? await fromStore((s) => everyId(s, inMemory)) : event.data.ids;
    const parts = [writer.start()];
    let count = 0;
    for (let i = 0; i < ids.length; i++) {
      const run = await read(ids[i]);
      if (run) parts.push(write(run, count++));
      if ((i + 1) % EXPORT_PROGRESS_EVERY === 0) reply({ kind: 'progress', done: i + 1, total: ids.length });
    }
    parts.push(writer.end(count));
    const blob = new Blob(parts, { type: writer.type });
    // The file's URL is made here, and dies with this worker: made or revoked on the page, a URL
    // of 100 MB blocked it for 85-140 ms (Chromium waits there for the Blob's storage).
    reply({ kind: 'done', url: URL.createObjectURL(blob), bytes: blob.size, count, fileName: `${exportBaseName(count, at)}.${writer.extension}` });
  } catch (error) {
    // The page puts "The results file was not written: " in front (store/errors.ts toUserMessage).
    reply({ kind: 'error', message: error instanceof ExportProblem ? error.message : 'the file could not be made (nothing was lost); try again' });
  }

  /** One run's text; a run that cannot be written is named, not blamed on the storage. */
  function write(run: RunRecord, index: number): string {
    try {
      return writer.run(run, index);
    } catch {
      throw new ExportProblem(`the run "${String(run.name).slice(0, 80)}" could not be written (nothing was lost); delete it from the History, or leave it out, and export again`);
    }
  }
};

/** A failure with the sentence the page shows. */
class ExportProblem extends Error {}

/** Why the store gave no answer, as the end of the page's sentence (names from ../history/idbConnection). */
function storeProblem(name: string): string {
  if (name === 'UpgradeBlockedError') return 'another tab holds the saved runs open with an older version of the page; close it and export again';
  if (name === 'StoreBusyError') return 'another tab of the playground is updating the saved runs; export again in a moment';
  if (name === 'StoreChangedError') return 'a newer version of the playground, opened in another tab, changed how runs are stored; reload this tab and export again';
  return 'the saved runs could not be read (nothing was lost); try again';
}
