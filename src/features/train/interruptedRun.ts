// A reload in the middle of a training run ends it: the model lived in this tab's worker. The
// page notes in sessionStorage that a run is going, with its settings and how far it got, so the
// next load of the tab can say the run was interrupted and put its settings back. (The weights
// are not saved: resuming would need them every few seconds, several hundred kB each.)
// The note is written when a run starts and again as the page goes away (pagehide), not on a
// timer: a storage write is a synchronous call to the browser process, and under load one took
// 30-100 ms of the main thread while the charts were drawing.
import type { TrainSpec } from '../../engine/spec/types';
import type { AppState } from '../../store/types';
import { isRunActive } from '../../store/selectors';

const KEY = 'compression-playground:run-in-progress';

interface RunNote {
  spec: TrainSpec;
  step: number;
  totalSteps: number | null;
}

/** The run the page is following, written to the note when the page goes away. */
let current: RunNote | null = null;
let listening = false;

const active = (s: AppState) => isRunActive(s.runState);

/** The part of sessionStorage used here (typed locally: the store also compiles for Node tests). */
interface NoteStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function storage(): NoteStorage | null {
  try {
    return (globalThis as { sessionStorage?: NoteStorage }).sessionStorage ?? null;
  } catch {
    return null; // storage blocked: the page works, it just cannot tell after a reload
  }
}

/** Store subscriber: keeps the note while a run is active, drops it when the run ends. */
export function followRunForReload(s: AppState, prev: AppState): void {
  const store = storage();
  if (!store) return;
  if (active(s) && s.runSpec) {
    const fresh = !active(prev) || s.runId !== prev.runId;
    current = { spec: s.runSpec, step: s.progress?.step ?? 0, totalSteps: s.progress?.totalSteps ?? null };
    if (fresh) store.setItem(KEY, JSON.stringify(current));
    listenForPageHide(store);
  } else if (active(prev) || s.runId !== prev.runId) {
    current = null;
    store.removeItem(KEY);
  }
}

function listenForPageHide(store: NoteStorage): void {
  const target = globalThis as { addEventListener?: (type: string, listener: () => void) => void };
  if (listening || !target.addEventListener) return;
  listening = true;
  target.addEventListener('pagehide', () => {
    if (current) store.setItem(KEY, JSON.stringify(current));
  });
}

function readNote(): RunNote | null {
  const store = storage();
  const text = store?.getItem(KEY);
  store?.removeItem(KEY);
  if (!text) return null;
  try {
    const note = JSON.parse(text) as RunNote;
    return note && typeof note === 'object' && note.spec && typeof note.step === 'number' ? note : null;
  } catch {
    return null;
  }
}

export function interruptedMessage(note: Pick<RunNote, 'step' | 'totalSteps'>): string {
  const where = note.totalSteps ? `at step ${note.step.toLocaleString('en-US')} of ${note.totalSteps.toLocaleString('en-US')}` : 'before its first step';
  return `The training run was interrupted by a reload ${where}; its model was lost with the page. Its settings are restored: press Train to run it again.`;
}

/** At load: a run the last page of this tab left unfinished gets its settings back and a sentence. */
export function restoreInterruptedRun(get: () => AppState, set: (partial: Partial<AppState>) => void): void {
  const note = readNote();
  if (!note) return;
  set({ spec: note.spec, formVersion: get().formVersion + 1, fieldErrors: {}, errorMessage: interruptedMessage(note) });
}
