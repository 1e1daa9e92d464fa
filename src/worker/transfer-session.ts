// The worker side of the transfer lab: pretrains once per seed on MNIST digits 0-4 (kept for
// later requests), then learns digits 5-9 from each requested number of labels with the three
// methods, reporting every result as it lands. One request at a time; cancel lands between slices.
import { loadDataset } from './data-loader';
import { adaptSteps, adaptToTarget, digitsTask, pretrainSource, TRANSFER_DEFAULTS, TRANSFER_METHODS, type PretrainedModel, type TransferConfig, type TransferTask } from '../engine/transfer';
import { isAbortError } from '../engine/training/yield';
import type { TransferHandlers, TransferOutcome, TransferPretrainInfo, TransferRequest } from './transfer-protocol';

/** The engine test's settings (6,000 source images, three passes: 300 steps, enough for the
 * frozen extractor to beat scratch at 100 labels), with fewer steps for thousands of labels so
 * the demo stays quick. */
export const WORKER_TRANSFER_CONFIG: TransferConfig = {
  ...TRANSFER_DEFAULTS,
  pretrain: { ...TRANSFER_DEFAULTS.pretrain, limit: 6000 },
  adapt: { ...TRANSFER_DEFAULTS.adapt, maxSteps: 300 },
};

export const MAX_LABELS = 5000;

export class TransferSession {
  private task: TransferTask | null = null;
  private pretrained = new Map<number, { model: PretrainedModel; info: TransferPretrainInfo }>();
  private abort: { aborted: boolean } | null = null;

  cancel(): void {
    if (this.abort) this.abort.aborted = true;
  }

  async run(request: TransferRequest, handlers: TransferHandlers): Promise<TransferOutcome> {
    if (this.abort) throw new Error('A transfer run is already going: cancel it first.');
    const counts = checkCounts(request.labelCounts);
    const signal = { aborted: false };
    this.abort = signal;
    const results: TransferOutcome['results'] = [];
    let info: TransferPretrainInfo | null = null;
    try {
      handlers.onStage('Loading MNIST…', 0);
      this.task ??= digitsTask(await loadDataset('mnist', 0, (s) => handlers.onStage(s.message, 0)));
      const task = this.task;
      const config = { ...WORKER_TRANSFER_CONFIG, seed: request.seed };
      // Work in steps, so the progress bar moves evenly: pretraining, then each run.
      const runs = counts.flatMap((n) => TRANSFER_METHODS.map((method) => ({ n, method, steps: adaptSteps(n, config).steps })));
      const cached = this.pretrained.get(request.seed);
      const pretrainSteps = cached ? 0 : Math.floor(Math.min(config.pretrain.limit ?? Infinity, task.source.train.count) / config.pretrain.batchSize) * config.pretrain.epochs;
      const total = pretrainSteps + runs.reduce((s, r) => s + r.steps, 0);
      let done = 0;
      if (cached) {
        info = { ...cached.info, reused: true };
      } else {
        const model = await pretrainSource(task, config, {
          signal,
          onProgress: (f) => handlers.onStage(`Pretraining on ${task.source.classNames.join(', ')}…`, (f * pretrainSteps) / total),
        });
        info = { taskLabel: task.label, sourceAccuracy: model.sourceAccuracy, sourceTrainImages: model.images, sourceEpochs: model.epochs, flops: model.flops, ms: model.ms, reused: false };
        this.pretrained.set(request.seed, { model, info });
        done = pretrainSteps;
      }
      handlers.onPretrained(info);
      const model = this.pretrained.get(request.seed)!.model;
      for (const run of runs) {
        const label = `${run.method === 'scratch' ? 'From scratch' : run.method === 'frozen' ? 'Frozen extractor' : 'Fine-tuning'} on ${run.n.toLocaleString('en-US')} labels…`;
        const result = await adaptToTarget(task, model, run.method, run.n, config, {
          signal,
          onProgress: (f) => handlers.onStage(label, (done + f * run.steps) / total),
        });
        done += run.steps;
        results.push(result);
        handlers.onResult(result);
      }
      return { status: 'done', pretrained: info, results };
    } catch (error) {
      if (isAbortError(error)) return { status: 'cancelled', pretrained: info, results };
      throw error;
    } finally {
      this.abort = null;
    }
  }
}

function checkCounts(counts: number[]): number[] {
  const clean = [...new Set(counts)].sort((a, b) => a - b);
  if (clean.length === 0) throw new Error('Choose at least one number of labelled examples.');
  for (const n of clean) {
    if (!Number.isInteger(n) || n < 10 || n > MAX_LABELS) throw new Error(`Labelled examples must be whole numbers from 10 to ${MAX_LABELS.toLocaleString('en-US')}, got ${n}.`);
  }
  return clean;
}
