// The Transfer view's "Extractor sparsity" in the share link, as a whole percent of the pretrained
// extractor pruned: `transfer_prune=90`. Only the slider's stops are accepted, so a link never asks
// for a setting the page cannot show; the default (0, dense) is left out.
import * as v from 'valibot';
import { EXTRACTOR_SPARSITY_STOPS } from '../engine/transfer/extractorSparsity';
import type { Field } from './fields';

const percentOf = (fraction: number) => String(Math.round(fraction * 100));
const ALLOWED = EXTRACTOR_SPARSITY_STOPS.map(percentOf);

export const TRANSFER_PRUNE_FIELD: Field = {
  key: 'transfer_prune',
  rule: `${ALLOWED.slice(0, -1).join(', ')} or ${ALLOWED[ALLOWED.length - 1]} (percent of the extractor pruned)`,
  schema: v.pipe(v.picklist(ALLOWED as [string, ...string[]]), v.transform((s) => EXTRACTOR_SPARSITY_STOPS[ALLOWED.indexOf(s)])),
  get: (e) => percentOf(e.transferSparsity ?? 0),
  set: (e, value) => void (e.transferSparsity = value as number),
};
