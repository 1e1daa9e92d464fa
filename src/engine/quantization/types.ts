// What a quantizer produces: integer codes for the kept weights plus the few numbers (scales,
// zero points, a codebook) that turn them back into floats. The encoder stores exactly these.

export type QuantScheme = 'none' | 'symmetric' | 'affine' | 'float16' | 'kmeans';
export type Granularity = 'tensor' | 'channel';

export interface QuantizationSettings {
  scheme: QuantScheme;
  /** Per tensor, or per output channel (the last dimension: a column of a dense [in, out]
   * kernel, a filter of a conv [kh, kw, in, out] kernel). Only symmetric and affine use it. */
  granularity: Granularity;
  /** 1-8 for symmetric and affine; ignored by float16 (16), none (32) and k-means (see clusters). */
  bits: number;
  /** k-means codebook size, 2-256; 2^bits when absent. */
  clusters?: number;
}

/** Per-tensor settings by tensor name, over the model-wide one (mixed precision). */
export type TensorQuantization = Readonly<Record<string, QuantizationSettings>>;

/** Everything needed to rebuild a tensor's values; what the binary format stores per kernel. */
export interface QuantizedPayload {
  shape: number[];
  scheme: QuantScheme;
  granularity: Granularity;
  /** Bits per code: 1-8, 16 for float16, 32 for unquantized float32. */
  bits: number;
  /** One code per kept weight, row-major. float16 holds half-float bits, none float32 bits. */
  codes: Uint8Array | Uint16Array | Uint32Array;
  /** symmetric and affine: one per channel (per-channel) or one (per-tensor). */
  scales?: Float32Array;
  /** affine: the code that stands for 0, one per scale, within 0..2^bits-1. */
  zeroPoints?: Int32Array;
  /** kmeans: the shared values, ascending; codes index into it. */
  codebook?: Float32Array;
  /** Which positions were quantized (1 = kept); null when every weight is kept. */
  keep: Uint8Array | null;
}

export interface QuantizedTensor extends QuantizedPayload {
  name: string;
  /** The full tensor as the network will see it; pruned positions are exactly 0. */
  dequantized: Float32Array;
}

/** Size of a shape; 1 for a scalar. */
export function shapeSize(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Length of the channel (last) dimension; 1 for a scalar. */
export function channelCount(shape: number[]): number {
  return shape.length === 0 ? 1 : shape[shape.length - 1];
}
