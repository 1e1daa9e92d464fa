// The decision boundary of the 2-D sets: the live model's while it trains, the compressed
// model's as the sliders move. One request per picture is in flight at a time; a change while
// it runs asks for exactly one more when it lands, so a dragged slider never queues up work.
import type { StateCreator } from 'zustand';
import type { CompressionSettings } from '../../worker/compression-protocol';
import type { DecisionGrid } from '../../worker/decision-grid';
import { bridge } from '../../store/bridge';
import { settingsKey, toCompressionSettings } from '../../url/compressControls';
import { toUserMessage } from '../../shared/errors';
import type { AppState } from '../../store/types';
import { coalesced } from '../../shared/coalesced';

/** Cells per side: 4,096 predictions of a tiny MLP, well under a millisecond in the worker. */
export const BOUNDARY_GRID_SIZE = 64;

export interface BoundarySnapshot {
  grid: DecisionGrid;
  /** The training run the grid belongs to; a newer run makes it stale. */
  runId: number;
  /** Compressed grids: the lab model they were drawn from (labModelId), the settings they show,
   * and their key (settingsKey). The panel shows one only while the controls ask for it. */
  modelId?: number;
  settings?: CompressionSettings;
  settingsKey?: string;
}

export interface BoundarySlice {
  trainBoundary: BoundarySnapshot | null;
  compressBoundary: BoundarySnapshot | null;
  boundaryError: string | null;
  /** Fetches the live model's grid (while or after training on a 2-D set). */
  refreshTrainBoundary(): void;
  /** Fetches the grid of the trained model compressed with the controls as set. */
  refreshCompressBoundary(): void;
}

export const createBoundarySlice: StateCreator<AppState, [], [], BoundarySlice> = (set, get) => ({
  trainBoundary: null,
  compressBoundary: null,
  boundaryError: null,

  refreshTrainBoundary: coalesced(async () => {
    const runId = get().runId;
    try {
      const grid = await bridge().liveDecisionGrid(BOUNDARY_GRID_SIZE);
      if (grid && get().runId === runId) set({ trainBoundary: { grid, runId }, boundaryError: null });
    } catch (error) {
      set({ boundaryError: toUserMessage(error, 'Could not draw the decision boundary') });
    }
  }),

  refreshCompressBoundary: coalesced(async () => {
    const s = get();
    if (s.baselineStatus !== 'ready' || s.baselineRunId === null) return;
    const runId = s.baselineRunId;
    const modelId = s.labModelId;
    const settings = toCompressionSettings(s.compressUi, s.runSpec?.seed ?? 0);
    try {
      const grid = await bridge().decisionGrid(settings, BOUNDARY_GRID_SIZE);
      if (get().labModelId === modelId) {
        set({ compressBoundary: { grid, runId, modelId, settings, settingsKey: settingsKey(settings) }, boundaryError: null });
      }
    } catch (error) {
      if (get().labModelId === modelId) set({ boundaryError: toUserMessage(error, 'Could not draw the decision boundary') });
    }
  }),
});
