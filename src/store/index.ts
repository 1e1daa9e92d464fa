// The app's one store, built from the features' slices. Components read it through selectors
// (./selectors, and each feature's shown.ts, which applies the rule that a figure shows only with
// the settings it was measured with) and call the actions; only slices talk to the engine bridge.
import { create } from 'zustand';
import { createBackendSlice } from '../features/train/backendSlice';
import { createCompressSlice } from '../features/compress/compressSlice';
import { createModelFilesSlice } from '../features/compress/modelFiles';
import { createSpeedSlice } from '../features/compress/speedSlice';
import { createDigitSlice } from '../features/compress/digitSlice';
import { createFineTuneSlice } from '../features/compress/fineTuneSlice';
import { createAutoCompressSlice } from '../features/compress/autoCompressSlice';
import { createLotterySlice } from '../features/lottery/lotterySlice';
import { createBoundarySlice } from '../features/boundary/boundarySlice';
import { createTransferSlice } from '../features/transfer/transferSlice';
import { createSpecSlice } from '../features/train/specSlice';
import { createTrainingSlice } from '../features/train/trainingSlice';
import type { AppState } from './types';
import { createViewSlice } from './viewSlice';
import { createLearnSlice } from '../features/learn/learnSlice';
import { createHistorySlice } from '../features/history/historySlice';
import { createClassroomSlice } from '../features/history/classroomSlice';
import { isNavigationHash, isOwnHash, scheduleLinkWrite, stateFromHash } from './link';
import { keptRunState, lotteryRunRecord, transferRunRecord } from './keptRuns';
import { linkStateChanged } from '../url/linkState';
import { followRunForReload, restoreInterruptedRun } from '../features/train/interruptedRun';

export const useAppStore = create<AppState>()((...a) => ({
  ...createSpecSlice(...a),
  ...createTrainingSlice(...a),
  ...createBackendSlice(...a),
  ...createViewSlice(...a),
  ...createCompressSlice(...a),
  ...createFineTuneSlice(...a),
  ...createAutoCompressSlice(...a),
  ...createModelFilesSlice(...a),
  ...createSpeedSlice(...a),
  ...createDigitSlice(...a),
  ...createLotterySlice(...a),
  ...createLearnSlice(...a),
  ...createBoundarySlice(...a),
  ...createTransferSlice(...a),
  ...createHistorySlice(...a),
  ...createClassroomSlice(...a),
  linkNotes: [],
  linkApplied: 0,
  linkSuperseded: 0,
  dismissLinkNotes: () => a[0]({ linkNotes: [] }),
  applyLink(hash, from) {
    const next = stateFromHash(hash);
    if (!next) return;
    const s = a[1]();
    // A link from History or a lesson replaces the shared one on screen: its rerun bar goes; so
    // does a bare view link, which shares no experiment.
    const shared = from === 'address' && !isNavigationHash(hash);
    const counts = shared ? { linkApplied: s.linkApplied + 1 } : { linkSuperseded: s.linkApplied };
    a[0]({ ...next, formVersion: s.formVersion + 1, fieldErrors: {}, ...counts });
    if (next.view === 'compress') void a[1]().syncBaseline();
  },
  showKeptRun(run) {
    const next = keptRunState(a[1](), run);
    if (next) a[0](next);
    return next !== null;
  },
}));

// A shared link fills every control before the first paint.
// A reload of the tab's own address restores it quietly; anything else was opened as a link.
if (typeof window !== 'undefined') useAppStore.getState().applyLink(window.location.hash, isOwnHash(window.location.hash) ? undefined : 'address');

// The compression lab follows the training run: a new run or a reset drops the old model's
// points, and a finished run is opened as soon as the Compress view is on screen.
useAppStore.subscribe((s, prev) => {
  // The address follows every setting the link holds (the store keys of src/url/fields' rows).
  if (linkStateChanged(s, prev)) scheduleLinkWrite(useAppStore.getState);
  if (s.runId !== prev.runId) s.dropCompression();
  // Transfer results belong to one task and one pretraining (set by their controls or by a link).
  if (s.transferTask !== prev.transferTask || s.transferPretraining !== prev.transferPretraining) s.clearTransferResults();
  // A run's History record follows the points measured on its model.
  if (s.points !== prev.points || s.baseline !== prev.baseline) s.syncRunCompression();
  // Lottery and transfer runs that end are kept in the History too (./keptRuns).
  const lottery = s.lotteryOutcome !== prev.lotteryOutcome ? lotteryRunRecord(s) : null;
  if (lottery) void s.keepRun(lottery);
  const transfer = s.transferOutcome !== prev.transferOutcome ? transferRunRecord(s) : null;
  if (transfer) void s.keepRun(transfer);
  if (s.runState !== prev.runState || s.runId !== prev.runId) void useAppStore.getState().syncBaseline();
});

// A reload mid-run: the next load says the run was interrupted and restores its settings.
useAppStore.subscribe(followRunForReload);
if (typeof window !== 'undefined') restoreInterruptedRun(useAppStore.getState, useAppStore.setState);

export type { AppState, SpecField, MetricHistory, ViewId } from './types';
export * from './selectors';
