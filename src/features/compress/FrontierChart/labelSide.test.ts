import { describe, expect, it } from 'vitest';
import { denseLabelPlace } from './labelSide';

const frame = { left: 40, right: 940 };

describe('the dense line label', () => {
  it('goes above the line, away from the now ring, when nothing else is near the line', () => {
    expect(denseLabelPlace(frame, 300, [], { x: 900, y: 300 })).toEqual({ side: 'left', above: true });
    expect(denseLabelPlace(frame, 300, [], { x: 100, y: 250 })).toEqual({ side: 'right', above: true });
    expect(denseLabelPlace(frame, 300, [], null)).toEqual({ side: 'left', above: true });
  });

  it('moves off an auto-compress path that runs just above the line at the left', () => {
    // The page's case: the dense model ringed at the right end of its own line, the search's
    // path just above the line at the left: the label goes under the line at the left.
    const path = [60, 80, 100, 120, 150].map((x) => ({ x, y: 292 }));
    expect(denseLabelPlace(frame, 300, path, { x: 905, y: 300 })).toEqual({ side: 'left', above: false });
    // With the ring elsewhere, the right end above the line is free.
    expect(denseLabelPlace(frame, 300, path, { x: 500, y: 280 })).toEqual({ side: 'right', above: true });
  });

  it('counts only points in the label box: far above or below the line do not matter', () => {
    const far = [60, 80, 100].map((x) => ({ x, y: 200 }));
    expect(denseLabelPlace(frame, 300, far, { x: 905, y: 300 })).toEqual({ side: 'left', above: true });
  });
});
