import { describe, expect, it } from 'vitest';
import { readoutSentence } from './readout';

const percent = (v: number) => `${v.toFixed(1)}%`;
const train = { name: 'Train', color: '#000', format: percent, points: [0.25, 0.5, 0.75, 1].map((epoch, i) => ({ epoch, value: 90 + i })) };
const test = { name: 'Test', color: '#000', format: percent, points: [{ epoch: 1, value: 95.5 }] };

describe("a curve chart's read-out (tooltip and screen reader)", () => {
  it("names every series' nearest measurement, and when it was taken if not at the cursor", () => {
    expect(readoutSentence([train, test], 0.5)).toBe('Epoch 0.5: Train 91.0%; Test 95.5% (at epoch 1).');
  });
  it('says so before anything is measured', () => {
    expect(readoutSentence([{ ...test, points: [] }], 0)).toBe('Epoch 0: nothing measured yet.');
  });
});
