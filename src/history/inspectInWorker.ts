// The page side of an import: refuses by size before reading, looks at the first bytes before
// reading the rest, then hands the bytes (transferred, not copied) to the import worker. A
// worker that does not answer in time, or whose check is no longer wanted (`signal` aborted: the
// panel closed, another file was chosen), is ended, so a bad file can never hang the page.
import { checkImportSize, sniffKind, unknownKindMessage, type ImportResult } from './importFile';

export const IMPORT_TIMEOUT_MS = 20_000;
export const IMPORT_STOPPED_MESSAGE = 'The check of this file was stopped; nothing was imported.';

interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export async function inspectFile(file: Blob & { name?: string }, signal?: SignalLike): Promise<ImportResult> {
  const tooBig = checkImportSize(file.size);
  if (tooBig) return { kind: 'error', message: tooBig };
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  if (sniffKind(head) === 'unknown') return { kind: 'error', message: unknownKindMessage(head) };
  const bytes = await file.arrayBuffer();
  if (signal?.aborted) return { kind: 'error', message: IMPORT_STOPPED_MESSAGE };
  const worker = new Worker(new URL('../worker/import-worker-only.ts', import.meta.url), { type: 'module', name: 'import' });
  let onAbort = () => undefined as void;
  try {
    return await new Promise<ImportResult>((resolve) => {
      const timer = setTimeout(() => resolve({ kind: 'error', message: `Checking the file took more than ${IMPORT_TIMEOUT_MS / 1000} s, so it was abandoned; nothing was imported.` }), IMPORT_TIMEOUT_MS);
      onAbort = () => (clearTimeout(timer), resolve({ kind: 'error', message: IMPORT_STOPPED_MESSAGE }));
      signal?.addEventListener('abort', onAbort);
      worker.onmessage = (e: MessageEvent<ImportResult>) => (clearTimeout(timer), resolve(e.data));
      worker.onerror = (e) => {
        e.preventDefault();
        clearTimeout(timer);
        resolve({ kind: 'error', message: 'The file could not be checked (the import worker stopped); nothing was imported.' });
      };
      worker.postMessage({ bytes, fileName: file.name ?? 'file' }, [bytes]);
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}
