// The History: every finished run is kept (IndexedDB through src/history, or this tab's memory
// when the browser refuses), and the compression points measured on its model follow it.
// Training runs are recorded here; lottery and transfer runs are built by the store, which sees
// those features (src/store/keptRuns.ts), and handed in through keepRun.
import type { StateCreator } from 'zustand';
import { exportResultsInWorker, type ExportedFile, type ExportFormat } from '../../history/exportInWorker';
import { openIdbAdapter } from '../../history/idbAdapter';
import { buildRunRecord, newRunId, toRunPoints } from '../../history/record';
import { HistoryRepository, type HistorySnapshot } from '../../history/repository';
import type { RunRecord, RunSummary } from '../../history/types';
import { encodeExperiment } from '../../url/codec';
import { experimentOf } from '../../store/link';
import type { AppState } from '../../store/types';
import { bridge } from '../../store/bridge';
import type { ImportedAccuracy } from '../../worker/evaluate-imported';

export interface HistorySlice {
  /** Newest first; summaries (no curves or points: see historyRecords). */
  historyRuns: RunSummary[];
  historyStorage: 'loading' | 'indexeddb' | 'memory';
  /** Runs kept in memory only because the browser would not store them. */
  historyUnsaved: string[];
  /** What is wrong with storage, as a sentence; null when runs are saved. */
  historyProblem: string | null;
  /** The latest thing the History did, for its polite live region. */
  historyNotice: string;
  /** Runs ticked for comparison, in the order they were ticked. */
  historySelection: string[];
  historyOpen: boolean;
  /** The last deleted run, so Undo can bring it back. */
  lastDeletedRun: RunRecord | null;
  loadHistory(): Promise<void>;
  /** Whole runs (curves and points) for these ids, in their order, read when needed. */
  historyRecords(ids: readonly string[]): Promise<RunRecord[]>;
  /** These runs (or every kept run, other tabs' too) as a results file, written by the export
   * worker (exportInWorker.ts). */
  exportHistoryResults(ids: readonly string[] | 'all', format: ExportFormat, onProgress: (done: number, total: number) => void): Promise<ExportedFile>;
  /** Called when a training run ends (done or stopped): keeps it in the History. */
  recordFinishedRun(): Promise<void>;
  /** Keeps a lottery or transfer run; one already kept under its id (a resumed lottery run) is
   * replaced, keeping the name it was given. */
  keepRun(record: RunRecord): Promise<void>;
  /** The lab measured a point for the run's model: the run's record follows (debounced). */
  syncRunCompression(): void;
  renameRun(id: string, name: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
  undoDelete(): Promise<void>;
  toggleRunSelected(id: string): void;
  setHistoryOpen(open: boolean): void;
  /** Restores the run's settings through the share-link codec (hidden controls stay as they are). */
  openRun(id: string): void;
  /** Adds runs from a results file, each under a new id; returns how many. */
  importRuns(runs: RunRecord[]): Promise<number>;
  /** Test accuracy of an imported model file, measured in the engine worker. */
  measureImportedModel(bytes: Uint8Array): Promise<ImportedAccuracy>;
  /** Stops that measurement (History closed, another file chosen). */
  stopImportedModel(): Promise<void>;
}

let repository: Promise<HistoryRepository> | null = null;
/** What the store does with a snapshot that changed without this tab asking (another tab wrote). */
let onStoreChange: (snap: HistorySnapshot) => void = () => undefined;
const repo = () =>
  (repository ??= HistoryRepository.open(openIdbAdapter).then((r) => {
    r.onChange((snap) => onStoreChange(snap));
    return r;
  }));
let idCounter = 0;
let compressionTimer: ReturnType<typeof setTimeout> | null = null;
/** Which History record belongs to which training run id. */
let recordOfRun: { runId: number; recordId: string } | null = null;

const COMPRESSION_SAVE_DELAY_MS = 600;

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  const apply = (snap: HistorySnapshot, notice?: string) => {
    const ids = new Set(snap.runs.map((r) => r.id));
    set((s) => ({
      historyRuns: snap.runs,
      historyStorage: snap.storage,
      historyUnsaved: snap.unsaved,
      historyProblem: snap.problem,
      historySelection: s.historySelection.filter((id) => ids.has(id)),
      ...(notice !== undefined ? { historyNotice: notice } : {}),
    }));
  };

  // Other tabs' runs join the list as they are written; their deletes leave it.
  onStoreChange = (snap) => apply(snap);

  return {
    historyRuns: [],
    historyStorage: 'loading',
    historyUnsaved: [],
    historyProblem: null,
    historyNotice: '',
    historySelection: [],
    historyOpen: false,
    lastDeletedRun: null,

    async loadHistory() {
      apply((await repo()).snapshot());
    },

    async historyRecords(ids) {
      return (await repo()).getMany(ids);
    },

    async exportHistoryResults(wanted, format, onProgress) {
      const { historyStorage, historyUnsaved, historyRuns } = get();
      const stored = historyStorage === 'indexeddb';
      // "All" in the store: the worker lists it there, so runs other tabs saved are in (this tab's
      // list may lag). Without the store, all is this tab's list.
      const ids = wanted === 'all' && stored ? 'all' : [...(wanted === 'all' ? historyRuns.map((r) => r.id) : wanted)];
      // What IndexedDB does not hold, the worker cannot read: those runs go with the request.
      const asked = ids === 'all' ? null : new Set(ids);
      const inMemory = await (await repo()).getMany(stored ? historyUnsaved.filter((id) => !asked || asked.has(id)) : (ids as string[]));
      return exportResultsInWorker({ ids, format, exportedAt: Date.now(), inMemory }, onProgress);
    },

    async recordFinishedRun() {
      const s = get();
      if (!s.outcome || !s.runSpec || s.outcome.steps === 0) return;
      const now = Date.now();
      const link = encodeExperiment({ ...experimentOf(s), view: 'train', spec: s.runSpec, hiddenControls: {} });
      const record = buildRunRecord({
        id: newRunId(now, ++idCounter),
        createdAt: now,
        link,
        spec: s.runSpec,
        backend: s.backend?.name ?? null,
        outcome: s.outcome,
        latestEval: s.latestEval,
        history: s.history,
      });
      recordOfRun = { runId: s.runId, recordId: record.id };
      const snap = await (await repo()).save(record);
      apply(snap, `Kept in History as "${record.name}".`);
    },

    async keepRun(record) {
      const r = await repo();
      const name = r.summary(record.id)?.name ?? record.name;
      const snap = await r.save({ ...record, name });
      apply(snap, `Kept in History as "${name}".`);
    },

    syncRunCompression() {
      if (compressionTimer !== null) return;
      compressionTimer = setTimeout(async () => {
        compressionTimer = null;
        const s = get();
        const link = recordOfRun;
        if (!link || s.baselineRunId !== link.runId || !s.baseline) return;
        const r = await repo();
        const run = await r.get(link.recordId);
        if (run?.kind !== 'training') return;
        apply(await r.save({ ...run, denseBytes: s.baseline.denseBytes, points: toRunPoints(s.points) }));
      }, COMPRESSION_SAVE_DELAY_MS);
    },

    async renameRun(id, name) {
      apply(await (await repo()).rename(id, name), `Renamed to "${name.trim().slice(0, 120)}".`);
    },

    async deleteRun(id) {
      const r = await repo();
      const run = await r.get(id);
      if (!run) return;
      set({ lastDeletedRun: run });
      apply(await r.remove(id), `Deleted "${run.name}".`);
    },

    async undoDelete() {
      const run = get().lastDeletedRun;
      if (!run) return;
      set({ lastDeletedRun: null });
      apply(await (await repo()).save(run), `Restored "${run.name}".`);
    },

    toggleRunSelected(id) {
      set((s) => ({
        historySelection: s.historySelection.includes(id) ? s.historySelection.filter((x) => x !== id) : [...s.historySelection, id],
      }));
    },

    setHistoryOpen(open) {
      set({ historyOpen: open });
      if (open) void get().loadHistory();
    },

    openRun(id) {
      const run = get().historyRuns.find((r) => r.id === id);
      if (!run) return;
      const hidden = get().hiddenControls;
      get().applyLink(`#${run.link}`);
      // The labels slider is not in the link (it is the transfer view's own); the run says it.
      const labels = run.kind === 'transfer' ? { transferLabels: run.labels } : {};
      const again = run.kind === 'lottery' ? 'Find lottery ticket' : run.kind === 'transfer' ? 'Run the three methods' : 'Train';
      set({ ...labels, hiddenControls: hidden, historyOpen: false, historyNotice: `Opened "${run.name}": its settings are in the controls. Press ${again} to run it again.` });
      // A lottery or transfer run's figures come back too, once its whole record is read (not
      // over a run of that view still measuring).
      if (run.kind !== 'training') {
        void repo()
          .then((r) => r.get(id))
          .then((record) => {
            const shown = record !== undefined && get().showKeptRun(record);
            const what = shown ? 'its settings and results are back' : 'its settings are in the controls; its results stay in the History while this run goes on';
            set({ historyNotice: `Opened "${run.name}": ${what}. Press ${again} to run it again.` });
          });
      }
    },

    measureImportedModel: (bytes) => bridge().evaluateImportedModel(bytes),
    stopImportedModel: () => bridge().cancelImportedModel(),

    async importRuns(runs) {
      const r = await repo();
      let snap = r.snapshot();
      const now = Date.now();
      for (const run of runs) snap = await r.save({ ...run, id: newRunId(now, ++idCounter), imported: true });
      apply(snap, `Imported ${runs.length} ${runs.length === 1 ? 'run' : 'runs'} into History.`);
      return runs.length;
    },
  };
};
