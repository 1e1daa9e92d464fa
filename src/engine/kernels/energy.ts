// An estimate of the energy of one inference from the 45 nm figures Han et al. (Deep Compression,
// EIE) quote from Horowitz, "Computing's energy problem", ISSCC 2014. A model whose weights fit
// the on-chip memory budget reads them from SRAM, otherwise from DRAM (128x more per read);
// activations are small and are read from SRAM; every multiply-add is paid at the data type it
// runs in. It is an estimate of where the energy goes, not a measurement.

/** picojoules per operation (45 nm, Horowitz ISSCC 2014). */
export const HOROWITZ_45NM_PJ = {
  dramRead32: 640,
  sramRead32: 5,
  floatMultiply32: 3.7,
  floatAdd32: 0.9,
  intMultiply8: 0.2,
  intAdd8: 0.03,
} as const;

export interface EnergyInput {
  /** Multiply-adds of one inference. */
  macs: number;
  /** Bytes of weights read once per inference (the model's size). */
  weightBytes: number;
  /** On-chip memory (SRAM) the reader chose, in bytes. */
  budgetBytes: number;
  /** What the multiply-adds run in: float32 for the playground's kernels. */
  dataType: 'float32' | 'int8';
}

export interface EnergyEstimate {
  weightsOnChip: boolean;
  /** picojoules: weight reads, activation reads (one 32-bit SRAM read per multiply-add), arithmetic. */
  weightsPj: number;
  activationsPj: number;
  arithmeticPj: number;
  totalPj: number;
}

export function energyEstimate(e: EnergyInput): EnergyEstimate {
  const p = HOROWITZ_45NM_PJ;
  const weightsOnChip = e.weightBytes <= e.budgetBytes;
  const weightsPj = Math.ceil(e.weightBytes / 4) * (weightsOnChip ? p.sramRead32 : p.dramRead32);
  const activationsPj = e.macs * p.sramRead32;
  const arithmeticPj = e.macs * (e.dataType === 'float32' ? p.floatMultiply32 + p.floatAdd32 : p.intMultiply8 + p.intAdd8);
  return { weightsOnChip, weightsPj, activationsPj, arithmeticPj, totalPj: weightsPj + activationsPj + arithmeticPj };
}

/** Seconds to download `bytes` at `megabitsPerSecond` (10^6 bits), protocol overhead ignored. */
export const downloadSeconds = (bytes: number, megabitsPerSecond: number): number => (8 * bytes) / (megabitsPerSecond * 1e6);
