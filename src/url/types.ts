// What a share link carries: the view and every setting of the experiment, shaped as the app
// store holds them (store key -> value), so the store reads and writes it without a mapping. The
// shape comes from the table's rows (./fields): a row added to a group is in this type at once.
// The codec fills what a link leaves out from the defaults, so old links keep working.
import type { TrainSpec } from '../engine/spec/types';
import type { ValuesOf } from './field';
import type { CompressionControls } from './compressFields';
import type { LotteryControls } from './lotteryFields';
import type { TransferLinkState } from './transferFields';
import type { HiddenControls } from './hideable';
import type { VIEW_ROWS } from './fields';

export const LINK_VIEWS = ['train', 'compress', 'lottery', 'transfer', 'learn'] as const;
export type LinkView = (typeof LINK_VIEWS)[number];

export type { CompressionControls } from './compressFields';

export type Experiment = ValuesOf<typeof VIEW_ROWS> &
  TransferLinkState & {
    spec: TrainSpec;
    compressUi: CompressionControls;
    lotteryUi: LotteryControls;
    /** Classroom mode: the controls the link hides (`seed_hide=1`); empty: none. */
    hiddenControls: HiddenControls;
  };

/** The store keys a link holds. */
export type LinkStoreKey = keyof Experiment;

export interface DecodeResult {
  experiment: Experiment;
  /** One sentence per thing ignored or changed, e.g. "Ignored bits=99: must be 1-8, 16 or 32; using 32." */
  notes: string[];
}
