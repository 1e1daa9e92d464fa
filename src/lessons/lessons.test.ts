// The lessons are content, but content that can break: a link the codec rejects, a glossary
// mark with no entry, an answer that is not one of the options.
import { describe, expect, it } from 'vitest';
import { decodeExperiment } from '../url/codec';
import { GLOSSARY } from './glossary';
import { LESSONS } from './lessons';
import { parseMarkup, unknownTerms } from './markup';

const steps = LESSONS.flatMap((lesson) => lesson.steps.map((step) => ({ lesson, step })));

describe('lessons', () => {
  it('has at least four lessons: pruning, quantization, lottery tickets, transfer learning', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(['pruning', 'quantization', 'lottery', 'transfer']);
    for (const lesson of LESSONS) expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
  });

  it.each(steps.map(({ lesson, step }) => [`${lesson.id}/${step.id}`, step] as const))('%s: its link opens cleanly in its view', (_, step) => {
    const decoded = decodeExperiment(`#${step.experiment.link}`);
    expect(decoded.notes).toEqual([]);
    const view = new URLSearchParams(step.experiment.link).get('view');
    expect(decoded.experiment.view).toBe(view);
  });

  it('asks a question whose answer is one of its options, and explains it', () => {
    for (const { step } of steps) {
      const { options, answer, explanation } = step.prediction;
      expect(options.length).toBeGreaterThanOrEqual(2);
      expect(new Set(options).size).toBe(options.length);
      expect(answer).toBeGreaterThanOrEqual(0);
      expect(answer).toBeLessThan(options.length);
      expect(explanation.length).toBeGreaterThan(40);
    }
  });

  it('marks only terms the glossary defines, and uses most of the glossary', () => {
    const texts = steps.flatMap(({ step }) => [step.text, step.prediction.prompt, step.prediction.explanation]);
    expect(texts.flatMap(unknownTerms)).toEqual([]);
    const used = new Set(texts.flatMap((t) => parseMarkup(t).flatMap((s) => (s.kind === 'term' ? [s.id] : []))));
    expect(used.size).toBeGreaterThanOrEqual(Object.keys(GLOSSARY).length * 0.6);
  });
});

describe('parseMarkup', () => {
  it('turns marks into terms and leaves the rest as text', () => {
    expect(parseMarkup('A {sparsity} of 90% and the {pareto|frontier}.')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'term', id: 'sparsity', text: 'sparsity' },
      { kind: 'text', text: ' of 90% and the ' },
      { kind: 'term', id: 'pareto', text: 'frontier' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps an unknown mark and stray braces as plain text', () => {
    expect(parseMarkup('{nosuch} and { x } <b>')).toEqual([
      { kind: 'text', text: '{nosuch}' },
      { kind: 'text', text: ' and { x } <b>' },
    ]);
    expect(unknownTerms('{nosuch} {mask}')).toEqual(['nosuch']);
  });
});
