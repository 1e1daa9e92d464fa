// Load check for `npm run bench` (issue 7, item 3): the Compress view's frontier chart with
// thousands of measured points, drawn by the real component from the real store. The points are
// synthetic (sizes and accuracies shaped like a LeNet-300-100 sweep): what is measured is the
// page's drawing and hovering, not the model.
import { createRoot } from 'react-dom/client';
import { PRUNING_METHOD_IDS } from '../engine/pruning/registry';
import { FrontierChart } from '../features/compress/FrontierChart';
import { labPoint } from '../features/compress/shown';
import { useAppStore } from '../store';
import { BIT_WIDTHS, DEFAULT_COMPRESS_UI, toCompressionSettings } from '../url/compressControls';
import type { CompressionPoint } from '../worker/compression-protocol';

export const DENSE_BYTES = 1_066_440;

export function syntheticPoint(i: number, n: number): CompressionPoint {
  const sparsity = Math.min(0.999, (i / n) * 0.999);
  const bits = BIT_WIDTHS[i % BIT_WIDTHS.length];
  const method = PRUNING_METHOD_IDS[i % PRUNING_METHOD_IDS.length];
  const settings = toCompressionSettings({ ...DEFAULT_COMPRESS_UI, sparsity, bits, method }, 0);
  const encodedBytes = Math.max(2_000, DENSE_BYTES * (1 - sparsity) * (Math.min(bits, 32) / 32) * 1.3);
  const accuracy = Math.max(0.1, 0.98 - 0.9 * sparsity ** 12 - (bits <= 2 ? 0.3 : 0) - (method === 'random' ? 0.2 * sparsity : 0));
  return {
    jobId: i,
    settings,
    sparsity,
    denseBytes: DENSE_BYTES,
    encodedBytes,
    ratio: DENSE_BYTES / encodedBytes,
    denseMacs: 266_200,
    sparseMacs: Math.round(266_200 * (1 - sparsity)),
    breakdown: [],
    notes: [],
    accuracy,
    evaluatedOn: 10_000,
    estimate: false,
    ms: 0,
  };
}

/** Mounts the frontier chart with `n` points; resolves with the milliseconds the mount took. */
export function mountFrontierLoad(n: number): Promise<number> {
  const points = Array.from({ length: n }, (_, i) => labPoint(syntheticPoint(i, n), 0));
  useAppStore.setState({
    points,
    current: points[Math.floor(n / 2)],
    baseline: { modelId: 'lenet_300_100', modelLabel: 'LeNet-300-100', reference: 'dense model', denseBytes: DENSE_BYTES, denseMacs: 266_200, accuracy: 0.98, testCount: 10_000, sparsity: 0, firstKernelShape: [784, 300] },
    baselineStatus: 'ready',
    labModelId: 0,
  });
  const host = document.createElement('div');
  host.className = 'frontier-load';
  host.style.cssText = 'width: 900px; height: 560px; display: flex; flex-direction: column;';
  document.body.append(host);
  const t0 = performance.now();
  createRoot(host).render(<FrontierChart />);
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)));
}
