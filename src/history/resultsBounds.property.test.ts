// Every number the results schema accepts is one the page can use (issue 16, item 1): a file with
// `createdAt: 8640000000000001` imported, and then the History list and the CSV export threw
// `RangeError: Invalid time value` on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime, runDateText } from './dates';
import { resultsCsv, resultsJson } from './exportResults';
import { validateResults } from './resultsSchema';
import { sampleRun } from './sampleRun';
import { summarize } from './summary';
import type { RunRecord, TrainingRunRecord, TrainingRunSummary } from './types';

const good = JSON.parse(resultsJson([sampleRun('a', 1)]));
const fileWith = (patch: (run: Record<string, unknown>) => void) => {
  const run = structuredClone(good.runs[0]);
  patch(run);
  return { ...good, runs: [run] };
};
const errorOf = (json: unknown) => {
  const r = validateResults(json);
  return 'error' in r ? r.error : 'accepted';
};

/** Numbers a file can hold that no formatter or chart here expects. */
const EXTREME = [8640000000000001, 8.64e15, 253402300800000, 1e21, 1e308, Number.MAX_VALUE, 2 ** 53, -1e-300, -0, 5e-324, 3.5e38, 101, 1e9];

describe('numbers in a results file', () => {
  it('refuses the times and sizes the page cannot show, naming the field', () => {
    expect(errorOf(fileWith((r) => (r.createdAt = 8640000000000001)))).toMatch(/^Run 1 of the results file is not valid at "createdAt"/);
    expect(errorOf(fileWith((r) => (r.createdAt = 253402300800000)))).toMatch(/at "createdAt"/); // year 10000
    expect(errorOf(fileWith((r) => (r.seconds = 1e300)))).toMatch(/at "seconds"/);
    expect(errorOf(fileWith((r) => (r.steps = 2 ** 53)))).toMatch(/at "steps"/);
    expect(errorOf(fileWith((r) => (r.denseBytes = 1e15)))).toMatch(/at "denseBytes"/);
    expect(errorOf(fileWith((r) => ((r.curves as { loss: { epoch: number }[] }).loss[0].epoch = 1e9)))).toMatch(/at "curves.loss.0.epoch"/);
    expect(errorOf(fileWith((r) => ((r.curves as { loss: { value: number }[] }).loss[0].value = 1e308)))).toMatch(/at "curves.loss.0.value"/);
    expect(errorOf(fileWith((r) => ((r.curves as { testAccuracy: { value: number }[] }).testAccuracy[0].value = 101)))).toMatch(/at "curves.testAccuracy.0.value"/);
    expect(errorOf(fileWith((r) => (r.createdAt = Date.UTC(9999, 11, 31))))).toBe('accepted');
  });

  it('lets through only runs that can be dated, summarized and exported', () => {
    const number = fc.oneof(fc.constantFrom(...EXTREME), fc.double(), fc.integer({ min: -1, max: 2 ** 33 }));
    const fields = ['createdAt', 'seconds', 'steps', 'epochs', 'denseBytes', 'testAccuracy', 'curves.loss.0.epoch', 'curves.loss.0.value', 'curves.testAccuracy.0.value', 'points.0.encodedBytes', 'points.0.sparsity'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...fields), number), { minLength: 1, maxLength: 4 }), (patches) => {
        const json = fileWith((run) => {
          for (const [path, value] of patches) {
            const keys = path.split('.');
            let at = run as Record<string, unknown>;
            for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
            at[keys[keys.length - 1]] = value;
          }
        });
        const r = validateResults(json);
        if ('error' in r) return;
        const run = r.runs[0] as TrainingRunRecord;
        expect(isoTime(run.createdAt)).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(runDateText(run.createdAt)).not.toBe('unknown date');
        expect(() => resultsCsv([run])).not.toThrow();
        expect((summarize(run) as TrainingRunSummary).pointCount).toBe(run.points.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('exports a stored run whose time is no date with an empty date, not an error', () => {
    const stored = sampleRun('old', 8640000000000001);
    const csv = resultsCsv([stored]);
    expect(csv.split('\r\n')[1]).toMatch(/^"old","[^"]*","",/);
    expect(runDateText(8640000000000001)).toBe('unknown date');
    expect(runDateText(Number.NaN)).toBe('unknown date');
  });

  it('exports the rows a damaged record still has (no curves, no points)', () => {
    const { curves: _c, points: _p, ...damaged } = sampleRun('damaged', 1);
    const lines = resultsCsv([damaged as RunRecord]).split('\r\n');
    expect(lines.filter((l) => l.startsWith('"damaged"')).map((l) => l.split(',')[7])).toEqual(['"final_test_accuracy"', '"final_validation_accuracy"', '"training_seconds"', '"dense_float32_bytes"']);
  });
});
