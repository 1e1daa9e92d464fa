// The results file the History exports and imports: { format, version, exportedAt, runs }.
// One valibot schema checks an imported file all the way down (types, ranges, finite numbers,
// bounded lengths), so whatever reaches the store is a run the page can draw.
import * as v from 'valibot';
import { DATASET_IDS } from '../engine/datasets/registry';
import { MODEL_IDS } from '../engine/models/registry';
import { SPEC_ROWS } from '../url/specFields';
import { MAX_RUN_TIME_MS } from './dates';
import type { RunRecord } from './types';

export const RESULTS_FORMAT = 'compression-playground-results';
export const RESULTS_VERSION = 1;
export const MAX_IMPORTED_RUNS = 1000;
const MAX_CURVE_POINTS = 5000;

/**
 * The largest value of each number a run holds, each what the page can produce and draw: a bound
 * only as large as the code needs, so a file cannot bring a value no formatter or chart expects
 * (createdAt 8640000000000001 was an Invalid Date that threw in the History list and the CSV).
 */
export const RUN_LIMITS = {
  /** 31 December 9999 (src/history/dates.ts). */
  createdAt: MAX_RUN_TIME_MS,
  /** The link's epoch range (the share link's table). */
  epochs: SPEC_ROWS.epochs.limits.max,
  /** 200 epochs of 55,000 images at batch 1. */
  steps: 200 * 55_000,
  /** Ten years. */
  seconds: 10 * 365 * 24 * 3600,
  /** The engine computes in float32: no loss it reports is larger. */
  loss: 3.4028234663852886e38,
  /** Accuracy curves are in percent. */
  percent: 100,
  /** A model file's length is a 32-bit count (docs/FORMAT.md). */
  bytes: 2 ** 32,
  fineTunedEpochs: 1000,
} as const;

const between = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
const whole = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const fraction = between(0, 1);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const curve = (value: v.GenericSchema<number>) =>
  v.pipe(v.array(v.object({ epoch: between(0, RUN_LIMITS.epochs), value })), v.maxLength(MAX_CURVE_POINTS));
const percentCurve = curve(between(0, RUN_LIMITS.percent));

const pointSchema = v.object({
  method: text(40),
  sparsity: fraction,
  bits: v.picklist([1, 2, 3, 4, 5, 6, 7, 8, 16, 32]),
  encodedBytes: whole(1, RUN_LIMITS.bytes),
  accuracy: fraction,
  fineTunedEpochs: v.optional(whole(1, RUN_LIMITS.fineTunedEpochs)),
});

export const runSchema = v.object({
  id: text(100),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  createdAt: between(0, RUN_LIMITS.createdAt),
  link: text(4096),
  dataset: v.picklist(DATASET_IDS as unknown as [string, ...string[]]),
  model: v.picklist(MODEL_IDS as unknown as [string, ...string[]]),
  backend: v.nullable(text(20)),
  status: v.picklist(['done', 'cancelled']),
  epochs: whole(1, RUN_LIMITS.epochs),
  steps: whole(0, RUN_LIMITS.steps),
  seconds: between(0, RUN_LIMITS.seconds),
  testAccuracy: v.nullable(fraction),
  validationAccuracy: v.nullable(fraction),
  curves: v.object({ loss: curve(between(-RUN_LIMITS.loss, RUN_LIMITS.loss)), trainAccuracy: percentCurve, validationAccuracy: percentCurve, testAccuracy: percentCurve }),
  denseBytes: v.nullable(whole(1, RUN_LIMITS.bytes)),
  points: v.pipe(v.array(pointSchema), v.maxLength(2000)),
  imported: v.optional(v.boolean()),
});

const envelope = v.object({
  format: v.literal(RESULTS_FORMAT),
  version: v.number(),
  runs: v.pipe(v.array(v.unknown()), v.maxLength(MAX_IMPORTED_RUNS)),
});

export function resultsDocument(runs: readonly RunRecord[], exportedAt: Date): object {
  return { format: RESULTS_FORMAT, version: RESULTS_VERSION, exportedAt: exportedAt.toISOString(), runs };
}

/** A short, printable account of the first problem valibot found. */
function describeIssue(issues: readonly v.BaseIssue<unknown>[], where: string): string {
  const issue = issues[0];
  const path = v.getDotPath(issue);
  const at = path ? ` at "${path.slice(0, 60)}"` : '';
  return `${where}${at}: ${issue.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 160)}.`;
}

/** What is wrong with a stored or imported run, as a short phrase ("at \"curves\": Invalid
 * type..."), or null when it is a run the page can draw. */
export function runProblem(run: unknown): string | null {
  const parsed = v.safeParse(runSchema, run);
  return parsed.success ? null : describeIssue(parsed.issues, 'damaged');
}

/** The runs of a parsed results file, or one sentence on what is wrong with it. */
export function validateResults(json: unknown): { runs: RunRecord[] } | { error: string } {
  const outer = v.safeParse(envelope, json);
  if (!outer.success) {
    const obj = json as { format?: unknown } | null;
    if (typeof json !== 'object' || json === null || obj?.format !== RESULTS_FORMAT) {
      return { error: `This JSON is not a results file of the playground (it has no "format": "${RESULTS_FORMAT}").` };
    }
    return { error: describeIssue(outer.issues, 'This results file is not valid') };
  }
  const version = outer.output.version;
  if (version !== RESULTS_VERSION) {
    return { error: `This results file is version ${String(version).slice(0, 12)}; this playground reads version ${RESULTS_VERSION}.` };
  }
  const runs: RunRecord[] = [];
  for (let i = 0; i < outer.output.runs.length; i++) {
    const parsed = v.safeParse(runSchema, outer.output.runs[i]);
    if (!parsed.success) return { error: describeIssue(parsed.issues, `Run ${i + 1} of the results file is not valid`) };
    runs.push(parsed.output as RunRecord);
  }
  if (runs.length === 0) return { error: 'This results file holds no runs.' };
  return { runs };
}
