import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import { toUserMessage } from '../../shared/errors';
import type { AppState, BackendSlice } from '../../store/types';

/** Counts init requests so that only the answer to the latest choice is shown. */
let request = 0;

export const createBackendSlice: StateCreator<AppState, [], [], BackendSlice> = (set) => ({
  backend: null,
  backendChoice: 'auto',
  backendStatus: 'idle',
  backendError: null,

  async setBackendChoice(choice) {
    const mine = ++request;
    set({ backendChoice: choice, backendStatus: 'initialising', backendError: null });
    try {
      const info = await bridge().init(choice);
      if (mine !== request) return;
      set({ backend: info, backendStatus: 'ready' });
    } catch (error) {
      if (mine !== request) return;
      set({
        backendStatus: 'error',
        backendError: toUserMessage(error, 'Could not start the compute backend'),
      });
    }
  },
});
