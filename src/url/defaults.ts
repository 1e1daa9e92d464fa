// The experiment a link starts from before its keys are read: the dataset's training defaults
// (src/engine/spec/defaults) and every other row's default from the link's table.
import { defaultSpecFor } from '../engine/spec/defaults';
import type { DatasetId } from '../engine/spec/types';
import { FIELDS } from './fields';
import type { Experiment } from './types';

export { DEFAULT_COMPRESSION } from './compressFields';

/** Fresh arrays, so no two experiments share one (the lottery's variants). */
const copyOf = (value: unknown) => (Array.isArray(value) ? [...value] : value);

export function defaultExperiment(dataset: DatasetId = 'mnist'): Experiment {
  const spec = defaultSpecFor(dataset);
  const e: Record<string, Record<string, unknown> | unknown> = { spec: { ...spec, hidden: [...spec.hidden], checkpointSteps: [] } };
  for (const { home, default: value } of FIELDS) {
    if (home.prop === undefined) {
      if (value !== undefined) e[home.store] = copyOf(value);
      continue;
    }
    const group = (e[home.store] ??= {}) as Record<string, unknown>;
    if (value !== undefined) group[home.prop] = copyOf(value);
  }
  return e as Experiment;
}
