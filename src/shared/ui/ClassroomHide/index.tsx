// Classroom mode: renders its control unless the link hides it (`seed_hide=1`). The setting
// keeps the link's value either way; only the input is left out. The app provides the hidden
// set from the store, so this stays a plain component any feature can use.
import { createContext, useContext, type ReactNode } from 'react';
import type { HiddenControls, HideableControl } from '../../../url/hideable';

export const HiddenControlsContext = createContext<HiddenControls>({});

export function ClassroomHide({ control, children }: { control: HideableControl; children: ReactNode }) {
  const hidden = useContext(HiddenControlsContext)[control] === true;
  return hidden ? null : children;
}
