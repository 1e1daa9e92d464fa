// One finished training run as the History keeps it: the settings as a share-link hash (so
// opening it goes through the same codec as any link, old versions migrated), what it reached,
// its curves, and the compression points measured on its model.

export interface CurvePoint {
  epoch: number;
  value: number;
}

/** Accuracies in percent (0-100), losses as they are. */
export interface RunCurves {
  loss: CurvePoint[];
  trainAccuracy: CurvePoint[];
  validationAccuracy: CurvePoint[];
  testAccuracy: CurvePoint[];
}

/** One full-test-set compression measurement of the run's model. */
export interface RunCompressionPoint {
  method: string;
  /** Fraction of kernel weights pruned, 0..1. */
  sparsity: number;
  /** 1-8, 16 (float16) or 32 (float32). */
  bits: number;
  encodedBytes: number;
  /** Test accuracy, fraction 0..1. */
  accuracy: number;
  fineTunedEpochs?: number;
}

export interface RunRecord {
  id: string;
  name: string;
  /** Milliseconds since 1970, when the run finished. */
  createdAt: number;
  /** The experiment as a share-link hash without the leading '#', e.g. "v=1&seed=7". */
  link: string;
  dataset: string;
  model: string;
  /** webgl, wasm or cpu; null when unknown (an imported run may not say). */
  backend: string | null;
  /** done, or cancelled (stopped early; its weights were kept). */
  status: 'done' | 'cancelled';
  epochs: number;
  steps: number;
  seconds: number;
  /** Fractions 0..1 at the end of the run; null when no evaluation ran. */
  testAccuracy: number | null;
  validationAccuracy: number | null;
  curves: RunCurves;
  /** Dense float32 size of the trained model, bytes (null before the lab opened it). */
  denseBytes: number | null;
  points: RunCompressionPoint[];
  /** Came from an imported results file rather than this browser. */
  imported?: boolean;
}

/** What the run list needs of a run: all but its curves and points, which are read only when
 * the run is compared or exported. 1,000 summaries are read in one go; 1,000 whole runs took
 * seconds (measured: 4-5 s for IndexedDB's getAll of 1,000 realistic records). */
export interface RunSummary extends Omit<RunRecord, 'curves' | 'points'> {
  pointCount: number;
  /** The smallest compressed point within `bestPointTolerance` of the run's accuracy (the
   * smallest of all when none is that close); null when no point was measured. */
  bestPoint: RunCompressionPoint | null;
  /** The tolerance bestPoint was picked with (accuracy fraction). Summaries written before it
   * was stored used 0.01. */
  bestPointTolerance?: number;
  /** False when no point was within the tolerance, so bestPoint is just the smallest. */
  bestPointWithin?: boolean;
}

/** Where runs are kept: IndexedDB in the page, a Map in tests and as the fallback. */
export interface HistoryAdapter {
  /** 'indexeddb' survives reloads; 'memory' lasts as long as the tab. */
  readonly kind: 'indexeddb' | 'memory';
  list(): Promise<RunSummary[]>;
  /** The whole run, curves and points included; undefined when it is not kept. */
  get(id: string): Promise<RunRecord | undefined>;
  /** Writes the run and its summary together. */
  put(record: RunRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** Hears what other tabs change in the store, and that it opened again after a wait; returns
   * the call that stops listening. Absent where the store is this tab's alone (memory). */
  watch?(listener: (change: StoreChange) => void): () => void;
}

/** A change to a store that several tabs share. */
export type StoreChange =
  /** Another tab wrote this run (new, renamed, or with new compression points). */
  | { kind: 'put'; summary: RunSummary }
  /** Another tab deleted this run. */
  | { kind: 'removed'; id: string }
  /** The store opened again after a write gave up waiting for it: unsaved runs can go in now. */
  | { kind: 'reopened' };
