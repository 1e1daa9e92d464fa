// The keyboard cursor of a chart (the keys are described once, in keyboard.ts): hand the
// returned onKeyDown and onBlur to the chart's focusable <svg>.
import { useState, type KeyboardEvent } from 'react';
import { chartKeyAction, pointAt, type Cursor } from './keyboard';

export interface ChartKeys {
  cursor: Cursor | null;
  /** The picked point (an index into the chart's points), or null. */
  picked: number | null;
  onKeyDown(e: KeyboardEvent<Element>): void;
  onBlur(): void;
}

/** `tracks`: per series, its points' indices from left to right; `xOf`: a point's screen x;
 * `onSelect`: what Enter does with the picked point (none: Enter is left to the page). */
export function useChartKeys(tracks: readonly (readonly number[])[], xOf: (point: number) => number, onSelect?: (point: number) => void): ChartKeys {
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const picked = pointAt(cursor, tracks);
  const onKeyDown = (e: KeyboardEvent<Element>) => {
    const action = chartKeyAction(e.key, cursor, tracks, xOf, onSelect !== undefined);
    if (!action) return;
    e.preventDefault();
    if (action.type === 'move') setCursor(action.cursor);
    else if (action.type === 'clear') setCursor(null);
    else if (picked !== null) onSelect?.(picked);
  };
  return { cursor, picked, onKeyDown, onBlur: () => setCursor(null) };
}
