// Public API of pruning, quantization, encoding and compression, for the worker and the
// engine's index (which re-exports this file). Internals (selection, bit packing, Huffman,
// position coding) stay reachable by path for tests and benchmarks.
export {
  applyMasks,
  countKept,
  denseMasks,
  isKernel,
  maskSparsity,
  type Mask,
  type PruneParams,
  type PruneStrategy,
} from '../pruning/mask';
export { globalMagnitudePrune } from '../pruning/globalMagnitude';
export { layerwiseMagnitudePrune } from '../pruning/layerwiseMagnitude';
export { randomPrune } from '../pruning/randomPrune';
export { removedUnits, structuredPrune, structuredPruneWithUnits, type RemovedUnits } from '../pruning/structuredPrune';
export { isPruningMethodId, PRUNING_METHOD_IDS, PRUNING_METHODS, type PruningMethod, type PruningMethodId } from '../pruning/registry';
export {
  isPruningStep,
  oneShot,
  polynomialDecaySparsity,
  type OneShotSchedule,
  type PolynomialDecaySchedule,
} from '../pruning/schedule';
export { selectKth } from '../pruning/select';

export type { Granularity, QuantizationSettings, QuantizedPayload, QuantizedTensor, QuantScheme } from '../quantization/types';
export { codeBits, dequantizedWeights, kmeansClusters, quantizeTensor, quantizeWeights } from '../quantization/quantize';
export { dequantizePayload } from '../quantization/dequantize';
export { FLOAT16_MAX, fromFloat16Bits, toFloat16Bits } from '../quantization/float16';
export { roundHalfToEven } from '../quantization/rounding';
export {
  QUANTIZATION_SCHEME_IDS,
  QUANTIZATION_SCHEMES,
  schemeForBitWidth,
  type QuantizationSchemeInfo,
} from '../quantization/registry';

export { FormatError } from '../encoding/bytes';
export { decodeModel, type DecodedModel } from '../encoding/decode';
export { denseFloat32Bytes, encodeModel, encodeQuantized, type EncodedModel, type EncodeOptions } from '../encoding/encode';
export type { LayerSizeBreakdown } from '../encoding/breakdown';
export { FORMAT_VERSION, MAX_PARAMETERS } from '../encoding/format';

export { countMacs, type LayerMacs, type MacCount } from './flops';
export {
  compressWeights,
  type CompressionResult,
  type CompressionSettings,
  type PruningSettings,
} from './compress';
export { LENET_300_100_SHAPES, syntheticWeights } from './syntheticWeights';
export { releaseScratch } from './scratch';
