import { describe, expect, it } from 'vitest';
import { accuracyTicks } from '../../../shared/charts/chartData';
import { accuracyFloors } from './yFloor';

describe('the accuracy axis of the size-vs-accuracy chart', () => {
  it('zooms a search that stayed within a point of the dense model to just under its lowest point', () => {
    // An auto-compress path of the page's default model: 96.4-98.3% beside a 97.0% dense model.
    const floors = accuracyFloors([97.0, 96.4, 97.2, 98.3, 97.19], 97.0);
    expect(floors).toEqual({ auto: 90, zoom: 95 });
    expect(accuracyTicks(95)).toEqual([95, 96, 97, 98, 99, 100]);
  });

  it('once some points collapse, shows them all unzoomed and zooms to 3 points under the dense model', () => {
    expect(accuracyFloors([97.0, 96.1, 42.5], 97.0)).toEqual({ auto: 40, zoom: 90 });
    expect(accuracyFloors([98.9, 88.2], 98.9)).toEqual({ auto: 80, zoom: 90 });
    expect(accuracyFloors([80.1, 60.3], 80.1)).toEqual({ auto: 50, zoom: 75 });
  });

  it('offers no zoom that would not change the view', () => {
    expect(accuracyFloors([91.2, 95], 95).zoom).toBeNull(); // just under the lowest is 90 already
    expect(accuracyFloors([], 97).auto).toBe(90);
    expect(accuracyFloors([99.9, 100], 100)).toEqual({ auto: 90, zoom: 98 }); // never a 2-point-wide axis
    expect(accuracyFloors([NaN, 97], 97)).toEqual({ auto: 90, zoom: 96 });
  });
});
