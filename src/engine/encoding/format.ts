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
 * What a file may make the decoder allocate. A few junk bytes can declare a huge tensor with every
 * weight pruned (a [2^25, 1] one in 37 bytes cost 190 MB and most of a second), so the declared
 * parameters are bounded by the file's length: FREE_PARAMETERS, plus PARAMETERS_PER_BYTE for
 * each byte, and never more than MAX_PARAMETERS. The playground's densest file (LeNet-300-100 at
 * its widest, 1,000-1,000, 99.9% of its units removed: 1,796,010 parameters in 1,129 bytes) uses
 * under half of its allowance; costLimits.test.ts checks every model at its widest and narrowest.
 */
export const MAX_PARAMETERS = 2 ** 23; // 8,388,608: 1.9x the largest model, LeNet-5 at its widest (4.4M)
export const FREE_PARAMETERS = 2 ** 20;
export const PARAMETERS_PER_BYTE = 4096;

export function parameterAllowance(fileBytes: number): number {
  return Math.min(MAX_PARAMETERS, FREE_PARAMETERS + PARAMETERS_PER_BYTE * fileBytes);
}

/** The most tensor records a file may declare: the playground's models have at most 10. Each
 * can build a 2^15-entry Huffman table, so 65,535 of them took seconds. */
export const MAX_TENSORS = 64;
/** The fewest bytes a tensor record can take (a one-letter name, rank 1, one dim, scheme, bits,
 * flags, dense positions, an empty packed stream), to refuse a count the file has no room for. */
export const MIN_TENSOR_BYTES = 12;

export const SCHEME_IDS: Record<QuantScheme, number> = { none: 0, symmetric: 1, affine: 2, float16: 3, kmeans: 4 };
export const SCHEMES_BY_ID: QuantScheme[] = ['none', 'symmetric', 'affine', 'float16', 'kmeans'];
