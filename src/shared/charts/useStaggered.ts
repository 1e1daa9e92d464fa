// Hands a fast-changing value to an expensive chart on a fixed beat, in a task of its own.
// Each chart gets its own phase within the beat, so a store update and the two chart redraws
// land in separate short main-thread tasks instead of one long one, and each chart redraws at
// most 1000 / intervalMs times a second. (The page runs on preact/compat, whose startTransition
// runs its callback at once: no render is interrupted, so the beat and phases are what keep each
// task short.)
import { useEffect, useRef, useState } from 'react';

export function useStaggered<T>(value: T, intervalMs: number, phaseMs: number): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    latest.current = value;
    if (timer.current !== null) return;
    // Wait for the next slot of this chart's phase on the shared beat.
    const now = performance.now();
    const wait = (phaseMs - (now % intervalMs) + intervalMs) % intervalMs;
    timer.current = setTimeout(() => {
      timer.current = null;
      setShown(latest.current);
    }, wait);
  }, [value, intervalMs, phaseMs]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  return shown;
}
