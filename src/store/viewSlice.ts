import type { StateCreator } from 'zustand';
import type { AppState, ViewSlice } from './types';
import { viewFromHash, writeViewToHash } from './viewHash';

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  view: viewFromHash(),

  setView(view) {
    writeViewToHash(view);
    if (get().view === view) return;
    set({ view });
    if (view === 'compress') void get().syncBaseline();
  },
});
