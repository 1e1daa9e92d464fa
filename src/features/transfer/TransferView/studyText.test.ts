// The Transfer view's sentences about the study quote only figures from its reports: every
// number in them is a {=id} figure or one of the settings below, and every figure exists.
import { describe, expect, it } from 'vitest';
import { missingFigures, unmarkedNumbers } from '../../../claims/fill';
import { transferFigures } from '../../../claims/transfer';
import { FULL_PRETRAINING_HINT, MORE_SOURCE_DATA, studyText, WHAT_SURVIVES_PRUNING, WHAT_TRANSFERS } from './studyText';

// Settings and names, not measurements.
const ALLOWED = ['digits 5-9', 'digits 0-4', '0-4', '5-9', 'at 10 labels', 'at 100', 'at 1,000', 'at 100 labels', '100 labels', 'first 6,000', 'at 90% (340 of 3,400 convolution weights left)', 'at 90%', 'At 95%', 'At 98%', 'at 98%', '1/'];

const templates = [...Object.values(WHAT_TRANSFERS), ...Object.values(MORE_SOURCE_DATA), ...Object.values(WHAT_SURVIVES_PRUNING), FULL_PRETRAINING_HINT];

describe('the Transfer view’s study sentences', () => {
  it.each(templates.map((t) => [t.slice(0, 50), t] as const))('%s…: every number is a figure from a report', (_, template) => {
    expect(missingFigures(template, transferFigures())).toEqual([]);
    expect(unmarkedNumbers(template, ALLOWED)).toEqual([]);
    expect(studyText(template)).not.toMatch(/\{=/);
  });

  it('allows only phrases the sentences use', () => {
    const all = templates.join('\n');
    expect(ALLOWED.filter((p) => !all.includes(p))).toEqual([]);
  });
});
