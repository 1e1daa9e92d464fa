// The keys of every chart that can be read from the keyboard (focus it with Tab), one meaning
// each, the same on every chart (the convention of charting libraries' keyboard modules such as
// Highcharts': arrows left and right walk a series, up and down change series):
//
//   ArrowRight / ArrowLeft  the next / previous point of the current series, rightwards /
//                           leftwards on screen (the first press starts at the first / last point)
//   ArrowDown / ArrowUp     the next / previous series in legend order, at its point nearest the
//                           same x; a chart with one series leaves these keys to the page (scroll)
//   Home / End              the first / last point of the current series
//   Enter (or Space)        acts on the point, where the chart has an action (the size-vs-accuracy
//                           chart loads its settings); elsewhere the key is left to the page
//   Escape                  clears the pick
//
// A chart describes its points as tracks: per series, the indices of its points in the order
// they are drawn from left to right. The helper is pure; useChartKeys holds the cursor.

/** A picked point: the series (track) and the position along it. */
export interface Cursor {
  series: number;
  index: number;
}

export type ChartKeyAction = { type: 'move'; cursor: Cursor } | { type: 'select' } | { type: 'clear' };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The series at or after `from` (by `step`) that has points, or -1. */
function seriesWithPoints(tracks: readonly (readonly number[])[], from: number, step: 1 | -1): number {
  for (let s = from; s >= 0 && s < tracks.length; s += step) if (tracks[s].length > 0) return s;
  return -1;
}

/** What `key` does on a chart whose cursor is `cursor` (null: nothing picked). `xOf(point)` is
 * the on-screen x of a point, to land on the nearest one when the series changes. Null: the key
 * is not the chart's, leave it to the page. */
export function chartKeyAction(key: string, cursor: Cursor | null, tracks: readonly (readonly number[])[], xOf: (point: number) => number, canSelect = false): ChartKeyAction | null {
  const first = seriesWithPoints(tracks, 0, 1);
  if (first < 0) return null;
  // A cursor left over from before the data changed is brought back inside it.
  const at = cursor && tracks[cursor.series]?.length ? { series: cursor.series, index: clamp(cursor.index, 0, tracks[cursor.series].length - 1) } : null;
  const s = at?.series ?? first;
  const last = tracks[s].length - 1;
  switch (key) {
    case 'ArrowRight':
      return { type: 'move', cursor: { series: s, index: at ? Math.min(last, at.index + 1) : 0 } };
    case 'ArrowLeft':
      return { type: 'move', cursor: { series: s, index: at ? Math.max(0, at.index - 1) : last } };
    case 'Home':
      return { type: 'move', cursor: { series: s, index: 0 } };
    case 'End':
      return { type: 'move', cursor: { series: s, index: last } };
    case 'ArrowDown':
    case 'ArrowUp': {
      if (seriesWithPoints(tracks, first + 1, 1) < 0) return null; // one series: nothing to change
      if (!at) return { type: 'move', cursor: { series: first, index: 0 } };
      const next = seriesWithPoints(tracks, s + (key === 'ArrowDown' ? 1 : -1), key === 'ArrowDown' ? 1 : -1);
      if (next < 0) return { type: 'move', cursor: at };
      const x = xOf(tracks[s][at.index]);
      let best = 0;
      for (let i = 1; i < tracks[next].length; i++) if (Math.abs(xOf(tracks[next][i]) - x) < Math.abs(xOf(tracks[next][best]) - x)) best = i;
      return { type: 'move', cursor: { series: next, index: best } };
    }
    case 'Enter':
    case ' ':
      return canSelect && at ? { type: 'select' } : null;
    case 'Escape':
      return at ? { type: 'clear' } : null;
    default:
      return null;
  }
}

/** The point a cursor stands on (an index into the chart's points), or null. */
export function pointAt(cursor: Cursor | null, tracks: readonly (readonly number[])[]): number | null {
  if (!cursor) return null;
  const track = tracks[cursor.series];
  return track && track.length ? track[clamp(cursor.index, 0, track.length - 1)] : null;
}

/** The screen-reader help every keyboard chart appends to its name, in the same words. */
export function keyboardHelp({ series, select }: { series: boolean; select?: string }): string {
  return [
    'Left and right arrow keys move from point to point, Home and End to the first and last',
    series ? 'up and down arrow keys change series' : '',
    select ? `Enter ${select}` : '',
    'Escape clears',
  ]
    .filter(Boolean)
    .join('; ')
    .concat('.');
}
