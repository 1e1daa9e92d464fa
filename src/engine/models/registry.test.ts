import { describe, expect, it } from 'vitest';
import { countPlannedParams } from './plan';
import { defaultModelFor, MODEL_IDS, MODELS, modelsForDataset, validateHidden } from './registry';

describe('MODELS', () => {
  it('lists every model once, each with default widths that pass its own bounds', () => {
    expect(Object.keys(MODELS).sort()).toEqual([...MODEL_IDS].sort());
    for (const id of MODEL_IDS) {
      expect(MODELS[id].id).toBe(id);
      expect(validateHidden(id, MODELS[id].defaultHidden)).toBeNull();
    }
    expect(MODELS.lenet_300_100.label).toBe('LeNet-300-100');
  });

  it('builds the published layer stacks', () => {
    expect(MODELS.lenet_300_100.layers([300, 100], 10)).toEqual([
      { type: 'flatten' },
      { type: 'dense', units: 300, activation: 'relu' },
      { type: 'dense', units: 100, activation: 'relu' },
      { type: 'dense', units: 10, activation: 'linear' },
    ]);
    expect(MODELS.lenet5.layers([6, 16, 120, 84], 10).map((l) => l.type)).toEqual([
      'conv2d', 'maxPool', 'conv2d', 'maxPool', 'flatten', 'dense', 'dense', 'dense',
    ]);
    expect(countPlannedParams(MODELS.lenet_300_100.layers([300, 100], 10), [28, 28, 1])).toBe(266610);
    expect(countPlannedParams(MODELS.lenet5.layers([6, 16, 120, 84], 10), [28, 28, 1])).toBe(61706);
    expect(countPlannedParams(MODELS.mlp_2d.layers([8, 8], 2), [2])).toBe(114);
  });

});

describe('validateHidden', () => {
  it('explains a wrong number of layers', () => {
    expect(validateHidden('lenet_300_100', [300])).toBe('LeNet-300-100 takes exactly 2 hidden layer widths, got 1.');
    expect(validateHidden('mlp_2d', [])).toBe('Small MLP takes 1 to 4 hidden layer widths, got 0.');
    expect(validateHidden('mlp_2d', [4, 4, 4, 4])).toBeNull();
  });

  it('explains a width out of range or not whole', () => {
    expect(validateHidden('lenet_300_100', [300, 5])).toBe(
      'The units of hidden layer 2 of LeNet-300-100 must be between 10 and 1000, got 5.',
    );
    expect(validateHidden('lenet_300_100', [1001, 100])).toMatch(/between 10 and 1000, got 1001/);
    expect(validateHidden('mlp_2d', [2.5])).toBe('The units of hidden layer 1 of Small MLP must be a whole number, got 2.5.');
    expect(validateHidden('mlp_2d', [33])).toMatch(/between 1 and 32/);
  });

  it('uses the per-entry bounds of LeNet-5', () => {
    expect(validateHidden('lenet5', [65, 16, 120, 84])).toBe(
      'The filters of the first convolution of LeNet-5 must be between 1 and 64, got 65.',
    );
    expect(validateHidden('lenet5', [6, 16, 5, 84])).toMatch(/units of the first dense layer .* between 10 and 1000/);
  });
});

describe('defaultModelFor and modelsForDataset', () => {
  it('pairs MNIST with LeNet-300-100 and the 2-D sets with the small MLP', () => {
    expect(defaultModelFor('mnist')).toBe('lenet_300_100');
    expect(defaultModelFor('spiral')).toBe('mlp_2d');
    expect(modelsForDataset('mnist')).toEqual(['lenet_300_100', 'lenet5']);
    expect(modelsForDataset('xor')).toEqual(['mlp_2d']);
  });
});
