// A run's summary: what the History list shows, kept beside the whole record so the list opens
// without reading every run's curves, rounds or results.
import { ACCURACY_TOLERANCE } from '../engine/spec/defaults';
import type {
  LotteryRunRecord,
  LotteryRunSummary,
  RunRecord,
  RunSummary,
  TrainingRunRecord,
  TrainingRunSummary,
  TransferRunRecord,
  TransferRunSummary,
} from './types';

/** The record or summary with its kind: those kept before there were kinds are training runs.
 * Applied wherever runs come in from storage or another tab. */
export function withKind<T extends { kind?: unknown }>(run: T): T {
  return run.kind === undefined ? { ...run, kind: 'training' } : run;
}

export function summarize(run: RunRecord): RunSummary {
  const kept = withKind(run);
  if (kept.kind === 'lottery') return summarizeLottery(kept);
  if (kept.kind === 'transfer') return summarizeTransfer(kept);
  return summarizeTraining(kept);
}

function summarizeTraining(run: TrainingRunRecord): TrainingRunSummary {
  const { curves: _curves, points: maybePoints, ...rest } = run;
  // Records written by older versions may lack points; a summary never throws.
  const points = maybePoints ?? [];
  let bestPoint = null;
  let within = false;
  if (points.length > 0) {
    const floor = (run.testAccuracy ?? 0) - ACCURACY_TOLERANCE;
    const good = points.filter((p) => p.accuracy >= floor);
    within = good.length > 0;
    bestPoint = (within ? good : points).reduce((a, b) => (b.encodedBytes < a.encodedBytes ? b : a));
  }
  return { ...rest, pointCount: points.length, bestPoint, bestPointTolerance: ACCURACY_TOLERANCE, bestPointWithin: within };
}

/** The ticket is the rewind-to-init series; a run without it (the rewinding preset has it, but a
 * link may ask for other variants only) is summed up by its first pruned series. */
function summarizeLottery(run: LotteryRunRecord): LotteryRunSummary {
  const { rounds: maybeRounds, ...rest } = run;
  const rounds = maybeRounds ?? [];
  const pruned = rounds.filter((r) => r.variant !== 'dense');
  const series = pruned.some((r) => r.variant === 'rewind_init') ? 'rewind_init' : pruned[0]?.variant;
  const ticket = pruned.filter((r) => r.variant === series);
  const last = ticket.length > 0 ? ticket.reduce((a, b) => (b.percentRemaining < a.percentRemaining ? b : a)) : null;
  const dense = rounds.find((r) => r.variant === 'dense');
  return {
    ...rest,
    roundsDone: ticket.length,
    sparsest: last ? { variant: last.variant, round: last.round, percentRemaining: last.percentRemaining, accuracy: last.accuracy } : null,
    denseAccuracy: dense?.accuracy ?? null,
  };
}

/** Where the list compares the methods: 100 labels, the figure the Transfer view leads with. */
export const TRANSFER_SUMMARY_LABELS = 100;

function summarizeTransfer(run: TransferRunRecord): TransferRunSummary {
  const { results: maybeResults, ...rest } = run;
  const results = maybeResults ?? [];
  const counts = [...new Set(results.map((r) => r.labeled))];
  const at = counts.length > 0 ? counts.reduce((a, b) => (Math.abs(Math.log(b / TRANSFER_SUMMARY_LABELS)) < Math.abs(Math.log(a / TRANSFER_SUMMARY_LABELS)) ? b : a)) : null;
  const find = (method: string, pruned: boolean) =>
    results.find((r) => r.labeled === at && r.method === method && (pruned ? r.extractorSparsity > 0 : r.extractorSparsity === 0))?.accuracy ?? null;
  return { ...rest, resultCount: results.length, comparedAt: at, frozen: find('frozen', false), scratch: find('scratch', false), frozenPruned: find('frozen', true) };
}

/** The History's order, newest first (the id breaks ties, so every tab and export agree). */
export function newestFirst(a: Pick<RunSummary, 'createdAt' | 'id'>, b: Pick<RunSummary, 'createdAt' | 'id'>): number {
  return b.createdAt - a.createdAt || b.id.localeCompare(a.id);
}
