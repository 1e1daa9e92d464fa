// The results file the History exports and imports: { format, version, exportedAt, runs }.
// Each run is checked against its kind's schema (./runSchemas) all the way down, so whatever
// reaches the store is a run the page can draw.
// Version 1 held training runs only (no "kind"); version 2 holds every kind, each run saying
// which ("kind" absent: training, as a run kept before there were kinds is written). Both import.
import * as v from 'valibot';
import { KIND_SCHEMAS } from './runSchemas';
import { RUN_KINDS, type RunKind, type RunRecord } from './types';

export { RUN_LIMITS } from './runSchemas';

export const RESULTS_FORMAT = 'compression-playground-results';
/** 2: runs of every kind (training, lottery, transfer). */
export const RESULTS_VERSION = 2;
/** The versions this playground reads. */
const READABLE_VERSIONS = [1, 2];
export const MAX_IMPORTED_RUNS = 1000;

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

/** A run checked against its kind's schema (version 1 knew training runs only), or what is
 * wrong with it as the end of a sentence that starts with `where`. */
function parseRun(run: unknown, version: number, where: string): { run: RunRecord } | { error: string } {
  const kind = (run as { kind?: unknown } | null)?.kind ?? 'training';
  const known: readonly string[] = version === 1 ? ['training'] : RUN_KINDS;
  if (typeof kind !== 'string' || !known.includes(kind)) {
    return { error: `${where} is of a kind this playground does not know (${JSON.stringify(String(kind).slice(0, 30))}; it knows ${known.join(', ')}).` };
  }
  const parsed = v.safeParse(KIND_SCHEMAS[kind as RunKind], run);
  return parsed.success ? { run: parsed.output } : { error: describeIssue(parsed.issues, `${where} is not valid`) };
}

/** What is wrong with a stored or imported run, as a short phrase ("at \"curves\": Invalid
 * type..."), or null when it is a run the page can draw. */
export function runProblem(run: unknown): string | null {
  const parsed = parseRun(run, RESULTS_VERSION, 'damaged: it');
  return 'error' in parsed ? parsed.error.replace(/^damaged: it is not valid/, 'damaged') : null;
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
  if (!READABLE_VERSIONS.includes(version)) {
    return { error: `This results file is version ${String(version).slice(0, 12)}; this playground reads versions ${READABLE_VERSIONS.join(' and ')}.` };
  }
  const runs: RunRecord[] = [];
  for (let i = 0; i < outer.output.runs.length; i++) {
    const parsed = parseRun(outer.output.runs[i], version, `Run ${i + 1} of the results file`);
    if ('error' in parsed) return parsed;
    runs.push(parsed.run);
  }
  if (runs.length === 0) return { error: 'This results file holds no runs.' };
  return { runs };
}
