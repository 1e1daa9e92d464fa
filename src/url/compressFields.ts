// The Compress view's controls in the share link (`compressUi` in the store). Their type and
// defaults are these rows: a new control here is in the link, the store and its type at once.
import * as v from 'valibot';
import { choice, defaultsOf, flag, numberRow, row, type ValuesOf } from './field';
import { snapSparsity } from './sparsityScale';
import { PAGE_PRESET_IDS } from '../engine/autocompress/plans';

/** The bit widths the slider offers: 1-8 bit integers, float16, 32 (off: float32). */
export const BIT_WIDTHS = [1, 2, 3, 4, 5, 6, 7, 8, 16, 32] as const;

export const COMPRESS_ROWS = {
  method: choice('prune', ['global_magnitude', 'layerwise_magnitude', 'random', 'structured'], 'global_magnitude'),
  /** Fraction pruned; the store keeps the nearest value the slider shows. */
  sparsity: { ...numberRow('sparsity', { min: 0, max: 0.999, example: 0.9 }, 0), toState: snapSparsity },
  /** 1-8, 16 (float16) or 32 (off). */
  bits: row<number>({
    key: 'bits',
    values: BIT_WIDTHS,
    default: 32,
    rule: '1-8, 16 or 32',
    schema: v.pipe(v.picklist(BIT_WIDTHS.map(String) as [string, ...string[]]), v.transform(Number)),
  }),
  integerScheme: choice('scheme', ['symmetric', 'affine', 'kmeans'], 'symmetric'),
  granularity: choice('granularity', ['tensor', 'channel'], 'channel'),
  includeFirstLayer: flag('prune_first', true),
  includeOutputLayer: flag('prune_output', true),
  entropyCoding: flag('entropy', true),
  /** Epochs the shown model was fine-tuned for at these settings (mask held); 0: not retrained.
   * Fine-tune's own limit (1-10 epochs) is FINE_TUNE_EPOCHS. */
  fineTuned: numberRow('finetune', { min: 0, max: 10, integer: true, example: 2 }, 0),
  /** The shown model is the result of an auto-compress search (the other compress rows do not
   * apply to it): `auto_budget` points allowed below the reference, stopped after `auto_rounds`
   * rounds, so a rerun on the same trained model finds the same file. */
  auto: flag('auto', false),
  /** Also the Auto-compress "Accuracy budget" input. */
  autoBudget: numberRow('auto_budget', { min: 0, max: 5, example: 0.3 }, 0.3),
  autoRounds: numberRow('auto_rounds', { min: 0, max: 200, integer: true, example: 4 }, 0),
  /** The search's preset: absent in links made before the polish, which ran "quick". */
  autoPreset: choice('auto_preset', PAGE_PRESET_IDS, 'quick'),
  /** Masks the search polished (a time-limited one may have polished fewer than its preset's). */
  autoPolished: numberRow('auto_polished', { min: 0, max: 10, integer: true, example: 2 }, 0),
};

export type CompressionControls = ValuesOf<typeof COMPRESS_ROWS>;

export const DEFAULT_COMPRESSION: CompressionControls = defaultsOf(COMPRESS_ROWS);
