// Constants of the CPGM binary format (docs/FORMAT.md describes every byte). Shared by the
// encoder and the decoder so the two cannot drift apart.
import type { QuantScheme } from '../quantization/types';

export const MAGIC = [0x43, 0x50, 0x47, 0x4d]; // "CPGM": Compression Playground Model
export const FORMAT_VERSION = 1;

/** Header flag: some stream in the file is Huffman-coded. */
export const FLAG_ENTROPY_CODED = 1;

/** Tensor flags. */
export const TENSOR_HAS_MASK = 1;
export const TENSOR_PER_CHANNEL = 2;
/** Whole units (and the next kernel's inputs from them) are left out; see structure.ts. */
export const TENSOR_UNITS_DROPPED = 4;

export const MAX_RANK = 6;

/**
 * The most parameters a file may declare in total (2^25 = 33,554,432, 128 MiB as float32).
 * A few junk bytes can declare a huge, fully pruned tensor; this bounds what decoding allocates.
 */
export const MAX_PARAMETERS = 2 ** 25;

export const SCHEME_IDS: Record<QuantScheme, number> = { none: 0, symmetric: 1, affine: 2, float16: 3, kmeans: 4 };
export const SCHEMES_BY_ID: QuantScheme[] = ['none', 'symmetric', 'affine', 'float16', 'kmeans'];
