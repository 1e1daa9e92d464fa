// The worker side of the transfer lab: pretrains once per task and seed on the source (MNIST
// digits 0-4, or all ten digits for the Fashion-MNIST task; kept for later requests), then learns
// the target from each requested number of labels with the three methods, reporting every result
// as it lands. Fashion-MNIST is downloaded only when its task is asked for. One request at a time;
// cancel lands between slices. A request may prune the pretrained extractor first: pruning is
// cheap and done per request (the cached pretraining stays dense), and the frozen and fine-tuned
// methods then run on both the dense and the pruned extractor, so one run shows what pruning costs.
import { loadDataset } from './data-loader';
import { loadFashionMnist } from './fashion-loader';
import {
  adaptSteps,
  adaptToTarget,
  DEFAULT_PRETRAINING,
  DEFAULT_TRANSFER_TASK,
  digitsTask,
  extractorSparsityProblem,
  fashionTask,
  measureExtractorPruning,
  pretrainLimit,
  pretrainSource,
  PRETRAINING_IDS,
  TRANSFER_DEFAULTS,
  TRANSFER_METHODS,
  type PretrainedModel,
  type TransferConfig,
  type TransferMethod,
  type TransferTask,
  type TransferTaskId,
} from '../engine/transfer';
import { isAbortError } from '../engine/training/yield';
import { MAX_LABELS, type TransferHandlers, type TransferOutcome, type TransferPretrainInfo, type TransferPruneInfo, type TransferRequest } from './transfer-protocol';

/** The engine's settings with the quick pretraining (6,000 source images, three passes: 300
 * steps; a request may ask for every source image instead), and fewer steps for thousands of
 * labels so the demo stays quick. */
export const WORKER_TRANSFER_CONFIG: TransferConfig = {
  ...TRANSFER_DEFAULTS,
  pretrain: { ...TRANSFER_DEFAULTS.pretrain, limit: pretrainLimit(DEFAULT_PRETRAINING) },
  adapt: { ...TRANSFER_DEFAULTS.adapt, maxSteps: 300 },
};

export class TransferSession {
  private tasks = new Map<TransferTaskId, TransferTask>();
  /** Keyed by task, pretraining and seed, e.g. "fashion:quick:0". */
  private pretrained = new Map<string, { model: PretrainedModel; info: TransferPretrainInfo }>();
  private abort: { aborted: boolean } | null = null;

  cancel(): void {
    if (this.abort) this.abort.aborted = true;
  }

  async run(request: TransferRequest, handlers: TransferHandlers): Promise<TransferOutcome> {
    if (this.abort) throw new Error('A transfer run is already going: cancel it first.');
    const counts = checkCounts(request.labelCounts);
    const sparsity = request.extractorSparsity ?? 0;
    const sparsityProblem = extractorSparsityProblem(sparsity);
    if (sparsityProblem) throw new Error(sparsityProblem);
    const pretraining = request.pretraining ?? DEFAULT_PRETRAINING;
    if (!PRETRAINING_IDS.includes(pretraining)) throw new Error(`Unknown pretraining "${String(pretraining)}": quick or full.`);
    const signal = { aborted: false };
    this.abort = signal;
    const results: TransferOutcome['results'] = [];
    let info: TransferPretrainInfo | null = null;
    let pruned: TransferPruneInfo | null = null;
    try {
      const task = await this.taskFor(request.task ?? DEFAULT_TRANSFER_TASK, (message) => handlers.onStage(message, 0));
      const key = `${task.id}:${pretraining}:${request.seed}`;
      const config = { ...WORKER_TRANSFER_CONFIG, seed: request.seed, pretrain: { ...WORKER_TRANSFER_CONFIG.pretrain, limit: pretrainLimit(pretraining) } };
      // Work in steps, so the progress bar moves evenly: pretraining, then each run.
      const runs = counts.flatMap((n) => runsFor(sparsity).map(({ method, sparsity }) => ({ n, method, sparsity, steps: adaptSteps(n, config).steps })));
      const cached = this.pretrained.get(key);
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
        info = {
          taskId: task.id,
          pretraining,
          taskLabel: task.label,
          sourceClasses: task.source.classNames,
          targetClasses: task.target.classNames,
          sourceAccuracy: model.sourceAccuracy, sourceTrainImages: model.images, sourceEpochs: model.epochs, flops: model.flops, ms: model.ms, reused: false };
        this.pretrained.set(key, { model, info });
        done = pretrainSteps;
      }
      handlers.onPretrained(info);
      const model = this.pretrained.get(key)!.model;
      if (sparsity > 0) {
        handlers.onStage(`Pruning ${percent(sparsity)} of the extractor and measuring it on ${task.source.classNames.join(', ')}…`, done / total);
        pruned = measureExtractorPruning(task, model, config.extractorLayers, sparsity);
        handlers.onPruned(pruned);
      }
      for (const run of runs) {
        const label = `${run.method === 'scratch' ? 'From scratch' : run.method === 'frozen' ? 'Frozen extractor' : 'Fine-tuning'}${run.sparsity > 0 ? ` (${percent(run.sparsity)} pruned)` : ''} on ${run.n.toLocaleString('en-US')} labels…`;
        const result = await adaptToTarget(task, model, run.method, run.n, { ...config, extractorSparsity: run.sparsity }, {
          signal,
          onProgress: (f) => handlers.onStage(label, (done + f * run.steps) / total),
        });
        done += run.steps;
        results.push(result);
        handlers.onResult(result);
      }
      return { status: 'done', pretrained: info, pruned, results };
    } catch (error) {
      if (isAbortError(error)) return { status: 'cancelled', pretrained: info, pruned, results };
      throw error;
    } finally {
      this.abort = null;
    }
  }

  private async taskFor(id: TransferTaskId, onStage: (message: string) => void): Promise<TransferTask> {
    const cached = this.tasks.get(id);
    if (cached) return cached;
    onStage('Loading MNIST…');
    const mnist = await loadDataset('mnist', 0, (s) => onStage(s.message));
    let task: TransferTask;
    if (id === 'fashion') task = fashionTask(mnist, await loadFashionMnist((s) => onStage(s.message)));
    else if (id === 'digits') task = digitsTask(mnist);
    else throw new Error(`Unknown transfer task "${String(id)}".`);
    this.tasks.set(id, task);
    return task;
  }
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** Each method once; with a pruned extractor, frozen and fine-tuning also on the dense one, just before. */
function runsFor(sparsity: number): { method: TransferMethod; sparsity: number }[] {
  return TRANSFER_METHODS.flatMap((method) =>
    method === 'scratch' || sparsity === 0 ? [{ method, sparsity: 0 }] : [{ method, sparsity: 0 }, { method, sparsity }],
  );
}

function checkCounts(counts: number[]): number[] {
  const clean = [...new Set(counts)].sort((a, b) => a - b);
  if (clean.length === 0) throw new Error('Choose at least one number of labelled examples.');
  for (const n of clean) {
    if (!Number.isInteger(n) || n < 10 || n > MAX_LABELS) throw new Error(`Labelled examples must be whole numbers from 10 to ${MAX_LABELS.toLocaleString('en-US')}, got ${n}.`);
  }
  return clean;
}
