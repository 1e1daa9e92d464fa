// The app's one store, built from slices. Components read it through the plain selectors in
// ./selectors and call the actions; only the store talks to the engine bridge.
import { create } from 'zustand';
import { createBackendSlice } from './backendSlice';
import { createCompressSlice } from './compressSlice';
import { createFineTuneSlice } from './fineTuneSlice';
import { createSpecSlice } from './specSlice';
import { createTrainingSlice } from './trainingSlice';
import type { AppState } from './types';
import { createViewSlice } from './viewSlice';
import { scheduleLinkWrite, stateFromHash } from './shareLink';

export const useAppStore = create<AppState>()((...a) => ({
  ...createSpecSlice(...a),
  ...createTrainingSlice(...a),
  ...createBackendSlice(...a),
  ...createViewSlice(...a),
  ...createCompressSlice(...a),
  ...createFineTuneSlice(...a),
  linkNotes: [],
  dismissLinkNotes: () => a[0]({ linkNotes: [] }),
  applyLink(hash) {
    const next = stateFromHash(hash);
    if (!next) return;
    const s = a[1]();
    a[0]({ ...next, formVersion: s.formVersion + 1, fieldErrors: {} });
    if (next.view === 'compress') void a[1]().syncBaseline();
  },
}));

// A shared link fills every control before the first paint.
if (typeof window !== 'undefined') useAppStore.getState().applyLink(window.location.hash);

// The compression lab follows the training run: a new run or a reset drops the old model's
// points, and a finished run is opened as soon as the Compress view is on screen.
useAppStore.subscribe((s, prev) => {
  if (s.spec !== prev.spec || s.compressUi !== prev.compressUi || s.view !== prev.view) scheduleLinkWrite(useAppStore.getState);
  if (s.runId !== prev.runId) s.dropCompression();
  if (s.runState !== prev.runState || s.runId !== prev.runId) void useAppStore.getState().syncBaseline();
});

export type { AppState, SpecField, MetricHistory, ViewId } from './types';
export * from './selectors';
