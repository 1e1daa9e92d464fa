// Classroom mode: which controls the open link hides (`seed_hide=1`...). A hidden control keeps
// the value the link gave it; the address keeps the flags, so a reload hides them again.
import type { StateCreator } from 'zustand';
import type { HiddenControls } from '../../url/hideable';
import type { AppState } from '../../store/types';

export interface ClassroomSlice {
  hiddenControls: HiddenControls;
  setHiddenControls(hidden: HiddenControls): void;
}

export const createClassroomSlice: StateCreator<AppState, [], [], ClassroomSlice> = (set) => ({
  hiddenControls: {},
  setHiddenControls(hidden) {
    set({ hiddenControls: { ...hidden } });
  },
});
