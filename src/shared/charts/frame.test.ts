import { describe, expect, it } from 'vitest';
import { MARGINS, plotFrame } from './frame';

describe('plotFrame', () => {
  it('is the chart less its margins', () => {
    expect(plotFrame(600, 300)).toEqual({ width: 600, height: 300, left: MARGINS.left, right: 600 - MARGINS.right, top: MARGINS.top, bottom: 300 - MARGINS.bottom });
  });
  it('stays at least a pixel wide and tall, the right way round, in a chart smaller than its margins', () => {
    const f = plotFrame(10, 5, { top: 12, right: 16, bottom: 36, left: 48 });
    expect(f.right - f.left).toBe(1);
    expect(f.bottom - f.top).toBe(1);
  });
});
