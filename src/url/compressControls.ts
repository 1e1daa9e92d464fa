// What the Compress view's controls hold, and how they map to the engine's CompressionSettings.
// The sparsity slider is logarithmic in the weights left: each 100 positions keep ten times
// fewer weights, so 90%, 99% and 99.9% sit at exact positions and the high end gets fine steps.
import type { CompressionSettings } from '../engine/compression/compress';
import type { QuantScheme } from '../engine/quantization/types';
import { DEFAULT_COMPRESSION } from './defaults';
import type { CompressionControls } from './types';

export type IntegerScheme = CompressionControls['integerScheme'];

/** The controls are exactly what a share link carries (src/url), with the same defaults.
 * `sparsity` is always a value the slider can show exactly; `bits` is one of BIT_WIDTHS. */
export type CompressUi = CompressionControls;
export const DEFAULT_COMPRESS_UI: CompressUi = DEFAULT_COMPRESSION;

export const BIT_WIDTHS = [1, 2, 3, 4, 5, 6, 7, 8, 16, 32] as const;

/** Slider positions: 0 = nothing pruned, 100 = 90%, 200 = 99%, 300 = 99.9%. */
export const SPARSITY_POSITIONS = 300;

/** Where a sparsity sits on the slider, as a real number of positions. */
function exactPosition(sparsity: number): number {
  return -100 * Math.log10(Math.max(1e-9, 1 - sparsity));
}

/** Rounds to the grid the page shows: 1 pt below 90%, 0.1 pt below 99%, 0.01 pt above. */
function roundNice(s: number): number {
  const grid = s < 0.9 ? 100 : s < 0.99 ? 1000 : 10000;
  return Math.round(s * grid) / grid;
}

/** The sparsity at a slider position: a round value where one falls within half a step,
 * else the share left to three significant digits (steps at the top are finer than 0.1 pt). */
export function sparsityAtPosition(position: number): number {
  const p = Math.min(SPARSITY_POSITIONS, Math.max(0, Math.round(position)));
  const left = 10 ** (-p / 100);
  const nice = roundNice(1 - left);
  if (Math.abs(exactPosition(nice) - p) < 0.5) return nice;
  return Number((1 - Number(left.toPrecision(3))).toFixed(6));
}

export function positionOfSparsity(sparsity: number): number {
  return Math.min(SPARSITY_POSITIONS, Math.max(0, Math.round(exactPosition(sparsity))));
}

/** Any sparsity as the nearest slider value. */
export function snapSparsity(s: number): number {
  return sparsityAtPosition(positionOfSparsity(s));
}

/** "90.0%", "96.57%", "99.85%": at least one decimal, as many as the slider step needs. */
export function formatSparsity(sparsity: number): string {
  const text = (sparsity * 100).toFixed(sparsity < 0.99 ? 2 : 3).replace(/0+$/, '');
  return `${text.endsWith('.') ? `${text}0` : text}%`;
}

/** "4 bits", "16 bits (float16)", "32 bits (off: float32)". */
export function describeBits(bits: number): string {
  if (bits >= 32) return '32 bits (off: float32)';
  if (bits === 16) return '16 bits (float16)';
  return bits === 1 ? '1 bit' : `${bits} bits`;
}

export function schemeOf(ui: Pick<CompressUi, 'bits' | 'integerScheme'>): QuantScheme {
  if (ui.bits >= 32) return 'none';
  if (ui.bits === 16) return 'float16';
  return ui.integerScheme;
}

/** The engine settings for the controls, in one canonical form (so equal settings dedupe). */
export function toCompressionSettings(ui: CompressUi, seed: number): CompressionSettings {
  const scheme = schemeOf(ui);
  const perChannel = scheme === 'symmetric' || scheme === 'affine';
  return {
    pruning: {
      method: ui.method,
      sparsity: snapSparsity(ui.sparsity),
      includeFirstLayer: ui.includeFirstLayer,
      includeOutputLayer: ui.includeOutputLayer,
      seed,
    },
    quantization: {
      scheme,
      granularity: perChannel ? ui.granularity : 'tensor',
      bits: scheme === 'none' ? 32 : scheme === 'float16' ? 16 : ui.bits,
    },
    entropyCoding: ui.entropyCoding,
  };
}

/** The controls that reproduce an evaluated point (clicking a point on the chart). */
export function fromCompressionSettings(settings: CompressionSettings, fallback: CompressUi, fineTunedEpochs = 0): CompressUi {
  const q = settings.quantization;
  return {
    method: settings.pruning.method,
    sparsity: snapSparsity(settings.pruning.sparsity),
    bits: q.scheme === 'none' ? 32 : q.scheme === 'float16' ? 16 : q.bits,
    integerScheme: q.scheme === 'symmetric' || q.scheme === 'affine' || q.scheme === 'kmeans' ? q.scheme : fallback.integerScheme,
    granularity: q.scheme === 'symmetric' || q.scheme === 'affine' ? q.granularity : fallback.granularity,
    includeFirstLayer: settings.pruning.includeFirstLayer,
    includeOutputLayer: settings.pruning.includeOutputLayer,
    entropyCoding: settings.entropyCoding ?? true,
    fineTuned: fineTunedEpochs,
  };
}

export function settingsKey(s: CompressionSettings): string {
  const p = s.pruning;
  const q = s.quantization;
  return [p.method, p.sparsity, +p.includeFirstLayer, +p.includeOutputLayer, p.seed, q.scheme, q.granularity, q.bits, +(s.entropyCoding ?? true)].join('|');
}

/** A chart point's identity: its settings, and whether (and how long) it was fine-tuned. */
export function pointKey(p: { settings: CompressionSettings; fineTunedEpochs?: number }): string {
  return p.fineTunedEpochs ? `${settingsKey(p.settings)}|ft${p.fineTunedEpochs}` : settingsKey(p.settings);
}
