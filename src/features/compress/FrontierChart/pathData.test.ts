// The search's path on the chart: the rounds' candidates are one line; a polish goes back to an
// earlier mask, so it starts a line of its own instead of drawing a jump across the chart.
import { describe, expect, it } from 'vitest';
import { pathData, type PathPoint } from './pathData';

const at = (bytes: number, accuracy: number, polish?: number): PathPoint => ({ bytes, accuracy, withinBudget: true, ...(polish === undefined ? {} : { polish }) });
const identity = (v: number) => v;

describe('pathData', () => {
  it('joins the rounds in order and starts a new line at each polish', () => {
    const d = pathData([at(9000, 97), at(8000, 96.5), at(5000, 96.8, 11), at(4000, 96.6, 11), at(7000, 97, 12)], identity, identity);
    expect(d).toBe('M9.0,97.0L8.0,96.5M5.0,96.8L4.0,96.6M7.0,97.0');
  });

  it('is one line without a polish', () => {
    expect(pathData([at(2000, 90), at(1000, 80)], identity, identity)).toBe('M2.0,90.0L1.0,80.0');
  });
});
