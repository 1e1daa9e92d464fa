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

export const useAppStore = create<AppState>()((...a) => ({
  ...createSpecSlice(...a),
  ...createTrainingSlice(...a),
  ...createBackendSlice(...a),
  ...createViewSlice(...a),
  ...createCompressSlice(...a),
  ...createFineTuneSlice(...a),
}));

// The compression lab follows the training run: a new run or a reset drops the old model's
// points, and a finished run is opened as soon as the Compress view is on screen.
useAppStore.subscribe((s, prev) => {
  if (s.runId !== prev.runId) s.dropCompression();
  if (s.runState !== prev.runState || s.runId !== prev.runId) void useAppStore.getState().syncBaseline();
});

export type { AppState, SpecField, MetricHistory, ViewId } from './types';
export * from './selectors';
