// The README's auto-compress tables, from reports/smallest.json (`npm run reproduce -- smallest`):
// one row per model and seed, then the issue 18 goal per model. Accuracies in the report are
// percent already; the search judged candidates on the search half of the validation split,
// chose among them on the held-out half, and read the test split once for the row. Reports
// written before the split (smallest-budget-0.1.json) searched the whole validation split and
// have no held-out figures.
import { num, signed, table } from './format';

interface QuantChoice {
  scheme: string;
  bits: number;
  clusters?: number;
}

interface SmallestRun {
  model: string;
  seed: number;
  bytes: number;
  ratio: number;
  testAccuracy: number;
  validationAccuracy: number;
  dropPoints: number;
  reference: { testAccuracy: number; validationAccuracy: number };
  /** Present since the validation split was halved. */
  halves?: { search: number; holdout: number };
  choice?: string;
  heldOut?: { dropPoints: number; standardErrorPoints: number } | null;
  layers: { sparsity: number; quantization: QuantChoice; bias?: QuantChoice }[];
  roundsRun: number;
  stoppedBy: string;
  wallSeconds: number;
}

interface SmallestSummary {
  model: string;
  seeds: number[];
  worstRatio: number;
  worstDropPoints: number;
  goal: { ratio: number; points: number; stretch?: number };
  goalMet: boolean;
}

export interface SmallestReport {
  complete: boolean;
  planned?: { models: string[]; seeds: number[] };
  runs: SmallestRun[];
  summary: SmallestSummary[];
}

const LABELS: Record<string, string> = { lenet_300_100: 'LeNet-300-100', lenet5: 'LeNet-5' };

/** "12.5% k5": a layer's share of weights kept and its codebook size (or its scheme). */
function layerText(l: SmallestRun['layers'][number]): string {
  const q = l.quantization;
  const how = q.scheme === 'kmeans' ? `k${q.clusters ?? 2 ** q.bits}` : q.scheme === 'none' ? 'float32' : q.scheme;
  return `${num(100 * (1 - l.sparsity))}% ${how}`;
}

/** "; biases int4" when the biases are not float16 (every search starts them there, and it was
 * all a search could lower them to before the integer bias ladder). */
function biasText(r: SmallestRun): string {
  const b = r.layers[0]?.bias;
  if (!b || b.scheme === 'float16') return '';
  return `; biases ${b.scheme === 'symmetric' ? `int${b.bits}` : b.scheme === 'none' ? 'float32' : b.scheme}`;
}

export function smallestTable(report: SmallestReport): string {
  return table(
    ['model', 'seed', 'encoded bytes', 'ratio', 'test %', 'reference test %', 'test vs reference pt', 'validation vs reference pt (searched on)', 'held-out vs reference pt ± SE (chosen by)', 'per layer: kept, k-means clusters', 'rounds (stop)', 'wall s'],
    report.runs.map((r) => [
      LABELS[r.model] ?? r.model,
      String(r.seed),
      num(r.bytes, 0),
      `${num(r.ratio)}x`,
      num(r.testAccuracy, 2),
      num(r.reference.testAccuracy, 2),
      signed(-r.dropPoints, 2),
      `${signed(r.validationAccuracy - r.reference.validationAccuracy, 2)} (${r.halves ? `${num(r.halves.search, 0)} images` : 'all'})`,
      r.heldOut ? `${signed(-r.heldOut.dropPoints, 2)} ± ${num(r.heldOut.standardErrorPoints, 2)} (${r.choice})` : r.halves ? `none (${r.choice})` : 'none held out',
      r.layers.map(layerText).join(', ') + biasText(r),
      `${r.roundsRun} (${r.stoppedBy})`,
      num(r.wallSeconds, 0),
    ]),
  );
}

/** Issue 18 asks for its goals on every one of this many seeds. */
const GOAL_SEEDS = 3;

/** "no"; "yes"; or, for a report whose study did not end or ran fewer seeds than the goal asks
 * for, what the seeds run so far say. */
function metText(report: SmallestReport, s: SmallestSummary): string {
  if (!s.goalMet) return 'no';
  const planned = report.planned?.seeds.length;
  if (!report.complete) return `so far (partial: ${s.seeds.length}${planned ? ` of ${planned}` : ''} seeds)`;
  return s.seeds.length < GOAL_SEEDS ? `on ${s.seeds.length} of the ${GOAL_SEEDS} seeds the goal asks for` : 'yes';
}

export function smallestGoalsTable(report: SmallestReport): string {
  return table(
    // Signed as the rows are (+ = above the reference): the worst seed's drop, negated.
    ['model', 'seeds run', 'goal', 'worst ratio', 'worst test vs reference pt', 'met'],
    report.summary.map((s) => [
      LABELS[s.model] ?? s.model,
      s.seeds.join(', '),
      `${num(s.goal.ratio, 0)}x at <= ${num(s.goal.points)} pt, every seed`,
      `${num(s.worstRatio)}x`,
      signed(-s.worstDropPoints, 2),
      metText(report, s),
    ]),
  );
}

/** The same seeds searched by two presets that differ in one setting: per model and seed of the
 * `after` reports, its run among the `before` ones, side by side. */
export function presetPairsTable(before: SmallestReport[], after: SmallestReport[], labels: { before: string; after: string }): string {
  const runs = before.flatMap((r) => r.runs);
  return table(
    ['model', 'seed', `${labels.before}: bytes, ratio, test vs reference pt`, `${labels.after}: bytes, ratio, test vs reference pt`, 'bytes saved'],
    after.flatMap((r) => r.runs).map((a) => {
      const b = runs.find((r) => r.model === a.model && r.seed === a.seed);
      if (!b) throw new Error(`No ${a.model} seed ${a.seed} among the reports to compare with.`);
      const cell = (r: SmallestRun) => `${num(r.bytes, 0)}, ${num(r.ratio)}x, ${signed(-r.dropPoints, 2)}`;
      return [LABELS[a.model] ?? a.model, String(a.seed), cell(b), cell(a) + biasText(a).replace(';', ','), `${num((100 * (b.bytes - a.bytes)) / b.bytes)}%`];
    }),
  );
}
