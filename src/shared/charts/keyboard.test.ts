import { describe, expect, it } from 'vitest';
import { chartKeyAction, keyboardHelp, pointAt, type Cursor } from './keyboard';

// Two series: points 0-2 at x 10, 20, 30; points 3-4 at x 18, 31. A third series is empty.
const TRACKS = [[0, 1, 2], [3, 4], []];
const X = [10, 20, 30, 18, 31];
const xOf = (p: number) => X[p];
const press = (key: string, cursor: Cursor | null, tracks: number[][] = TRACKS, canSelect = false) => chartKeyAction(key, cursor, tracks, xOf, canSelect);
const moveTo = (series: number, index: number) => ({ type: 'move', cursor: { series, index } });

describe('chart keys: one meaning on every chart', () => {
  it('the first press starts at the first point (ArrowLeft and End: the last) of the first series', () => {
    expect(press('ArrowRight', null)).toEqual(moveTo(0, 0));
    expect(press('Home', null)).toEqual(moveTo(0, 0));
    expect(press('ArrowLeft', null)).toEqual(moveTo(0, 2));
    expect(press('End', null)).toEqual(moveTo(0, 2));
    expect(press('ArrowDown', null)).toEqual(moveTo(0, 0));
    expect(press('ArrowUp', null)).toEqual(moveTo(0, 0));
  });

  it('left and right walk the series and stop at its ends', () => {
    expect(press('ArrowRight', { series: 0, index: 1 })).toEqual(moveTo(0, 2));
    expect(press('ArrowRight', { series: 0, index: 2 })).toEqual(moveTo(0, 2));
    expect(press('ArrowLeft', { series: 0, index: 1 })).toEqual(moveTo(0, 0));
    expect(press('ArrowLeft', { series: 0, index: 0 })).toEqual(moveTo(0, 0));
    expect(press('Home', { series: 1, index: 1 })).toEqual(moveTo(1, 0));
    expect(press('End', { series: 1, index: 0 })).toEqual(moveTo(1, 1));
  });

  it('down and up change series in legend order, landing on the point nearest the same x', () => {
    // x 20 -> series 1's point at 18 (index 0); x 30 -> 31 (index 1).
    expect(press('ArrowDown', { series: 0, index: 1 })).toEqual(moveTo(1, 0));
    expect(press('ArrowDown', { series: 0, index: 2 })).toEqual(moveTo(1, 1));
    // x 18 -> series 0's point at 20; x 31 -> 30.
    expect(press('ArrowUp', { series: 1, index: 0 })).toEqual(moveTo(0, 1));
    expect(press('ArrowUp', { series: 1, index: 1 })).toEqual(moveTo(0, 2));
  });

  it('down and up skip empty series and stay put at the first and last series', () => {
    expect(press('ArrowUp', { series: 0, index: 1 })).toEqual(moveTo(0, 1));
    expect(press('ArrowDown', { series: 1, index: 0 })).toEqual(moveTo(1, 0));
    expect(press('ArrowDown', { series: 0, index: 0 }, [[0, 1, 2], [], [3, 4]])).toEqual(moveTo(2, 0));
  });

  it('a chart with one series leaves up and down to the page (they scroll it)', () => {
    expect(press('ArrowDown', { series: 0, index: 1 }, [[0, 1, 2]])).toBeNull();
    expect(press('ArrowUp', null, [[0, 1, 2], []])).toBeNull();
  });

  it('Enter and Space act on the picked point only where the chart has an action', () => {
    expect(press('Enter', { series: 0, index: 1 }, TRACKS, true)).toEqual({ type: 'select' });
    expect(press(' ', { series: 0, index: 1 }, TRACKS, true)).toEqual({ type: 'select' });
    expect(press('Enter', null, TRACKS, true)).toBeNull();
    expect(press('Enter', { series: 0, index: 1 }, TRACKS, false)).toBeNull();
  });

  it('Escape clears a pick; other keys and empty charts are left to the page', () => {
    expect(press('Escape', { series: 0, index: 1 })).toEqual({ type: 'clear' });
    expect(press('Escape', null)).toBeNull();
    expect(press('Tab', { series: 0, index: 1 })).toBeNull();
    expect(press('a', null)).toBeNull();
    expect(press('ArrowRight', null, [])).toBeNull();
    expect(press('ArrowRight', null, [[], []])).toBeNull();
  });

  it('a cursor left over from larger data is brought back inside it', () => {
    expect(press('ArrowRight', { series: 1, index: 9 })).toEqual(moveTo(1, 1));
    expect(press('ArrowLeft', { series: 7, index: 0 })).toEqual(moveTo(0, 2));
    expect(pointAt({ series: 1, index: 9 }, TRACKS)).toBe(4);
    expect(pointAt({ series: 2, index: 0 }, TRACKS)).toBeNull();
    expect(pointAt(null, TRACKS)).toBeNull();
  });

  it('says the same help on every chart, naming only the keys that do something there', () => {
    expect(keyboardHelp({ series: false })).toBe('Left and right arrow keys move from point to point, Home and End to the first and last; Escape clears.');
    expect(keyboardHelp({ series: true, select: "loads the point's settings" })).toBe(
      "Left and right arrow keys move from point to point, Home and End to the first and last; up and down arrow keys change series; Enter loads the point's settings; Escape clears.",
    );
  });
});
