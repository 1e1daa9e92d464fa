// Checks on decoded values that would otherwise turn into NaN, Infinity or out-of-range reads
// when dequantized: codes outside their scheme's range and bit widths a scheme cannot have.
import { isFloat16NonFinite } from '../quantization/float16';
import type { QuantizedPayload, QuantScheme } from '../quantization/types';
import { FormatError } from './bytes';

export function checkSchemeBits(scheme: QuantScheme, bits: number, what: string): void {
  const ok =
    scheme === 'none' ? bits === 32 : scheme === 'float16' ? bits === 16 : bits >= 1 && bits <= 8;
  if (!ok) throw new FormatError(`The ${what} stores ${scheme} codes with ${bits} bits, which that scheme never uses.`);
}

/** Throws unless every code stands for a finite value of its scheme. */
export function checkCodes(p: QuantizedPayload, what: string): void {
  const codes = p.codes;
  let limit = Infinity; // codes must be below this
  if (p.scheme === 'symmetric' && p.bits > 1) limit = 2 ** p.bits - 1; // 2 * qmax + 1 levels
  if (p.scheme === 'kmeans') limit = p.codebook!.length;
  if (limit !== Infinity) {
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] >= limit) throw new FormatError(`The ${what} holds code ${codes[i]}, beyond its ${limit} levels.`);
    }
  }
  if (p.scheme === 'float16') {
    for (let i = 0; i < codes.length; i++) {
      if (isFloat16NonFinite(codes[i])) throw new FormatError(`The ${what} holds a float16 value that is not finite.`);
    }
  }
  if (p.scheme === 'none') {
    for (let i = 0; i < codes.length; i++) {
      // Exponent bits all ones: Infinity or NaN.
      if ((codes[i] & 0x7f800000) === 0x7f800000) throw new FormatError(`The ${what} holds a float32 value that is not finite.`);
    }
  }
}
