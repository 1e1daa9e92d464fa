import { describe, expect, it } from 'vitest';
import { nearestAlongX, nearestPoint } from './nearest';

describe('nearestPoint (pointer -> point, in pixels)', () => {
  const xs = Float64Array.of(10, 50, 52);
  const ys = Float64Array.of(10, 50, 80);
  it('finds the closest point within the radius', () => {
    expect(nearestPoint(xs, ys, 12, 11, 24)).toBe(0);
    expect(nearestPoint(xs, ys, 51, 60, 24)).toBe(1);
    expect(nearestPoint(xs, ys, 51, 70, 24)).toBe(2);
  });
  it('says null when nothing is that close, or there are no points', () => {
    expect(nearestPoint(xs, ys, 200, 200, 24)).toBeNull();
    expect(nearestPoint([], [], 0, 0, 24)).toBeNull();
    expect(nearestPoint(xs, ys, Number.NaN, 10, 24)).toBeNull();
  });
});

describe('nearestAlongX (epoch -> the measurement nearest it)', () => {
  const points = [0.1, 0.5, 1, 2].map((epoch) => ({ epoch }));
  const at = (x: number) => nearestAlongX(points, x, (p) => p.epoch);
  it('binary-searches a sorted series, the earlier point on a tie', () => {
    expect(at(0)).toBe(0);
    expect(at(0.31)).toBe(1);
    expect(at(0.75)).toBe(1); // 0.5 and 1 are as close: the earlier
    expect(at(1.5)).toBe(2);
    expect(at(9)).toBe(3);
  });
  it('empty is null; NaN lands somewhere without hanging', () => {
    expect(nearestAlongX([], 1, (p: number) => p)).toBeNull();
    expect(at(Number.NaN)).not.toBeNull();
  });
});
