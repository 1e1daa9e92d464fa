// What a kept run's row says under its name, by kind: a training run's model, data and accuracy
// (and its best compression point); a lottery run's rounds and its sparsest ticket against the
// dense model; a transfer run's task and labels, with the frozen extractor against training from
// scratch at 100 labels. Each row also wears a badge naming its kind (in words, not colour only).
import { DATASETS } from '../../../engine/datasets/registry';
import { VARIANTS, type VariantId } from '../../../engine/lottery/variants';
import { MODELS } from '../../../engine/models/registry';
import { PRETRAINING_INFO } from '../../../engine/transfer/pretraining';
import { TRANSFER_TASK_INFO } from '../../../engine/transfer/tasks';
import { runDateText } from '../../../history/dates';
import type { LotteryRunSummary, RunKind, RunSummary, TrainingRunSummary, TransferRunSummary } from '../../../history/types';
import { formatKB, formatPercent, formatSeconds } from '../../../shared/format';

export const KIND_LABEL: Record<RunKind, string> = { training: 'Training', lottery: 'Lottery ticket', transfer: 'Transfer' };

function label<T extends Record<string, { label: string }>>(table: T, id: string): string {
  return Object.prototype.hasOwnProperty.call(table, id) ? table[id as keyof T].label : id;
}

/** "+2.9 pt" / "−1.3 pt": one accuracy against another, in points. */
function points(a: number, b: number): string {
  const d = (a - b) * 100;
  return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pt`;
}

export function KindBadge({ kind }: { kind: RunKind }) {
  return <span className={`run-item__badge run-item__kind run-item__kind--${kind}`}>{KIND_LABEL[kind]}</span>;
}

/** When, how long, and on which backend: the end of every kind's first line. */
const timing = (run: RunSummary) => `${formatSeconds(run.seconds)}${run.backend ? ` on ${run.backend}` : ''}`;

/** Where the run's best compression point is, from its summary (the points stay in storage). */
function bestPoint(run: TrainingRunSummary): string | null {
  const pick = run.bestPoint;
  if (run.pointCount === 0 || !pick) return null;
  const tolerance = `${((run.bestPointTolerance ?? 0.01) * 100).toLocaleString('en-US')} pt`;
  const which = run.bestPointWithin === false ? `none within ${tolerance} of the run's accuracy; smallest` : `smallest within ${tolerance}`;
  return `${run.pointCount} compression ${run.pointCount === 1 ? 'point' : 'points'}; ${which}: ${formatKB(pick.encodedBytes)} at ${formatPercent(pick.accuracy)}`;
}

function TrainingLines({ run }: { run: TrainingRunSummary }) {
  const best = bestPoint(run);
  return (
    <>
      <p className="run-item__meta">
        {runDateText(run.createdAt)} · {label(MODELS, run.model)} on {label(DATASETS, run.dataset)} · {run.epochs} {run.epochs === 1 ? 'epoch' : 'epochs'} · {timing(run)}
      </p>
      <p className="run-item__meta">
        Test accuracy <strong>{formatPercent(run.testAccuracy)}</strong> · validation {formatPercent(run.validationAccuracy)}
        {run.denseBytes ? ` · ${formatKB(run.denseBytes)} as float32` : ''}
      </p>
      {best ? <p className="run-item__meta">{best}</p> : null}
    </>
  );
}

const seriesName = (variant: string) => (Object.prototype.hasOwnProperty.call(VARIANTS, variant) ? VARIANTS[variant as VariantId].name : variant);

function LotteryLines({ run }: { run: LotteryRunSummary }) {
  const t = run.sparsest;
  const dense = run.denseAccuracy;
  return (
    <>
      <p className="run-item__meta">
        {runDateText(run.createdAt)} · LeNet-300-100 on MNIST · {run.roundsDone} of {run.plannedRounds} {run.plannedRounds === 1 ? 'round' : 'rounds'} · seed {run.seed} · {timing(run)}
      </p>
      <p className="run-item__meta">
        {t ? (
          <>
            {t.variant === 'rewind_init' ? 'Sparsest ticket' : `Sparsest round (${seriesName(t.variant)})`}: {Number(t.percentRemaining.toPrecision(3))}% of weights left,{' '}
            <strong>{formatPercent(t.accuracy)}</strong>
            {dense !== null ? ` against ${formatPercent(dense)} dense (${points(t.accuracy, dense)})` : ''}
          </>
        ) : (
          `Stopped before the first pruning round${dense !== null ? `; dense model ${formatPercent(dense)}` : ''}.`
        )}
      </p>
    </>
  );
}

function TransferLines({ run }: { run: TransferRunSummary }) {
  // The target alone (the run's name says the whole task), so the line fits a row.
  const target = Object.prototype.hasOwnProperty.call(TRANSFER_TASK_INFO, run.task) ? TRANSFER_TASK_INFO[run.task as keyof typeof TRANSFER_TASK_INFO].target : run.task;
  const pretraining = (label(PRETRAINING_INFO, run.pretraining).split(':')[0] ?? run.pretraining).toLowerCase();
  const pruned = run.extractorSparsity > 0 ? ` · extractor ${Math.round(run.extractorSparsity * 100)}% pruned` : '';
  const { frozen, scratch, comparedAt } = run;
  return (
    <>
      <p className="run-item__meta">
        {runDateText(run.createdAt)} · {target} from {run.labels.toLocaleString('en-US')} labels · {pretraining} pretraining{pruned} · seed {run.seed} · {timing(run)}
      </p>
      <p className="run-item__meta">
        {comparedAt === null ? (
          'No result was measured.'
        ) : (
          <>
            At {comparedAt.toLocaleString('en-US')} labels: frozen extractor <strong>{formatPercent(frozen)}</strong>, from scratch {formatPercent(scratch)}
            {frozen !== null && scratch !== null ? ` (${points(frozen, scratch)})` : ''}
            {run.frozenPruned !== null ? `; pruned extractor ${formatPercent(run.frozenPruned)}` : ''}
          </>
        )}
      </p>
    </>
  );
}

export function RunLines({ run }: { run: RunSummary }) {
  if (run.kind === 'lottery') return <LotteryLines run={run} />;
  if (run.kind === 'transfer') return <TransferLines run={run} />;
  return <TrainingLines run={run} />;
}
