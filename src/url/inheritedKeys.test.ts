// Names every plain object inherits (`constructor`, `toString`, `__proto__`...) are strings a link
// can carry. A lookup with `in` or `table[name]` finds them on Object.prototype, so each one must
// be refused like any other unknown value, for every field of the link and as a key.
import { describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../engine/datasets/registry';
import { MODEL_IDS } from '../engine/models/registry';
import { decodeExperiment } from './codec';
import { defaultExperiment } from './defaults';
import { FIELDS } from './fields';
import { INHERITED_NAMES } from '../../test/hostile';

describe('a link naming an inherited object key', () => {
  it.each(FIELDS.map((f) => f.key))('ignores %s=<inherited name> with a note and keeps the default', (key) => {
    for (const name of INHERITED_NAMES) {
      const { experiment, notes } = decodeExperiment(`#v=1&${key}=${name}`);
      expect(experiment, `${key}=${name}`).toEqual(defaultExperiment());
      expect(notes, `${key}=${name}`).toHaveLength(1);
      expect(notes[0]).toMatch(new RegExp(`^Ignored ${key}=${name}: must be `));
    }
  });

  it('ignores the names as keys, and leaves Object.prototype alone', () => {
    for (const name of INHERITED_NAMES) {
      const { experiment, notes } = decodeExperiment(`#v=1&${name}=1&${name}=mnist`);
      expect(experiment).toEqual(defaultExperiment());
      expect(notes).toEqual([`Ignored unknown setting "${name}".`, `Ignored unknown setting "${name}".`]);
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).mnist).toBeUndefined();
  });

  it('keeps the model and dataset from the registries when the other one is inherited', () => {
    const a = decodeExperiment('#dataset=constructor&model=lenet5');
    expect(a.experiment.spec.dataset).toBe('mnist');
    expect(a.experiment.spec.model).toBe('lenet5');
    const b = decodeExperiment('#dataset=spiral&model=toString&hidden=8');
    expect(DATASET_IDS).toContain(b.experiment.spec.dataset);
    expect(b.experiment.spec).toMatchObject({ dataset: 'spiral', model: 'mlp_2d', hidden: [8] });
    expect(MODEL_IDS).toContain(b.experiment.spec.model);
  });
});
