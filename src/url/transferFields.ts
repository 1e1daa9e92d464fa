// The Transfer view's settings in the share link, each a store key of its own: the task
// (`transfer_task=fashion`), the extractor sparsity as a whole percent (`transfer_prune=90`, only
// the slider's stops, so a link never asks for a setting the page cannot show) and the
// pretraining (`transfer_pretrain=full`). Defaults are left out, so links made before a setting
// existed open as they did.
import * as v from 'valibot';
import { EXTRACTOR_SPARSITY_STOPS } from '../engine/transfer/extractorSparsity';
import { DEFAULT_PRETRAINING, PRETRAINING_IDS } from '../engine/transfer/pretraining';
import { DEFAULT_TRANSFER_TASK, TRANSFER_TASK_IDS } from '../engine/transfer/tasks';
import { choice, defaultsOf, orList, row, type ValuesOf } from './field';

const percentOf = (fraction: number) => String(Math.round(fraction * 100));
const PERCENTS = EXTRACTOR_SPARSITY_STOPS.map(percentOf);

export const TRANSFER_ROWS = {
  transferTask: choice('transfer_task', TRANSFER_TASK_IDS, DEFAULT_TRANSFER_TASK),
  /** Fraction of the pretrained extractor pruned before transfer (EXTRACTOR_SPARSITY_STOPS). */
  transferSparsity: row<number>({
    key: 'transfer_prune',
    values: EXTRACTOR_SPARSITY_STOPS,
    default: 0,
    rule: `${orList(PERCENTS)} (percent of the extractor pruned)`,
    schema: v.pipe(v.picklist(PERCENTS as [string, ...string[]]), v.transform((s) => EXTRACTOR_SPARSITY_STOPS[PERCENTS.indexOf(s)])),
    show: percentOf,
  }),
  transferPretraining: choice('transfer_pretrain', PRETRAINING_IDS, DEFAULT_PRETRAINING),
};

export type TransferLinkState = ValuesOf<typeof TRANSFER_ROWS>;

export const TRANSFER_LINK_DEFAULTS: TransferLinkState = defaultsOf(TRANSFER_ROWS);
