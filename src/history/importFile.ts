// What an imported file is, decided without trusting it: its size first (before reading),
// then its first bytes (a compressed model starts with "CPGM", a results file with "{"), then a
// full check by the model decoder or the results schema. Any failure is one sentence; nothing
// here throws or loops on junk. Runs in the import worker (src/worker/import-worker-only.ts).
import { decodeModel } from '../engine/encoding/decode';
import { MAGIC } from '../engine/encoding/format';
import { summarizeModel, type ImportedModelSummary } from './modelSummary';
import { validateResults } from './resultsSchema';
import type { RunRecord } from './types';

/** Larger files are refused before a byte is read: a results file of 1,000 runs is about 30 MB
 * less than this, and the largest model the playground trains is about 1 MB as float32. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export type ImportResult =
  | { kind: 'results'; runs: RunRecord[] }
  | { kind: 'model'; model: ImportedModelSummary }
  | { kind: 'error'; message: string };

export type FileKind = 'model' | 'results' | 'unknown';

function sizeText(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}

/** Refuses by size alone; null when the size is acceptable. */
export function checkImportSize(bytes: number): string | null {
  if (bytes === 0) return 'The file is empty.';
  if (bytes > MAX_IMPORT_BYTES) {
    return `The file is ${sizeText(bytes)}; the playground imports results files and compressed models of at most ${sizeText(MAX_IMPORT_BYTES)}, so it was not read.`;
  }
  return null;
}

/** Decides from the first bytes (at most 64 are looked at). */
export function sniffKind(head: Uint8Array): FileKind {
  if (head.length >= 4 && MAGIC.every((b, i) => head[i] === b)) return 'model';
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3; // UTF-8 byte-order mark
  while (i < Math.min(head.length, 64) && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i] === 0x7b ? 'results' : 'unknown';
}

export function unknownKindMessage(head: Uint8Array): string {
  const shown = Array.from(head.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `This file is neither a results file (JSON) nor a compressed model (.cpgm, starting with "CPGM"); it starts with the bytes ${shown || '(none)'}.`;
}

export function inspectImport(bytes: Uint8Array, fileName: string): ImportResult {
  const tooBig = checkImportSize(bytes.length);
  if (tooBig) return { kind: 'error', message: tooBig };
  const kind = sniffKind(bytes.subarray(0, 64));
  if (kind === 'unknown') return { kind: 'error', message: unknownKindMessage(bytes.subarray(0, 4)) };
  if (kind === 'model') {
    try {
      return { kind: 'model', model: summarizeModel(decodeModel(bytes), bytes.length, fileName) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'it could not be decoded.';
      return { kind: 'error', message: `This compressed model cannot be read. ${reason}` };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { kind: 'error', message: 'This file starts like JSON but is not valid JSON (or not UTF-8 text), so no results were read from it.' };
  }
  const checked = validateResults(json);
  return 'error' in checked ? { kind: 'error', message: checked.error } : { kind: 'results', runs: checked.runs };
}
