// How long one chart redraw takes on the main thread, for `npm run bench` (README: "about a
// millisecond"): an input event is dispatched at the chart and the clock stops when a
// MutationObserver sees the redraw's DOM changes (its callback runs right after the render's
// microtask), so the figure is the component's render plus the DOM writes, without the browser's
// later style and paint.
import { createRoot } from 'react-dom/client';
import { CurveChart, type CurveSeries } from '../shared/charts/CurveChart';
import { appendPoints, EMPTY_SERIES, type Point } from '../shared/charts/series';
import { SERIES_COLORS } from '../shared/charts/palette';
import { useAppStore } from '../store';
import { labPoint } from '../features/compress/shown';

export interface RedrawTiming {
  redraws: number;
  medianMs: number;
  p95Ms: number;
}

function summarize(ms: number[]): RedrawTiming {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] * 100) / 100;
  return { redraws: s.length, medianMs: at(0.5), p95Ms: at(0.95) };
}

/** Fires `fire(i)` for i < n at `root`, one at a time, and times each until its DOM changes
 * (events that change nothing are left out after 200 ms). */
export async function timeRedraws(root: Element, n: number, fire: (i: number) => void): Promise<RedrawTiming> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const took = await new Promise<number | null>((resolve) => {
      let t0 = 0;
      const observer = new MutationObserver(() => {
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - t0);
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 200);
      t0 = performance.now();
      fire(i);
    });
    if (took !== null) ms.push(took);
    // Let the frame paint, as between two real pointer moves.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return summarize(ms);
}

export function key(target: Element, name: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
}

export function pointer(target: Element, clientX: number, clientY: number): void {
  target.dispatchEvent(new PointerEvent('pointermove', { clientX, clientY, bubbles: true }));
}

const wave = (n: number, at: (t: number) => number): Point[] => Array.from({ length: n }, (_, k) => ({ epoch: ((k + 1) * 5) / n, value: at((k + 1) / n) + Math.sin(k) * 0.3 }));

/** The Train view's accuracy chart at its fullest: three series of 300 points (the series cap)
 * over 5 epochs; the arrow keys move its read-out. */
export async function timeCurveRedraws(n = 60): Promise<RedrawTiming> {
  const make = (name: string, color: string, at: (t: number) => number): CurveSeries => ({ key: name, name, color, points: appendPoints(EMPTY_SERIES, wave(300, at)).points, format: (v) => `${v.toFixed(1)}%` });
  const series = [
    make('Train', SERIES_COLORS.train, (t) => 99 - 20 * Math.exp(-6 * t)),
    make('Validation', SERIES_COLORS.validation, (t) => 98 - 15 * Math.exp(-6 * t)),
    make('Test', SERIES_COLORS.test, (t) => 97.5 - 15 * Math.exp(-6 * t)),
  ];
  const host = document.createElement('div');
  host.className = 'curve-load';
  host.style.cssText = 'width: 640px; --chart-height: 300px;';
  document.body.append(host);
  createRoot(host).render(<CurveChart title="Accuracy" unit="%" series={series} epochs={5} yDomain={[70, 100]} yTickFormat={(v) => `${v}%`} />);
  await new Promise((r) => setTimeout(r, 300));
  const svg = host.querySelector('svg[tabindex]')!;
  return timeRedraws(host, n, () => key(svg, 'ArrowRight'));
}

/** The frontier chart mounted by mountFrontierLoad: pointer over successive markers, then the
 * arrow keys from point to point, then new points arriving one by one (as a sweep adds them: the
 * whole chart is drawn again). */
export async function timeFrontierRedraws(n = 60): Promise<{ hover: RedrawTiming; keys: RedrawTiming; newPoint: RedrawTiming }> {
  const host = document.querySelector('.frontier-load')!;
  const svg = host.querySelector('svg[tabindex]')!;
  const marks = [...svg.querySelectorAll('circle, rect, polygon')].filter((el) => !el.closest('.frontier-plot__current'));
  const step = Math.max(1, Math.floor(marks.length / n));
  const hover = await timeRedraws(host, n, (i) => {
    const box = marks[(i * step) % marks.length].getBoundingClientRect();
    pointer(svg, box.x + box.width / 2, box.y + box.height / 2);
  });
  svg.dispatchEvent(new PointerEvent('pointerleave', { bubbles: false }));
  const keys = await timeRedraws(host, n, () => key(svg, 'ArrowRight'));
  svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  const newPoint = await timeRedraws(host, 20, (i) => {
    const { points } = useAppStore.getState();
    const p = points[(i * 97) % points.length];
    // Another setting (a sparsity a hair apart), so it is a point of its own.
    const settings = { ...p.settings, pruning: { ...p.settings.pruning, sparsity: p.settings.pruning.sparsity + 1e-7 * (i + 1) } };
    useAppStore.setState({ points: [...points, labPoint({ ...p, settings, jobId: 1_000_000 + i, encodedBytes: p.encodedBytes * 1.01 }, p.modelId)] });
  });
  return { hover, keys, newPoint };
}
