// The app's one store, built from slices. Components read it through the plain selectors in
// ./selectors and call the actions; only the store talks to the engine bridge.
import { create } from 'zustand';
import { createBackendSlice } from './backendSlice';
import { createSpecSlice } from './specSlice';
import { createTrainingSlice } from './trainingSlice';
import type { AppState } from './types';

export const useAppStore = create<AppState>()((...a) => ({
  ...createSpecSlice(...a),
  ...createTrainingSlice(...a),
  ...createBackendSlice(...a),
}));

export type { AppState, SpecField, MetricHistory } from './types';
export * from './selectors';
