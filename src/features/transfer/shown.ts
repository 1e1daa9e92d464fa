// The store rule for the Transfer view: results are drawn only while the controls (task,
// pretraining, seed) ask for the experiment they were measured with.
import type { TransferResult } from '../../worker/transfer-protocol';
import type { TransferHost } from './transferRun';

const NONE: TransferResult[] = [];

type Lab = Pick<TransferHost, 'transferResults' | 'transferResultsFor' | 'transferTask' | 'transferPretraining' | 'spec'>;

export function selectTransferFits(s: Lab): boolean {
  const f = s.transferResultsFor;
  return f === null || (f.task === s.transferTask && f.pretraining === s.transferPretraining && f.seed === s.spec.seed);
}

export function selectShownTransferResults(s: Lab): TransferResult[] {
  return selectTransferFits(s) ? s.transferResults : NONE;
}
