// "Rerun this experiment": train again with exactly the settings a share link carried. The link
// already filled every control, so a rerun is a fresh Train; when the link opened the Compress
// view, the lab opens the new model with the link's compression controls by itself
// (syncBaseline), so the compressed figure follows without another click.
import type { TrainSpec } from '../../engine/spec/types';
import type { CompressUi } from '../../url/compressControls';
import { useAppStore } from '../../store/index';
import { selectIsActive } from '../../store/selectors';
import type { AppState } from '../../store/types';

/** Where the reader's "Always rerun shared links" choice is kept (a device preference, not part
 * of any link: a link must never be able to start work on someone's machine by itself). */
export const AUTO_RERUN_KEY = 'compression-playground:always-rerun-links';

export function readAutoRerun(): boolean {
  try {
    return window.localStorage.getItem(AUTO_RERUN_KEY) === '1';
  } catch {
    return false; // storage blocked (some private modes): the offer stays a button
  }
}

/** Stores the choice; false when the browser would not keep it. */
export function writeAutoRerun(on: boolean): boolean {
  try {
    if (on) window.localStorage.setItem(AUTO_RERUN_KEY, '1');
    else window.localStorage.removeItem(AUTO_RERUN_KEY);
    return true;
  } catch {
    return false;
  }
}

/** What a link set, kept when it was opened: a rerun repeats this even if controls moved since. */
export interface LinkedExperiment {
  view: AppState['view'];
  spec: TrainSpec;
  compressUi: CompressUi;
}

export function linkedExperimentOf(s: AppState): LinkedExperiment {
  return { view: s.view, spec: structuredClone(s.spec), compressUi: { ...s.compressUi } };
}

/**
 * Stops any run in progress, puts the link's settings back on the controls and trains them from
 * scratch. Calls `onStarted` with the new run's id as soon as it exists (the banner follows that
 * run); resolves when the run has finished, stopped or failed (errors are already sentences in
 * the store).
 */
export async function rerunLinkedExperiment(linked: LinkedExperiment, onStarted: (runId: number) => void): Promise<void> {
  const store = useAppStore.getState;
  if (selectIsActive(store()) || store().pending) await store().reset();
  useAppStore.setState((s) => ({ spec: structuredClone(linked.spec), compressUi: { ...linked.compressUi }, fieldErrors: {}, formVersion: s.formVersion + 1 }));
  const before = store().runId;
  const run = store().startTraining();
  // startTraining sets the new run id before its first await.
  if (store().runId !== before) onStarted(store().runId);
  await run;
}
