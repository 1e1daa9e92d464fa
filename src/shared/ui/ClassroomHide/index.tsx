// Classroom mode: renders its control unless the link hides it (`seed_hide=1`). The setting
// keeps the link's value either way; only the input is left out.
import type { ReactNode } from 'react';
import { useAppStore } from '../../../store';
import type { HideableControl } from '../../../url/hideable';

export function ClassroomHide({ control, children }: { control: HideableControl; children: ReactNode }) {
  const hidden = useAppStore((s) => s.hiddenControls[control] === true);
  return hidden ? null : children;
}
