// Lottery and transfer runs that end go into the History like training runs. The store builds
// their records, since it sees both the feature that ran them and the History: each with its
// share link (the whole experiment, view included, with the settings the run was asked for, not
// what the controls say now), what it reached, and how it ended. Opening one puts its figures
// back in its view, carrying the settings they were measured with (the store rule: shown.ts).
import { seriesName } from '../engine/lottery/results';
import type { VariantId } from '../engine/lottery/variants';
import type { PretrainingId } from '../engine/transfer/pretraining';
import type { TransferTaskId } from '../engine/transfer/tasks';
import { buildLotteryRecord, buildTransferRecord } from '../history/kindRecords';
import { newRunId } from '../history/record';
import type { LotteryRunRecord, RunRecord, TransferRunRecord } from '../history/types';
import type { LotteryRoundMessage } from '../worker/lottery-protocol';
import { encodeExperiment } from '../url/codec';
import { isLotteryBusy } from '../features/lottery/lotterySlice';
import { controlsOf, lotteryRequest } from '../features/lottery/lotteryRequest';
import { experimentOf, stateFromHash } from './link';
import type { AppState } from './types';

let counter = 0;

/** The lottery run that just ended, or null when it trained nothing. Its id follows the run's
 * own (saved for resuming), so a resumed run replaces its record instead of adding another. */
export function lotteryRunRecord(s: AppState, now = Date.now()): LotteryRunRecord | null {
  const request = s.lotteryRunRequest;
  const outcome = s.lotteryOutcome;
  if (!request || !outcome || s.lotteryRounds.length === 0) return null;
  const link = encodeExperiment({ ...experimentOf(s), view: 'lottery', lotteryUi: controlsOf(request), spec: { ...s.spec, seed: request.seed }, hiddenControls: {} });
  return buildLotteryRecord({
    id: s.lotteryOwnRunId ? `lottery-${s.lotteryOwnRunId}` : newRunId(now, ++counter),
    createdAt: now,
    link,
    backend: s.backend?.name ?? null,
    status: outcome.status,
    seconds: outcome.seconds,
    request,
    rounds: s.lotteryRounds,
  });
}

/** The transfer run that just ended (it measured at least one result). */
export function transferRunRecord(s: AppState, now = Date.now()): TransferRunRecord | null {
  const outcome = s.transferOutcome;
  if (!outcome) return null;
  const link = encodeExperiment({
    ...experimentOf(s),
    view: 'transfer',
    transferTask: outcome.task,
    transferPretraining: outcome.pretraining,
    transferSparsity: outcome.extractorSparsity,
    spec: { ...s.spec, seed: outcome.seed },
    hiddenControls: {},
  });
  return buildTransferRecord({
    id: newRunId(now, ++counter),
    createdAt: now,
    link,
    backend: s.backend?.name ?? null,
    status: outcome.status,
    seconds: outcome.seconds,
    task: outcome.task,
    pretraining: outcome.pretraining,
    seed: outcome.seed,
    extractorSparsity: outcome.extractorSparsity,
    labels: outcome.labels,
    results: outcome.results,
  });
}

/** The rounds as the Lottery view draws them. The History keeps each round's figures, curve,
 * layer densities and mask overlaps; the first-layer map (784 numbers a round) and the ticket's
 * weights stay with the run that measured them (a reopened run has no ticket to compress). */
function lotteryRounds(run: LotteryRunRecord): LotteryRoundMessage[] {
  return run.rounds.map((r) => ({
    result: {
      variant: r.variant as VariantId | 'dense',
      name: seriesName(r.variant as VariantId | 'dense'),
      round: r.round,
      percentRemaining: r.percentRemaining,
      testAccuracy: r.accuracy * 100,
      earlyStopStep: r.earlyStopStep,
      earlyStopTestAccuracy: r.earlyStopAccuracy * 100,
      steps: r.steps,
      startStep: r.startStep,
      curve: r.curve.map((p) => ({ ...p })),
      layers: r.layers.map((l) => ({ ...l })),
    },
    overlap: r.overlap ? { ...r.overlap } : null,
    firstLayerSurvivors: null,
    ticketKept: false,
  }));
}

/** What a kept lottery or transfer run puts back in the store: its figures with the request or
 * experiment read from its own link, so they show exactly while the controls say the same. Null
 * when there is nothing to show, or that view is measuring a run of its own (left alone). */
export function keptRunState(s: AppState, run: RunRecord): Partial<AppState> | null {
  if (run.kind === 'lottery') {
    const linked = stateFromHash(`#${run.link}`);
    if (isLotteryBusy(s) || !linked?.lotteryUi || !linked.spec) return null;
    return {
      lotteryRunRequest: lotteryRequest(linked.lotteryUi, linked.spec.seed),
      lotteryRounds: lotteryRounds(run),
      lotteryStatus: 'idle',
      lotteryProgress: null,
      lotteryPlan: null,
      lotteryError: null,
      lotteryTicket: null,
    };
  }
  if (run.kind === 'transfer') {
    if (s.transferRunning) return null;
    return {
      transferResults: run.results.map((r) => ({ ...r })),
      transferResultsFor: { task: run.task as TransferTaskId, pretraining: run.pretraining as PretrainingId, seed: run.seed },
      transferPretrained: null,
      transferPruned: null,
      transferStage: null,
      transferError: null,
    };
  }
  return null;
}
