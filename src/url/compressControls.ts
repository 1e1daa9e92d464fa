// What the Compress view's controls hold, and how they map to the engine's CompressionSettings.
// The controls are the link's compress rows (./compressFields): same type, same defaults.
import type { CompressionSettings } from '../engine/compression/compress';
import type { QuantScheme } from '../engine/quantization/types';
import { DEFAULT_COMPRESSION, type CompressionControls } from './compressFields';
import { snapSparsity } from './sparsityScale';

export { BIT_WIDTHS } from './compressFields';
export { positionOfSparsity, snapSparsity, sparsityAtPosition, SPARSITY_POSITIONS } from './sparsityScale';

export type IntegerScheme = CompressionControls['integerScheme'];

/** `sparsity` is always a value the slider can show exactly; `bits` is one of BIT_WIDTHS. */
export type CompressUi = CompressionControls;
export const DEFAULT_COMPRESS_UI: CompressUi = DEFAULT_COMPRESSION;

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
    auto: false,
    autoBudget: fallback.autoBudget,
    autoRounds: 0,
    autoPreset: fallback.autoPreset,
    autoPolished: 0,
  };
}

export function settingsKey(s: CompressionSettings): string {
  const p = s.pruning;
  const q = s.quantization;
  return [p.method, p.sparsity, +p.includeFirstLayer, +p.includeOutputLayer, p.seed, q.scheme, q.granularity, q.bits, +(s.entropyCoding ?? true)].join('|');
}

/** What identifies an auto-compress search's result on a model. */
export interface AutoSearchId {
  budgetPoints: number;
  rounds: number;
  preset: AutoPresetId;
  /** Masks polished. */
  polished: number;
}
export type AutoPresetId = CompressionControls['autoPreset'];

/** The identity of an auto-compress search's result on a model: its budget, rounds, preset and
 * masks polished (the last two only when not "quick", so keys from before the polish stay). */
export function autoKey(a: AutoSearchId): string {
  return `auto|${a.budgetPoints}|${a.rounds}${a.preset === 'quick' ? '' : `|${a.preset}|${a.polished}`}`;
}

/** A chart point's identity: its settings, and whether (and how long) it was fine-tuned; an
 * auto-compress result is known by its search instead (autoKey). */
export function pointKey(p: { settings: CompressionSettings; fineTunedEpochs?: number; autoCompressed?: AutoSearchId }): string {
  if (p.autoCompressed) return autoKey(p.autoCompressed);
  return p.fineTunedEpochs ? `${settingsKey(p.settings)}|ft${p.fineTunedEpochs}` : settingsKey(p.settings);
}
