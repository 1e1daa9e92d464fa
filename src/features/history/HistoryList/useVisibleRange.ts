// Which rows of a fixed-height list are in view of its scroll box, plus `overscan` either side,
// and the row height for the box's width (taller rows on a narrow screen). The state changes
// only when the range or the height does, so scrolling within a row redraws nothing. `measure`
// is returned too, for a caller that moved the scroll position and cannot wait for its event.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface RowRange {
  first: number;
  last: number;
}

export function useVisibleRange(
  rowHeightFor: (width: number) => number,
  count: number,
  overscan: number,
): [RefObject<HTMLDivElement | null>, RowRange, number, () => void] {
  const ref = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<RowRange>({ first: 0, last: overscan * 3 });
  const [rowHeight, setRowHeight] = useState(() => rowHeightFor(Number.POSITIVE_INFINITY));

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const height = rowHeightFor(el.clientWidth);
    const first = Math.max(0, Math.floor(el.scrollTop / height) - overscan);
    const last = Math.min(count - 1, Math.ceil((el.scrollTop + el.clientHeight) / height) + overscan);
    setRowHeight(height);
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, [rowHeightFor, count, overscan]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [measure]);

  return [ref, range, rowHeight, measure];
}
