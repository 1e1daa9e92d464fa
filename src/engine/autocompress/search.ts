// Auto-compress: the smallest encoded model within an accuracy budget. Rounds of gradual
// magnitude pruning (Zhu & Gupta 2017; the iterative pruning of Han et al. 2015) with per-layer
// sparsity by sensitivity (pruneStep.ts) and masked fine-tuning (fineTune.ts), then k-means bits
// per layer by greedy search (bitSearch.ts), each candidate measured as the real encoded file
// and judged on the search half of the validation split; a round that breaks the budget is
// undone and the rate halved. Presets with a polish then retrain the sparsest accepted masks at
// a falling learning rate and search their bits again. Accepted candidates are also measured on
// the held-out half, which nothing else reads, and the result is chosen there (choice.ts,
// holdout.ts). The test split is read once, for the result (and for the reference's figure).
// Time-sliced like the other engine runs: it yields between slices of training and between
// measurements, so an abort lands within one.
import { createNetwork } from '../models/network';
import { countKept, denseMasks, type Mask } from '../pruning/mask';
import { deriveSeed } from '../random';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { throwIfAborted, yieldToEventLoop, type AbortSignalLike } from '../training/yield';
import { searchBits } from './bitSearch';
import { ChoiceKeeper, type Kept } from './choice';
import { referenceTargets } from './distill';
import { keepsTrainedModel, tuneCentroids } from './centroids';
import { fineTune, polishPicks, stepsPerEpoch, type FineTuneJob } from './fineTune';
import { laddersOf, startRungs, type Rungs } from './ladders';
import { pairedDrop, splitValidation, withinHeldOutBudget } from './holdout';
import { CandidateMeasurer, layerChoices, type Measurement } from './measure';
import { planOf } from './plans';
import { pruneStep } from './pruneStep';
import type { AutoCompressCandidate, AutoCompressProgress, AutoCompressResult, AutoCompressSettings, CandidateStage, StopReason } from './types';

export interface AutoCompressInput {
  /** The reference model's training spec (model, widths, optimizer, batch size, learning rate). */
  spec: TrainSpec;
  /** The reference model's float weights. */
  weights: WeightArray[];
  /** Masks to start from and keep (a lottery ticket's); none: every weight may go. */
  masks?: Mask[] | null;
  data: Dataset;
}

export interface AutoCompressOptions {
  signal?: AbortSignalLike;
  onCandidate?: (candidate: AutoCompressCandidate) => void;
  onProgress?: (progress: AutoCompressProgress) => void;
  /** The search stops when this is spent; the round or polish under way is dropped, so the
   * result is the one a rerun with maxRounds = roundsRun and maxPolished = polishedRun gives. */
  timeBudgetMs?: number;
  /** Target milliseconds of training between two turns of the event loop (default 40). */
  sliceMs?: number;
  now?: () => number;
}

/** What the page adopts: the best candidate's float weights and masks (compressWeights with
 * `byTensor` gives back exactly its file) and the file itself. */
export interface AutoCompressModel {
  floatWeights: WeightArray[];
  masks: Mask[];
  byTensor: NonNullable<Measurement['byTensor']>;
  /** Dequantized weights, what the test accuracy was measured on. */
  weights: WeightArray[];
  bytes: Uint8Array;
}

class TimeUp extends Error {}

export async function autoCompress(
  input: AutoCompressInput,
  settings: AutoCompressSettings,
  options: AutoCompressOptions = {},
): Promise<{ result: AutoCompressResult; model: AutoCompressModel }> {
  const plan = planOf(settings);
  const now = options.now ?? Date.now;
  const started = now();
  const sliceMs = options.sliceMs ?? 40;
  const { spec, data } = input;
  throwIfAborted(options.signal);
  const evalNet = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  const trainNet = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  try {
    const halves = splitValidation(data.validation, data.featureShape, settings.seed);
    const measurer = new CandidateMeasurer(evalNet, { ...data, validation: halves.search }, halves.holdout, laddersOf(plan));
    const timeUp = () => options.timeBudgetMs !== undefined && now() - started > options.timeBudgetMs;
    const pause = async () => {
      await yieldToEventLoop();
      throwIfAborted(options.signal);
      if (timeUp()) throw new TimeUp();
    };
    let round = 0;
    let rate = plan.startRate;
    // Work in rounds' worth of training: a polished mask counts as its epochs over a round's.
    const polishUnits = plan.polish ? (plan.polish.epochs + (plan.polish.centroids?.epochs ?? 0)) / plan.fineTuneEpochs : 0;
    const totalUnits = plan.maxRounds + (plan.polish?.masks ?? 0) * polishUnits;
    let polishing: { index: number; count: number } | undefined;
    const progress = (phase: AutoCompressProgress['phase']) => {
      const done = polishing ? plan.maxRounds + polishing.index * polishUnits : round;
      const fraction = totalUnits === 0 ? 1 : Math.min(1, done / totalUnits);
      options.onProgress?.({ round, maxRounds: plan.maxRounds, rate, phase, fraction, elapsedMs: now() - started, ...(polishing ? { polish: polishing } : {}) });
    };

    progress('reference');
    // On the training network, which every fine-tuning sets to its own weights before training.
    const softTargets = plan.distill ? referenceTargets(trainNet, input.weights, data, plan.distill.weight) : null;
    const reference = measurer.evaluate(input.weights);
    const referenceHeldOut = measurer.heldOut(input.weights);
    const floor = reference.accuracy - settings.budgetPoints / 100 - 1e-9;
    const denseBytes = 4 * input.weights.reduce((n, w) => n + w.values.length, 0);
    const candidates: AutoCompressCandidate[] = [];
    const emit = (m: Measurement, stage: CandidateStage): AutoCompressCandidate => {
      const withinBudget = m.accuracy >= floor;
      let heldOut: AutoCompressCandidate['heldOut'];
      if (withinBudget) {
        const right = measurer.heldOut(m.compressed.weights);
        const drop = pairedDrop(referenceHeldOut, right);
        heldOut = { accuracy: right.reduce((n, r) => n + r, 0) / right.length, ...drop, qualifies: withinHeldOutBudget(drop, settings.budgetPoints) };
      }
      const c: AutoCompressCandidate = {
        index: candidates.length,
        round,
        stage,
        bytes: m.bytes,
        ratio: denseBytes / m.bytes,
        sparsity: m.compressed.sparsity,
        validationAccuracy: m.accuracy,
        withinBudget,
        layers: layerChoices(m),
        ...(heldOut ? { heldOut } : {}),
      };
      candidates.push(c);
      options.onCandidate?.(c);
      return c;
    };

    let weights = input.weights;
    let masks = input.masks ?? denseMasks(weights);
    const kernelCount = masks.length;
    let rungs = startRungs(kernelCount, measurer.ladders);
    const choice = new ChoiceKeeper(plan.polishChoice ?? 'last-step');
    let roundsRun = 0;
    let stoppedBy: StopReason = 'rounds';
    /** The rounds whose pruning the budget accepted, oldest first: what the polish starts from. */
    const accepted: { weights: WeightArray[]; masks: Mask[]; rungs: Rungs }[] = [];

    /** Bit search on `weights`/`masks` as set in the measurer; the accepted path is streamed. */
    const runBits = async (floatWeights: WeightArray[], roundMasks: Mask[], stage?: CandidateStage, searchFloor = floor): Promise<{ best: Measurement | null; kept: Kept | null }> => {
      progress(stage === 'polish' ? 'polish' : 'bits');
      const search = searchBits(measurer, rungs, kernelCount, searchFloor);
      let step = search.next();
      let lastKept: Kept | null = null;
      while (!step.done) {
        if (step.value.accepted) {
          const m = step.value.measurement;
          const c = emit(m, stage ?? (round === 0 && candidates.length === 0 ? 'start' : 'bits'));
          lastKept = { candidate: c, measurement: m, floatWeights, masks: roundMasks };
          choice.accepted(lastKept, stage === 'polish');
        }
        await pause();
        step = search.next();
      }
      const { best, last } = step.value;
      if (!best) {
        choice.brokeBudget({ candidate: emit(last, 'broke-budget'), measurement: last, floatWeights, masks: roundMasks });
      }
      // The search's result is the last step it accepted.
      return { best, kept: best ? lastKept : null };
    };
    let polishedRun = 0;
    /** A training job on the search's training network: a constant rate (gamma null) or one
     * multiplied by gamma after every epoch; its data order drawn from the seed and `name`. */
    const trainJob = (from: WeightArray[], jobMasks: Mask[], epochs: number, learningRate: number, gamma: number | null, name: string): FineTuneJob => ({
      spec,
      data,
      network: trainNet,
      weights: from,
      masks: jobMasks,
      epochs,
      learningRate,
      schedule: gamma === null ? { kind: 'constant' } : { kind: 'step', warmupSteps: 0, decayEverySteps: stepsPerEpoch(data, spec.batchSize), gamma },
      seed: deriveSeed(settings.seed, `auto-compress ${name}`),
      softTargets,
    });
    /** Trained quantization of a polish's result (centroids.ts), measured at the same settings:
     * the final model of that polish when it scores at least as well on the search half. */
    const tuneShared = async (from: Kept, index: number, c: NonNullable<NonNullable<typeof plan.polish>['centroids']>, searchFloor: number): Promise<Kept | null> => {
      const masks = from.masks;
      progress('centroids');
      const job = trainJob(from.measurement.compressed.weights, masks, c.epochs, spec.learningRate * c.learningRateScale, c.gamma, `centroids ${index}`);
      const tunedWeights = await tuneCentroids(job, sliceMs, now, pause);
      measurer.setModel(tunedWeights, masks);
      const m = measurer.measure(from.measurement.rungs);
      const k: Kept = { candidate: emit(m, 'polish'), measurement: m, floatWeights: tunedWeights, masks };
      // 'above-floor' trusts the method's last step (Deep Compression always keeps its trained
      // centroids) and lets the held-out test judge it; 'not-worse' lets two images of the
      // search half decide a tie.
      if (!keepsTrainedModel(c.keep, m.accuracy, from.measurement.accuracy, searchFloor)) return null;
      choice.accepted(k, true);
      return k;
    };

    try {
      measurer.setModel(weights, masks);
      const first = (await runBits(weights, masks)).best;
      if (first) rungs = first.rungs;
      choice.commit();
      for (round = 1; round <= plan.maxRounds; round++) {
        if (rate < plan.minRate) {
          stoppedBy = 'rate';
          break;
        }
        progress('prune');
        const step = pruneStep(measurer, weights, masks, rate, plan.sensitivityImages, plan.sensitivitySlack);
        let s = step.next();
        while (!s.done) {
          await pause();
          s = step.next();
        }
        const roundMasks = s.value.masks;

        progress('fine-tune');
        const tuned = await fineTune(trainJob(weights, roundMasks, plan.fineTuneEpochs, spec.learningRate * plan.learningRateScale, null, `round ${round}`), sliceMs, now, pause);
        measurer.setModel(tuned, roundMasks);
        const { best } = await runBits(tuned, roundMasks);
        roundsRun = round;
        if (best) {
          weights = tuned;
          masks = roundMasks;
          rungs = best.rungs;
          accepted.push({ weights, masks, rungs });
        } else {
          rate /= 2;
        }
        choice.commit();
      }
      if (round > plan.maxRounds) round = plan.maxRounds;
      // Polish: accepted masks spread over the sparse end of the path (polishPicks), the
      // sparsest first, are each retrained from their weights at the reference's learning rate
      // falling by gamma every epoch (the retraining at a lowered rate of Han et al. 2015, on a
      // step schedule), then their bits are searched again from the round's own choice. Rounds
      // only ever fine-tune at a constant, halved rate, so the polished weights are usually the
      // more accurate ones and the bits can go lower.
      const polish = plan.polish;
      if (polish) {
        // Its bit search spends only part of the budget on the search half: every step of a bit
        // search is judged there until the last one sits at the budget's edge, and the held-out
        // half then rarely confirms it.
        const polishFloor = reference.accuracy - (polish.budgetShare * settings.budgetPoints) / 100 - 1e-9;
        const kept = accepted.map((a) => a.masks.reduce((n, m) => n + countKept(m), 0));
        const picks = polishPicks(kept, polish.masks, polish.spacing);
        for (const [i, pick] of picks.entries()) {
          const start = accepted[pick];
          round = roundsRun + 1 + i;
          polishing = { index: i, count: picks.length };
          progress('polish');
          const polished = await fineTune(trainJob(start.weights, start.masks, polish.epochs, spec.learningRate, polish.gamma, `polish ${i}`), sliceMs, now, pause);
          measurer.setModel(polished, start.masks);
          rungs = [...start.rungs];
          const { kept: result } = await runBits(polished, start.masks, 'polish', polishFloor);
          const tuned = result && polish.centroids ? await tuneShared(result, i, polish.centroids, polishFloor) : null;
          choice.polishResult(tuned ?? result, kept[pick]);
          polishedRun = i + 1;
          choice.commit();
        }
      }
    } catch (e) {
      if (!(e instanceof TimeUp)) throw e;
      stoppedBy = 'time';
      // The round or polish under way is dropped whole, so a rerun that stops where this one
      // stopped finds the same file (its candidates stay on the chart).
      choice.rollBack();
    }

    const { chosen, rule } = choice.choose();
    progress('test');
    const testAccuracy = measurer.testAccuracy(chosen.measurement.compressed.weights);
    const referenceTest = measurer.testAccuracy(input.weights);
    const result: AutoCompressResult = {
      settings,
      plan,
      best: chosen.candidate,
      choice: rule,
      testAccuracy,
      reference: {
        validationAccuracy: reference.accuracy,
        heldOutAccuracy: referenceHeldOut.reduce((n, r) => n + r, 0) / referenceHeldOut.length,
        testAccuracy: referenceTest,
        denseBytes,
      },
      halves: { search: halves.search.count, holdout: halves.holdout.count },
      candidates,
      roundsRun,
      polishedRun,
      stoppedBy,
      elapsedMs: now() - started,
    };
    const { compressed, byTensor } = chosen.measurement;
    const model: AutoCompressModel = { floatWeights: chosen.floatWeights, masks: chosen.masks, byTensor: byTensor!, weights: compressed.weights, bytes: compressed.bytes };
    return { result, model };
  } finally {
    evalNet.dispose();
    trainNet.dispose();
  }
}
