// A short-lived worker that checks one imported file (results JSON or compressed model), so
// parsing and decoding a file of up to 16 MB never holds the page's main thread.
import { inspectImport } from '../history/importFile';

self.onmessage = (event: MessageEvent<{ bytes: ArrayBuffer; fileName: string }>) => {
  const { bytes, fileName } = event.data;
  let result;
  try {
    result = inspectImport(new Uint8Array(bytes), fileName);
  } catch {
    result = { kind: 'error' as const, message: 'The file could not be checked; nothing was imported.' };
  }
  self.postMessage(result);
};
