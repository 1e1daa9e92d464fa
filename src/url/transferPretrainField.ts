// The Transfer view's "Pretraining" choice in the share link: `transfer_pretrain=full`. The
// default (quick) is left out, so links made before the choice existed open as they did.
import * as v from 'valibot';
import { PRETRAINING_IDS, type PretrainingId } from '../engine/transfer/pretraining';
import type { Field } from './fields';

export const TRANSFER_PRETRAIN_FIELD: Field = {
  key: 'transfer_pretrain',
  rule: PRETRAINING_IDS.join(' or '),
  schema: v.picklist(PRETRAINING_IDS as unknown as [string, ...string[]]),
  get: (e) => e.transferPretraining ?? 'quick',
  set: (e, value) => void (e.transferPretraining = value as PretrainingId),
};
