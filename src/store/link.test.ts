import { describe, expect, it } from 'vitest';
import { isNavigationHash } from './link';

describe('isNavigationHash', () => {
  it('tells a bare view link from a shared experiment', () => {
    expect(isNavigationHash('#view=compress')).toBe(true);
    expect(isNavigationHash('view=learn')).toBe(true);
    expect(isNavigationHash('#view=compress&epochs=1')).toBe(false);
    expect(isNavigationHash('#v=1&view=train&seed=9')).toBe(false);
    expect(isNavigationHash('#seed=3')).toBe(false);
    expect(isNavigationHash('#')).toBe(false);
    expect(isNavigationHash('')).toBe(false);
  });
});
