// Results as files: JSON (the whole records, re-importable) and CSV (one measurement per row,
// ready for a spreadsheet or pandas; every kind of run in the same columns, `kind` says which).
// Pure text; the page turns it into a download.
import { csvCell } from './csvCell';
import { isoTime } from './dates';
import { resultsDocument } from './resultsSchema';
import { withKind } from './summary';
import type { LotteryRunRecord, RunRecord, TrainingRunRecord, TransferRunRecord } from './types';

export { csvCell };

export const CSV_COLUMNS = [
  'run_id',
  'run_name',
  'finished',
  'dataset',
  'model',
  'backend',
  'link',
  'metric',
  'epoch',
  'sparsity',
  'bits',
  'encoded_bytes',
  'value',
  // Added with the lottery and transfer runs, at the end so older readers' columns stay put.
  'kind',
  'round',
  'labels',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

function rowsOf(stored: RunRecord): Row[] {
  const run = withKind(stored);
  const base: Row = {
    run_id: run.id,
    run_name: run.name,
    // Empty for a stored time that is no date (a record from before the schema bounded it).
    finished: isoTime(run.createdAt),
    backend: run.backend,
    link: `#${run.link}`,
    kind: run.kind,
  };
  if (run.kind === 'lottery') return lotteryRows(run, base);
  if (run.kind === 'transfer') return transferRows(run, base);
  return trainingRows(run, { ...base, dataset: run.dataset, model: run.model });
}

function trainingRows(run: TrainingRunRecord, base: Row): Row[] {
  const rows: Row[] = [
    { ...base, metric: 'final_test_accuracy', epoch: run.epochs, value: run.testAccuracy },
    { ...base, metric: 'final_validation_accuracy', epoch: run.epochs, value: run.validationAccuracy },
    { ...base, metric: 'training_seconds', value: run.seconds },
  ];
  if (run.denseBytes !== null) rows.push({ ...base, metric: 'dense_float32_bytes', value: run.denseBytes });
  const curves: [keyof TrainingRunRecord['curves'], string][] = [
    ['loss', 'train_loss'],
    ['trainAccuracy', 'train_accuracy_percent'],
    ['validationAccuracy', 'validation_accuracy_percent'],
    ['testAccuracy', 'test_accuracy_percent'],
  ];
  // A record damaged in storage, or kept by an older version, may lack its curves or points:
  // its other rows are still written.
  for (const [key, metric] of curves) for (const p of run.curves?.[key] ?? []) rows.push({ ...base, metric, epoch: p?.epoch, value: p?.value });
  for (const p of run.points ?? []) {
    const metric = p.fineTunedEpochs ? `compressed_test_accuracy_${p.method}_finetuned_${p.fineTunedEpochs}ep` : `compressed_test_accuracy_${p.method}`;
    rows.push({ ...base, metric, sparsity: p.sparsity, bits: p.bits, encoded_bytes: p.encodedBytes, value: p.accuracy });
  }
  return rows;
}

/** The lottery always trains LeNet-300-100 on MNIST: a row per round of each variant ("dense"
 * for the trunk), its sparsity the fraction of weights pruned. */
function lotteryRows(run: LotteryRunRecord, base: Row): Row[] {
  const lottery = { ...base, dataset: 'mnist', model: 'lenet_300_100' };
  const rows: Row[] = [{ ...lottery, metric: 'training_seconds', value: run.seconds }];
  for (const r of run.rounds ?? []) {
    const at = { ...lottery, round: r.round, sparsity: 1 - r.percentRemaining / 100 };
    rows.push({ ...at, metric: `lottery_test_accuracy_${r.variant}`, value: r.accuracy });
    rows.push({ ...at, metric: `lottery_early_stop_test_accuracy_${r.variant}`, value: r.earlyStopAccuracy });
  }
  return rows;
}

/** A row per method and label count; the dataset column holds the transfer task. */
function transferRows(run: TransferRunRecord, base: Row): Row[] {
  const transfer = { ...base, dataset: run.task, model: 'transfer_cnn' };
  const rows: Row[] = [{ ...transfer, metric: 'training_seconds', value: run.seconds }];
  for (const r of run.results ?? []) {
    const at = { ...transfer, labels: r.labeled, sparsity: r.extractorSparsity };
    rows.push({ ...at, metric: `transfer_test_accuracy_${r.method}`, value: r.accuracy });
    rows.push({ ...at, metric: `transfer_training_flops_${r.method}`, value: r.flops });
  }
  return rows;
}

/**
 * A results file written a run at a time: `start`, then `run` for each record in order, then
 * `end`. The export worker reads 1,000 runs one by one and hands the pieces to a Blob, so it never
 * holds every record, nor one string of 100 MB; `writeResults` joins them for small exports.
 */
export interface ResultsWriter {
  readonly type: string;
  readonly extension: 'csv' | 'json';
  start(): string;
  run(record: RunRecord, index: number): string;
  end(count: number): string;
}

export function csvWriter(): ResultsWriter {
  return {
    type: 'text/csv',
    extension: 'csv',
    start: () => `${CSV_COLUMNS.join(',')}\r\n`,
    run: (record) => rowsOf(record).map((row) => `${CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`).join(''),
    end: () => '',
  };
}

/** The same text as JSON.stringify(resultsDocument(runs), null, 1): the document with no runs,
 * opened at its empty array, each run indented to its depth in between. */
export function jsonWriter(exportedAt = new Date()): ResultsWriter {
  const empty = JSON.stringify(resultsDocument([], exportedAt), null, 1);
  const cut = empty.lastIndexOf('[]');
  return {
    type: 'application/json',
    extension: 'json',
    start: () => empty.slice(0, cut + 1),
    // Raw newlines only occur between tokens (JSON escapes those inside strings).
    run: (record, index) => `${index > 0 ? ',' : ''}\n  ${JSON.stringify(record, null, 1).replace(/\n/g, '\n  ')}`,
    end: (count) => `${count > 0 ? '\n ' : ''}]${empty.slice(cut + 2)}\n`,
  };
}

export function writeResults(writer: ResultsWriter, runs: readonly RunRecord[]): string {
  return writer.start() + runs.map((run, i) => writer.run(run, i)).join('') + writer.end(runs.length);
}

export function resultsCsv(runs: readonly RunRecord[]): string {
  return writeResults(csvWriter(), runs);
}

export function resultsJson(runs: readonly RunRecord[], exportedAt = new Date()): string {
  return writeResults(jsonWriter(exportedAt), runs);
}

/** A file name that says what is inside, e.g. "playground-results-2026-11-28-3-runs". */
export function exportBaseName(count: number, at = new Date()): string {
  const day = at.toISOString().slice(0, 10);
  return `playground-results-${day}-${count}-${count === 1 ? 'run' : 'runs'}`;
}
