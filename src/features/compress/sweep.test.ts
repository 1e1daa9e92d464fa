import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPRESS_UI, settingsKey } from '../../url/compressControls';
import { paretoFrontier } from './pareto';
import { sweepGrid } from './sweep';

describe('sweep grid', () => {
  it('sweeps distinct settings, with the random control for magnitude pruning', () => {
    const grid = sweepGrid(DEFAULT_COMPRESS_UI, 0);
    expect(new Set(grid.map(settingsKey)).size).toBe(grid.length);
    expect(grid.filter((s) => s.pruning.method === 'random')).toHaveLength(6);
    expect(sweepGrid({ ...DEFAULT_COMPRESS_UI, method: 'structured' }, 0)).toHaveLength(28);
  });
});

describe('paretoFrontier', () => {
  it('keeps the points more accurate than every smaller one', () => {
    const pts = [
      { encodedBytes: 30, accuracy: 0.9 },
      { encodedBytes: 10, accuracy: 0.5 },
      { encodedBytes: 20, accuracy: 0.4 },
      { encodedBytes: 40, accuracy: 0.95 },
      { encodedBytes: 50, accuracy: 0.95 },
    ];
    expect(paretoFrontier(pts).map((p) => p.encodedBytes)).toEqual([10, 30, 40]);
    expect(paretoFrontier([])).toEqual([]);
  });
});
