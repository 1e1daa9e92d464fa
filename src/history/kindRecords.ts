// History records of the lottery and transfer runs, built from what their views streamed: the
// figures, the settings they were measured with (the link, the seed) and how the run ended.
import { TRANSFER_TASK_INFO, type TransferTaskId } from '../engine/transfer/tasks';
import type { LotteryRequest, LotteryRoundMessage } from '../worker/lottery-protocol';
import type { TransferResult } from '../worker/transfer-protocol';
import type { LotteryRunRecord, LotteryRunRound, TransferRunRecord, TransferRunResult } from './types';

interface Common {
  id: string;
  createdAt: number;
  link: string;
  backend: string | null;
  status: 'done' | 'cancelled';
  seconds: number;
}

const finite = (v: number) => Number.isFinite(v);

/** "Lottery · 5 rounds of 50% · seed 0". */
export function lotteryRunName(request: LotteryRequest): string {
  const s = request.settings;
  const rounds = s.rounds ?? 1;
  return `Lottery · ${rounds} ${rounds === 1 ? 'round' : 'rounds'} of ${Math.round((s.perRoundRate?.hidden ?? 0) * 100)}% · seed ${request.seed}`;
}

export function buildLotteryRecord(run: Common & { request: LotteryRequest; rounds: readonly LotteryRoundMessage[] }): LotteryRunRecord {
  const rounds: LotteryRunRound[] = run.rounds
    .map(({ result: r, overlap }) => ({
      variant: r.variant,
      round: r.round,
      percentRemaining: r.percentRemaining,
      accuracy: r.testAccuracy / 100,
      earlyStopAccuracy: r.earlyStopTestAccuracy / 100,
      earlyStopStep: r.earlyStopStep,
      steps: r.steps,
      startStep: r.startStep,
      curve: r.curve
        .map((p) => ({ step: p.step, trainLoss: p.trainLoss, validationLoss: p.validationLoss, validationAccuracy: p.validationAccuracy }))
        .filter((p) => finite(p.trainLoss) && finite(p.validationLoss) && finite(p.validationAccuracy)),
      layers: r.layers.map((l) => ({ name: l.name, kept: l.kept, total: l.total, percentRemaining: l.percentRemaining })),
      overlap: overlap && finite(overlap.jaccard) && finite(overlap.chance) ? { against: overlap.against, jaccard: overlap.jaccard, chance: overlap.chance } : null,
    }))
    .filter((r) => finite(r.percentRemaining) && finite(r.accuracy) && finite(r.earlyStopAccuracy));
  return {
    kind: 'lottery',
    id: run.id,
    name: lotteryRunName(run.request),
    createdAt: run.createdAt,
    link: run.link,
    backend: run.backend,
    status: run.status,
    seconds: run.seconds,
    seed: run.request.seed,
    plannedRounds: run.request.settings.rounds ?? 1,
    rounds,
  };
}

/** "Transfer · MNIST digits 0-4 → digits 5-9 · seed 0". */
export function transferRunName(task: TransferTaskId, seed: number): string {
  return `Transfer · ${TRANSFER_TASK_INFO[task].label} · seed ${seed}`;
}

export function buildTransferRecord(
  run: Common & { task: TransferTaskId; pretraining: string; seed: number; extractorSparsity: number; labels: number; results: readonly TransferResult[] },
): TransferRunRecord {
  const results: TransferRunResult[] = run.results
    .map((r) => ({
      method: r.method,
      labeled: r.labeled,
      accuracy: r.accuracy,
      testCount: r.testCount,
      validationAccuracy: r.validationAccuracy,
      validationCount: r.validationCount,
      steps: r.steps,
      flops: r.flops,
      ms: r.ms,
      trainedParams: r.trainedParams,
      extractorSparsity: r.extractorSparsity,
    }))
    .filter((r) => finite(r.accuracy) && finite(r.validationAccuracy) && finite(r.flops) && finite(r.ms));
  return {
    kind: 'transfer',
    id: run.id,
    name: transferRunName(run.task, run.seed),
    createdAt: run.createdAt,
    link: run.link,
    backend: run.backend,
    status: run.status,
    seconds: run.seconds,
    task: run.task,
    pretraining: run.pretraining,
    seed: run.seed,
    extractorSparsity: run.extractorSparsity,
    labels: run.labels,
    results,
  };
}
