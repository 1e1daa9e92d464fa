// Classroom mode: a link can hide chosen controls (as the TensorFlow Playground's `*_hide`
// keys), so a teacher shares a focused exercise. A hidden control keeps the value the link
// gives it; only its input is not shown. Keys are the link keys of the settings they hide.
export const HIDEABLE_CONTROLS = [
  { key: 'dataset', label: 'Dataset' },
  { key: 'model', label: 'Model' },
  { key: 'hidden', label: 'Hidden layers' },
  { key: 'epochs', label: 'Epochs' },
  { key: 'batch', label: 'Batch size' },
  { key: 'optimizer', label: 'Optimizer' },
  { key: 'lr', label: 'Learning rate' },
  { key: 'schedule', label: 'Schedule' },
  { key: 'seed', label: 'Seed' },
  { key: 'sparsity', label: 'Sparsity' },
  { key: 'prune', label: 'Pruning method' },
  { key: 'prune_layers', label: 'Layers open to pruning' },
  { key: 'bits', label: 'Bit width' },
  { key: 'scheme', label: 'Integer scheme and granularity' },
  { key: 'entropy', label: 'Entropy coding' },
] as const;

export type HideableControl = (typeof HIDEABLE_CONTROLS)[number]['key'];

/** The controls a link hides; a control not listed is shown. */
export type HiddenControls = Partial<Record<HideableControl, true>>;

export const hideKey = (control: HideableControl) => `${control}_hide`;
