// What a share link carries: the view and every setting of the experiment. The codec fills what
// a link leaves out from the defaults, so old links keep working as settings are added.
import type { TrainSpec } from '../engine/spec/types';
import type { TransferTaskId } from '../engine/transfer/tasks';
import type { PretrainingId } from '../engine/transfer/pretraining';
import type { LotteryControls } from './lotteryFields';
import type { HiddenControls } from './hideable';

export const LINK_VIEWS = ['train', 'compress', 'lottery', 'transfer', 'learn'] as const;
export type LinkView = (typeof LINK_VIEWS)[number];

export interface CompressionControls {
  method: 'global_magnitude' | 'layerwise_magnitude' | 'random' | 'structured';
  /** Fraction pruned, 0..0.999. */
  sparsity: number;
  /** 1-8, 16 (float16) or 32 (off). */
  bits: number;
  integerScheme: 'symmetric' | 'affine' | 'kmeans';
  granularity: 'tensor' | 'channel';
  includeFirstLayer: boolean;
  includeOutputLayer: boolean;
  entropyCoding: boolean;
  /** Epochs the shown model was fine-tuned for at these settings (mask held); 0: not retrained. */
  fineTuned: number;
}

export interface Experiment {
  view: LinkView;
  spec: TrainSpec;
  compress: CompressionControls;
  /** Classroom mode: controls the link hides (`seed_hide=1`); absent or empty: none. */
  hide?: HiddenControls;
  /** The lottery lab's settings; absent: its defaults (src/url/lotteryFields). */
  lottery?: LotteryControls;
  /** The Transfer view's task; absent: 'digits' (MNIST digits 0-4 -> 5-9). */
  transferTask?: TransferTaskId;
  /** Fraction of the Transfer view's pretrained extractor pruned; absent: 0 (dense). */
  transferSparsity?: number;
  /** How much of the source the Transfer view pretrains on; absent: 'quick' (the first 6,000 images). */
  transferPretraining?: PretrainingId;
}

export interface DecodeResult {
  experiment: Experiment;
  /** One sentence per thing ignored or changed, e.g. "Ignored bits=99: must be 1-8, 16 or 32; using 32." */
  notes: string[];
}
