// One line per quantization scheme, for the method picker and its tooltips.
import type { QuantScheme } from './types';

export interface QuantizationSchemeInfo {
  id: QuantScheme;
  label: string;
  /** One sentence for students. */
  description: string;
  /** Whether per-output-channel scales apply. */
  hasGranularity: boolean;
  /** Bit widths the scheme accepts (k-means: log2 of the codebook size). */
  bits: number[];
}

const ONE_TO_EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

export const QUANTIZATION_SCHEMES: Record<QuantScheme, QuantizationSchemeInfo> = {
  none: {
    id: 'none',
    label: 'None (float32)',
    description: 'Keeps every surviving weight as a 32-bit float.',
    hasGranularity: false,
    bits: [32],
  },
  symmetric: {
    id: 'symmetric',
    label: 'Symmetric integer',
    description: 'Rounds each weight to one of evenly spaced levels centred on zero, as TFLite stores weights; 1 bit keeps only the sign.',
    hasGranularity: true,
    bits: ONE_TO_EIGHT,
  },
  affine: {
    id: 'affine',
    label: 'Affine integer',
    description: 'Spreads the levels from the smallest to the largest weight, with an integer zero point so zero stays exact.',
    hasGranularity: true,
    bits: ONE_TO_EIGHT,
  },
  float16: {
    id: 'float16',
    label: 'float16',
    description: 'Stores each weight as a 16-bit half-precision float, which rarely changes accuracy.',
    hasGranularity: false,
    bits: [16],
  },
  kmeans: {
    id: 'kmeans',
    label: 'k-means weight sharing',
    description: 'Groups the weights of each layer into a few shared values and stores only which group each weight is in.',
    hasGranularity: false,
    bits: ONE_TO_EIGHT,
  },
};

export const QUANTIZATION_SCHEME_IDS: QuantScheme[] = ['none', 'symmetric', 'affine', 'float16', 'kmeans'];

/** The setting a "Bit width" slider value stands for: 32 = off, 16 = float16, else integers. */
export function schemeForBitWidth(bits: number, integerScheme: 'symmetric' | 'affine' | 'kmeans'): QuantScheme {
  if (bits >= 32) return 'none';
  if (bits === 16) return 'float16';
  return integerScheme;
}
