import type { StateCreator } from 'zustand';
import type { AppState, ViewSlice } from './types';

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  view: 'train',

  setView(view) {
    if (get().view === view) return;
    set({ view });
    if (view === 'compress') void get().syncBaseline();
  },
});
