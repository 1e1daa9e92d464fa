// Starting one tfjs backend, and asking the browser what it offers before trying (WebGPU adapter).
import * as tf from '@tensorflow/tfjs';
import { loadAdamKernel } from './adam-loader';
import type { BackendName } from './protocol';

/** Starts `name`; null when it runs, else why not (a sentence fragment). */
export async function trySetBackend(name: BackendName): Promise<string | null> {
  try {
    if (name === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    // WebGPU's backend (70 KB gzip) is loaded only when it is timed or chosen: most runs never
    // need it, and the worker starts sooner without it. Importing registers it with tfjs.
    if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok || tf.getBackend() !== name) return `${name} did not initialise`;
    if (name === 'wasm') await loadAdamKernel();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The two calls needed of WebGPU (typed locally: the project compiles without @webgpu/types). */
interface GpuLike {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null>;
}

export interface WebgpuProbe {
  /** null when an adapter is there; else why WebGPU cannot run here. */
  missing: string | null;
  /** "vendor architecture", e.g. "google swiftshader", to key remembered measurements. */
  adapter?: string;
}

/** Asks for a WebGPU adapter. Firefox ESR and WebKit have no navigator.gpu; Chromium without a
 * usable GPU (or, headless, without --enable-unsafe-webgpu) answers with no adapter. */
export async function probeWebgpu(): Promise<WebgpuProbe> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { missing: 'this browser has no WebGPU' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { missing: 'the browser offers no WebGPU adapter' };
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
    return { missing: null, adapter: name || 'unnamed adapter' };
  } catch (err) {
    return { missing: `asking for a WebGPU adapter failed (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** Frees a WebGL backend that lost the measurement, so its context goes; tfjs builds it again
 * from its factory if the person picks it later. WebGPU is kept: built a second time in headless
 * Chromium (SwiftShader) its requestAdapter() answered null. */
export function releaseBackend(name: BackendName): void {
  if (name !== 'webgl') return;
  const engine = tf.engine() as unknown as { registry: Record<string, { dispose(): void } | undefined> };
  try {
    engine.registry[name]?.dispose();
  } catch {
    // Nothing more to free.
  }
  delete engine.registry[name];
}
