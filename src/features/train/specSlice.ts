import type { StateCreator } from 'zustand';
import { DEFAULT_SPEC, defaultSpecFor } from '../../engine/spec/defaults';
import { DATASETS } from '../../engine/datasets/registry';
import { MODELS } from '../../engine/models/registry';
import type { AppState, SpecSlice } from '../../store/types';

const DEFAULT_STEP_SCHEDULE = { kind: 'step', warmupSteps: 100, decayEverySteps: 500, gamma: 0.5 } as const;

export const createSpecSlice: StateCreator<AppState, [], [], SpecSlice> = (set) => ({
  spec: { ...DEFAULT_SPEC, hidden: [...DEFAULT_SPEC.hidden] },
  fieldErrors: {},
  formVersion: 0,

  setDataset(dataset) {
    set((s) => {
      if (s.spec.dataset === dataset) return {};
      const sameKind = DATASETS[dataset].kind === DATASETS[s.spec.dataset].kind;
      // Toy sets share one model and its settings; crossing between MNIST and the toy sets
      // swaps in the defaults that train well there, keeping only the seed.
      const spec = sameKind
        ? { ...s.spec, dataset }
        : { ...defaultSpecFor(dataset), seed: s.spec.seed };
      return { spec, fieldErrors: {}, formVersion: s.formVersion + 1 };
    });
  },

  setModel(model) {
    set((s) => {
      if (s.spec.model === model) return {};
      const { hidden: _dropped, ...errors } = s.fieldErrors;
      return {
        spec: { ...s.spec, model, hidden: [...MODELS[model].defaultHidden] },
        fieldErrors: errors,
        formVersion: s.formVersion + 1,
      };
    });
  },

  updateSpec(patch) {
    set((s) => ({ spec: { ...s.spec, ...patch } }));
  },

  setScheduleKind(kind) {
    set((s) => {
      if (s.spec.schedule.kind === kind) return {};
      const schedule = kind === 'constant' ? { kind } : { ...DEFAULT_STEP_SCHEDULE };
      return { spec: { ...s.spec, schedule } };
    });
  },

  updateStepSchedule(patch) {
    set((s) => {
      if (s.spec.schedule.kind !== 'step') return {};
      return { spec: { ...s.spec, schedule: { ...s.spec.schedule, ...patch } } };
    });
  },

  setFieldError(field, message) {
    set((s) => {
      if ((s.fieldErrors[field] ?? null) === message) return {};
      const fieldErrors = { ...s.fieldErrors };
      if (message) fieldErrors[field] = message;
      else delete fieldErrors[field];
      return { fieldErrors };
    });
  },
});
