import type { StateCreator } from 'zustand';
import { defaultExperiment } from '../url/defaults';
import type { AppState, ViewSlice } from './types';

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  /** The view a link without `view` opens (src/url/fields). */
  view: defaultExperiment().view,

  setView(view) {
    if (get().view === view) return;
    set({ view });
    if (view === 'compress') void get().syncBaseline();
  },
});
