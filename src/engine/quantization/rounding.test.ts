import { describe, expect, it } from 'vitest';
import { roundHalfToEven } from './rounding';

describe('roundHalfToEven', () => {
  it('sends ties to the even neighbour, unlike Math.round', () => {
    const ties = [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 126.5, 127.5];
    // `+ 0` folds -0 into 0: the sign of a zero code does not matter.
    expect(ties.map((x) => roundHalfToEven(x) + 0)).toEqual([-4, -2, -2, 0, 0, 2, 2, 4, 126, 128]);
    expect(ties.map(Math.round)).toEqual([-3, -2, -1, -0, 1, 2, 3, 4, 127, 128]);
  });

  it('rounds everything else to the nearest integer', () => {
    expect([-2.6, -2.4, -0.2, 0, 0.49999, 0.51, 7, 1e9 + 0.7].map((x) => roundHalfToEven(x) + 0)).toEqual([
      -3, -2, 0, 0, 0, 1, 7, 1e9 + 1,
    ]);
    // Beyond 2^51 the fallback path: ties still go to even.
    expect([2 ** 51 + 0.5, 2 ** 51 + 1.5, 2 ** 53].map(roundHalfToEven)).toEqual([2 ** 51, 2 ** 51 + 2, 2 ** 53]);
  });
});
