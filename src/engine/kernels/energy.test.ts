import { describe, expect, it } from 'vitest';
import { downloadSeconds, energyEstimate, HOROWITZ_45NM_PJ } from './energy';

describe('energyEstimate', () => {
  it('reads weights from DRAM past the budget and from SRAM within it', () => {
    // LeNet-300-100 dense: 266,200 MACs, 1,066,440 bytes of float32 weights.
    const dense = energyEstimate({ macs: 266_200, weightBytes: 1_066_440, budgetBytes: 256_000, dataType: 'float32' });
    expect(dense.weightsOnChip).toBe(false);
    expect(dense.weightsPj).toBe(266_610 * 640);
    expect(dense.arithmeticPj).toBeCloseTo(266_200 * 4.6, 6);
    const onChip = energyEstimate({ macs: 266_200, weightBytes: 1_066_440, budgetBytes: 2_000_000, dataType: 'float32' });
    expect(onChip.weightsPj).toBe(266_610 * 5);
    expect(dense.totalPj / onChip.totalPj).toBeGreaterThan(40);
  });

  it('charges int8 multiply-adds at 0.23 pJ and sums the parts', () => {
    const e = energyEstimate({ macs: 1000, weightBytes: 10, budgetBytes: 100, dataType: 'int8' });
    expect(e.arithmeticPj).toBeCloseTo(1000 * (HOROWITZ_45NM_PJ.intMultiply8 + HOROWITZ_45NM_PJ.intAdd8), 9);
    expect(e.weightsPj).toBe(3 * 5);
    expect(e.totalPj).toBeCloseTo(e.weightsPj + e.activationsPj + e.arithmeticPj, 9);
  });

  it('gives download times in seconds', () => {
    expect(downloadSeconds(1_000_000, 8)).toBe(1);
    expect(downloadSeconds(28_051, 1)).toBeCloseTo(0.224, 3);
  });
});
