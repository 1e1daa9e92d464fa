// Fetches the look-inside data for the settings the headline shows, once the full-test-set
// figure for them is in: while a slider moves only estimates arrive (a newer move supersedes
// the full pass), so the pictures wait for the move to end instead of redrawing for every value
// passed, and the page's main thread stays free for the sliders. A setting must also hold for
// a moment, and answers for older settings are dropped. (No startTransition: on preact/compat it
// runs at once, so it promised a splitting that never happened.)
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../../store';
import { selectShownPoint } from '../shown';
import { toUserMessage } from '../../../shared/errors';
import type { Inspection } from '../../../worker/compression-protocol';

/** How long the headline's settings must stay put before the pictures follow them. */
export const INSPECT_SETTLE_MS = 120;

export interface InspectionState {
  inspection: Inspection | null;
  /** True while the shown data belongs to an older setting than the headline's. */
  updating: boolean;
  error: string | null;
}

export function useInspection(): InspectionState {
  const key = useAppStore((s) => {
    const shown = selectShownPoint(s);
    return shown && !shown.estimate ? `${shown.modelId}|${shown.key}` : null;
  });
  const [state, setState] = useState<{ key: string | null; inspection: Inspection | null; error: string | null }>({ key: null, inspection: null, error: null });
  const latest = useRef<string | null>(null);

  useEffect(() => {
    latest.current = key;
    if (!key) return;
    const timer = setTimeout(() => {
      const shown = selectShownPoint(useAppStore.getState());
      if (!shown || latest.current !== key) return;
      useAppStore
        .getState()
        .inspectModel(shown.settings, shown.fineTunedEpochs ?? 0)
        .then((inspection) => {
          if (latest.current === key) setState({ key, inspection, error: null });
        })
        .catch((error: unknown) => {
          if (latest.current === key) setState((s) => ({ ...s, key, error: toUserMessage(error, 'Could not look inside the model') }));
        });
    }, INSPECT_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return { inspection: state.inspection, updating: key !== state.key, error: key === state.key ? state.error : null };
}
