// Every measured number a lesson or the README's results quote is a figure read from a report in
// reports/: a lesson names it {=id}, the README marks it <!--=id-->…<!--/--> or holds it in a
// generated table. Any other number must be one of the phrases below: a setting, a name or a
// published result, each with its reason. So a hand-typed measurement fails here, and a
// regenerated report shows up as a README to rewrite (npm run claims), never as a stale claim.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons/lessons';
import { fillFigures, unknownFigures } from '../lessons/markup';
import { FIGURES } from './figures';
import { unmarkedNumbers } from './fill';
import { readmeProblems, renderReadme } from './readme';
import { LESSON_ALLOWED, LESSON_ANSWERS, QUALITATIVE_CLAIMS } from './allowed';
import { README_ALLOWED, UNCHECKED_RESULTS } from './readmeAllowed';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const steps = LESSONS.flatMap((lesson) => lesson.steps.map((step) => ({ key: `${lesson.id}/${step.id}`, step })));
const textsOf = (s: (typeof steps)[number]['step']) => [s.title, s.text, s.experiment.action, s.prediction.prompt, s.prediction.explanation, ...s.prediction.options];


describe('lessons quote only figures from the reports', () => {
  it.each(steps.map((s) => [s.key, s] as const))('%s: every number is a figure, a setting or a published result', (_, { step }) => {
    for (const text of textsOf(step)) {
      expect(unknownFigures(text), text).toEqual([]);
      expect(unmarkedNumbers(text, LESSON_ALLOWED), text).toEqual([]);
    }
  });

  it('allows only phrases the lessons use', () => {
    const all = steps.flatMap(({ step }) => textsOf(step)).join('\n');
    expect(LESSON_ALLOWED.filter((p) => !all.includes(p))).toEqual([]);
  });

  it.each(Object.entries(LESSON_ANSWERS))('%s: the answer is what the reports show', (key, answerFromReports) => {
    const found = steps.find((s) => s.key === key);
    expect(found, key).toBeDefined();
    expect(found!.step.prediction.options[found!.step.prediction.answer]).toBe(answerFromReports());
  });

  it.each(QUALITATIVE_CLAIMS.map((c) => [c.step, c.says, c] as const))('%s: "%s" is what the reports show', (_, says, claim) => {
    const found = steps.find((s) => s.key === claim.step);
    expect(textsOf(found!.step).some((t) => t.includes(says))).toBe(true);
    expect(claim.holds()).toBe(true);
  });

  it('fills every figure in, each from its report', () => {
    const all = steps.flatMap(({ step }) => textsOf(step).map(fillFigures)).join('\n');
    expect(all).not.toMatch(/\{=/);
    for (const f of Object.values(FIGURES)) expect(f.source).toMatch(/^reports\/[a-z-]+\.json$/);
  });
});

describe('the README’s results quote only figures from the reports', () => {
  it('has every marked figure and table equal to the reports (npm run claims rewrites them)', () => {
    expect(readmeProblems(README, README_ALLOWED)).toEqual([]);
    expect(renderReadme(README)).toBe(README);
  });

  it('allows only phrases the README uses', () => {
    expect(README_ALLOWED.filter((p) => !README.includes(p))).toEqual([]);
  });

  it('checks every results section that is not listed as coming from elsewhere', () => {
    const results = README.slice(README.indexOf('\n## Results'), README.indexOf('\n## ', README.indexOf('\n## Results') + 3));
    const headings = [...results.matchAll(/^### (.*)$/gm)].map((m) => m[1]);
    const unchecked = headings.filter((h) => !/reports\/(compression|lottery|transfer|smallest)/.test(h));
    expect(unchecked).toEqual(Object.keys(UNCHECKED_RESULTS));
  });

  it('catches a hand-typed figure, a stale one and an unknown one', () => {
    const id = 'lottery.withinDownTo';
    const marked = `<!--=${id}-->${FIGURES[id].text}<!--/-->`;
    expect(README).toContain(marked);
    expect(readmeProblems(README.replace(marked, `<!--=${id}-->3.6<!--/-->`), README_ALLOWED)).toEqual([expect.objectContaining({ where: id })]);
    expect(readmeProblems(README.replace(marked, '3.6'), README_ALLOWED).map((p) => p.problem)).toEqual(['"3.6%" is neither a marked figure nor an allowed setting']);
    expect(readmeProblems(README.replace(marked, '<!--=lottery.nosuch-->1<!--/-->'), README_ALLOWED)[0].problem).toMatch(/no report/);
    // A table mark with a digit in its name, or one never closed, is caught, not skipped.
    expect(readmeProblems(`${README}\n<!--table:smallest-20k-->\n<!--/table-->\n`, README_ALLOWED)).toEqual([{ where: 'table smallest-20k', problem: 'no such table' }]);
    expect(readmeProblems(`${README}\n<!--table:smallest\n`, README_ALLOWED)).toEqual([expect.objectContaining({ where: 'tables' })]);
  });
});
