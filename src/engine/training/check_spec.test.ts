// The engine's last check on a spec refuses names that only Object.prototype knows: MODELS and
// DATASETS looked up with `table[name]` found `constructor`, `toString`... (issue 16, item 2).
import { describe, expect, it } from 'vitest';
import { INHERITED_NAMES } from '../../../test/hostile';
import { MNIST_DEFAULTS } from '../spec/defaults';
import type { Dataset, TrainSpec } from '../spec/types';
import { validateHidden } from '../models/registry';
import { checkTrainSpec } from './check_spec';

const data = (id: string) => ({ id, train: { count: 1000 } }) as unknown as Dataset;

describe('checkTrainSpec and validateHidden on inherited names', () => {
  it('say there is no such model or dataset, and never throw', () => {
    for (const name of INHERITED_NAMES) {
      const spec = { ...MNIST_DEFAULTS, model: name } as unknown as TrainSpec;
      expect(checkTrainSpec(spec, data('mnist'))).toBe(`There is no model called "${name}".`);
      expect(validateHidden(name as TrainSpec['model'], [300, 100])).toBe(`There is no model called "${name}".`);
      const onData = { ...MNIST_DEFAULTS, dataset: name } as unknown as TrainSpec;
      expect(checkTrainSpec(onData, data(name))).toBe(`There is no dataset called "${name}".`);
    }
  });

  it('still accepts the defaults', () => {
    expect(checkTrainSpec(MNIST_DEFAULTS, data('mnist'))).toBeNull();
  });
});
