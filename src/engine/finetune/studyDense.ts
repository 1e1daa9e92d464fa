// Step 1 of the compression study: train LeNet-300-100 and keep the epoch with the lowest
// validation loss. With a constant rate, Adam's test accuracy wanders by about half a point
// from epoch to epoch; the Lottery Ticket paper's early-stopping rule picks the epoch, so the
// test set picks nothing.
import type { Dataset, EvalMetrics, TrainSpec, WeightArray } from '../spec/types';
import { Trainer } from '../training/trainer';
import type { CompressionStudyReport } from './compressionStudy';

export interface DenseStudyResult {
  /** The kept epoch's weights. */
  trained: WeightArray[];
  dense: CompressionStudyReport['dense'];
}

const pct = (a: number) => `${(a * 100).toFixed(2)}%`;

export function trainDenseForStudy(spec: TrainSpec, data: Dataset, log: (line: string) => void, now: () => number): DenseStudyResult {
  const trainer = new Trainer(spec, data);
  const byEpoch: EvalMetrics[] = [];
  const trainStart = now();
  let trainMs = 0;
  let best: { epoch: number; loss: number; weights: WeightArray[]; metrics: EvalMetrics } | null = null;
  for (let epoch = 1; epoch <= spec.epochs; epoch++) {
    const t0 = now();
    trainer.runSteps(trainer.stepsPerEpoch);
    const progress = trainer.takeProgress(); // waits for the device
    trainMs += now() - t0;
    const metrics = trainer.evaluate();
    byEpoch.push(metrics);
    if (best === null || metrics.validationLoss < best.loss) {
      best = { epoch, loss: metrics.validationLoss, weights: trainer.network.getWeights(), metrics };
    }
    log(
      `epoch ${epoch}/${spec.epochs}: training loss ${progress.loss.toFixed(4)}, validation loss ` +
        `${metrics.validationLoss.toFixed(4)}, validation ${pct(metrics.validationAccuracy)}, ` +
        `test ${pct(metrics.testAccuracy)} (${((now() - trainStart) / 1000).toFixed(1)} s)`,
    );
  }
  const samples = trainer.totalSteps * spec.batchSize;
  const params = trainer.network.countParams();
  trainer.dispose();
  const kept = best!;
  const dense = {
    testAccuracy: kept.metrics.testAccuracy,
    /** The epoch whose weights were kept (lowest validation loss), 1-based. */
    selectedEpoch: kept.epoch,
    finalEpochTestAccuracy: byEpoch[byEpoch.length - 1].testAccuracy,
    params,
    denseBytes: 4 * params,
    byEpoch,
    trainSeconds: trainMs / 1000,
    samplesPerSecond: samples / (trainMs / 1000),
  };
  log(`kept epoch ${kept.epoch} (lowest validation loss): ${pct(dense.testAccuracy)} test; training ran at ${Math.round(dense.samplesPerSecond)} samples/s`);
  return { trained: kept.weights, dense };
}
