// Decides which backend to start from what was measured on this device (a pure function, so the
// rule is unit-tested without a browser): the person's override first; otherwise the backend
// that trained the chosen model fastest, measured now or remembered from an earlier visit.
// WebAssembly and then plain JavaScript stay behind as fallbacks when the winner fails to start.
import type { BackendChoice } from '../engine/spec/types';
import type { BackendMeasurement, BackendName, BackendTimings } from './protocol';

export interface BackendPlan {
  /** Backends to try, in order; the first that starts runs. */
  order: BackendName[];
  /** Why the first one, in a sentence for the page. */
  reason: string;
}

const FALLBACKS: readonly BackendName[] = ['wasm', 'cpu'];

const LABEL: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'plain JavaScript (cpu)',
};

export const backendLabel = (name: BackendName): string => LABEL[name];

function withFallbacks(first: BackendName): BackendName[] {
  return [first, ...FALLBACKS.filter((b) => b !== first)];
}

/** The measured backend with the most samples per second, or null when none ran. */
export function fastest(measured: readonly BackendMeasurement[]): BackendMeasurement | null {
  let best: BackendMeasurement | null = null;
  for (const m of measured) {
    if (m.samplesPerSecond === null || !(m.samplesPerSecond > 0)) continue;
    if (!best || m.samplesPerSecond > (best.samplesPerSecond ?? 0)) best = m;
  }
  return best;
}

const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

/** "WebAssembly 10,711 samples/s, 14x WebGL (755); WebGPU skipped (no adapter)." */
function explain(best: BackendMeasurement, timings: BackendTimings): string {
  const bestRate = best.samplesPerSecond ?? 0;
  let cut = false;
  // The card's sentence keeps a skip's first clause; the renderer's name and the like stay in
  // the "Measured speeds" table, which the sentence then points to.
  const brief = (error: string) => {
    const short = error.replace(/\s*\(.*$/s, '');
    cut ||= short !== error;
    return short;
  };
  const others = timings.measured
    .filter((m) => m !== best)
    .map((m) =>
      m.samplesPerSecond === null
        ? `${LABEL[m.name]} skipped (${brief(m.error ?? 'it did not start')})`
        : `${(bestRate / m.samplesPerSecond).toFixed(1)}x ${LABEL[m.name]} (${rate(m.samplesPerSecond)})`,
    );
  const when = timings.remembered ? 'Measured earlier on this device' : 'Measured just now';
  const list = others.length > 0 ? `: ${others.join('; ')}` : '';
  return `${when}, ${LABEL[best.name]} trained ${timings.model} fastest, ${rate(bestRate)} samples/s${list}.${cut ? ' Details under Measured speeds.' : ''}`;
}

export function planBackend(choice: BackendChoice, timings: BackendTimings | null): BackendPlan {
  if (choice !== 'auto') return { order: withFallbacks(choice), reason: 'You chose this backend.' };
  const best = timings ? fastest(timings.measured) : null;
  if (!timings || !best) {
    const why = timings
      ? `No backend could be measured here (${timings.measured.map((m) => `${LABEL[m.name]}: ${m.error ?? 'no figure'}`).join('; ')}), so WebAssembly is tried first.`
      : 'Nothing was measured, so WebAssembly is tried first.';
    return { order: withFallbacks('wasm'), reason: why };
  }
  return { order: withFallbacks(best.name), reason: explain(best, timings) };
}

/** Where a run goes when `failed` dies under it: the next fastest backend measured here, else
 * WebAssembly, else plain JavaScript. */
export function nextAfterFailure(failed: BackendName, timings: BackendTimings | null | undefined): BackendName {
  const rest = (timings?.measured ?? []).filter((m) => m.name !== failed);
  return fastest(rest)?.name ?? (failed === 'wasm' ? 'cpu' : 'wasm');
}

/** A remembered measurement is used only if it timed every backend that can be measured now
 * (a browser that gained WebGPU measures again) and is not older than `maxAgeMs`. */
export function stillValid(
  remembered: BackendTimings | null,
  candidates: readonly BackendName[],
  now: number,
  maxAgeMs: number,
): remembered is BackendTimings {
  if (!remembered || now - remembered.at > maxAgeMs || now < remembered.at) return false;
  return candidates.every((c) => remembered.measured.some((m) => m.name === c));
}
