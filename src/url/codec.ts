// Experiment <-> the readable hash of a share link, e.g.
// `v=1&view=compress&epochs=5&sparsity=0.9&bits=4&seed=7`. Defaults are left out. Decoding
// never throws: whatever it cannot use it ignores, and says so in a sentence.
import * as v from 'valibot';
import { DATASETS, isDatasetId } from '../engine/datasets/registry';
import { MODELS, validateHidden } from '../engine/models/registry';
import type { DatasetId, ModelId } from '../engine/spec/types';
import { defaultExperiment } from './defaults';
import { FIELDS } from './fields';
import { LINK_VERSION, migrate } from './migrate';
import type { DecodeResult, Experiment } from './types';

export { LINK_VERSION };
/** Longer hashes are cut: a real link is a few hundred characters. */
export const MAX_LINK_CHARS = 4096;
const MAX_NOTES = 12;

/** A value as it may be shown back to the user: short and printable. */
function shown(raw: string): string {
  const clean = raw.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 24 ? `${clean.slice(0, 21)}...` : clean;
}

export function encodeExperiment(e: Experiment): string {
  const base = defaultExperiment(e.spec.dataset);
  base.spec.model = e.spec.model;
  base.spec.hidden = [...MODELS[e.spec.model].defaultHidden];
  const params = new URLSearchParams({ v: String(LINK_VERSION) });
  for (const field of FIELDS) {
    const value = field.get(e);
    // The dataset and model are always written when they differ from MNIST's defaults.
    const reference = field.key === 'dataset' ? 'mnist' : field.key === 'model' ? defaultExperiment(e.spec.dataset).spec.model : field.get(base);
    if (value !== reference) params.set(field.key, value);
  }
  return params.toString();
}

export function decodeExperiment(hash: string): DecodeResult {
  const notes: string[] = [];
  let text = hash.replace(/^#/, '');
  if (text.length > MAX_LINK_CHARS) {
    notes.push(`The link is ${text.length.toLocaleString('en-US')} characters long; only the first ${MAX_LINK_CHARS.toLocaleString('en-US')} were read.`);
    text = text.slice(0, MAX_LINK_CHARS);
  }
  const seen = new Map<string, string>();
  const known = new Set(['v', ...FIELDS.map((f) => f.key)]);
  for (const [key, value] of new URLSearchParams(text)) {
    if (!known.has(key)) notes.push(`Ignored unknown setting "${shown(key)}".`);
    else if (seen.has(key)) notes.push(`Ignored a second ${key}=${shown(value)}; using the first, ${key}=${shown(seen.get(key)!)}.`);
    else seen.set(key, value);
  }
  migrate(seen, notes);

  // An own-property check: `in` would accept `constructor`, `toString`... from Object.prototype.
  const datasetRaw = seen.get('dataset');
  const dataset: DatasetId = datasetRaw !== undefined && isDatasetId(datasetRaw) ? datasetRaw : 'mnist';
  const experiment = defaultExperiment(dataset);
  const defaults = defaultExperiment(dataset);
  for (const field of FIELDS) {
    const raw = seen.get(field.key);
    if (raw === undefined) continue;
    const parsed = v.safeParse(field.schema, raw);
    if (parsed.success) field.set(experiment, parsed.output);
    else notes.push(`Ignored ${field.key}=${shown(raw)}: must be ${field.rule}; using ${field.get(defaults)}.`);
  }
  checkModel(experiment, seen.has('hidden'), notes);
  if (notes.length > MAX_NOTES) notes.splice(MAX_NOTES - 1, notes.length, `...and ${notes.length - MAX_NOTES + 1} more problems with this link.`);
  return { experiment, notes };
}

/** The model must fit the dataset, and the widths the model. */
function checkModel(e: Experiment, hiddenGiven: boolean, notes: string[]): void {
  const fallback = defaultExperiment(e.spec.dataset).spec.model;
  if (MODELS[e.spec.model].datasets !== DATASETS[e.spec.dataset].kind) {
    notes.push(`Ignored model=${e.spec.model}: ${MODELS[e.spec.model].label} does not train on ${DATASETS[e.spec.dataset].label}; using ${fallback}.`);
    e.spec.model = fallback;
  }
  if (!hiddenGiven) e.spec.hidden = [...MODELS[e.spec.model].defaultHidden];
  const problem = validateHidden(e.spec.model as ModelId, e.spec.hidden);
  if (problem) {
    const widths = MODELS[e.spec.model].defaultHidden;
    notes.push(`Ignored hidden=${e.spec.hidden.join('-')}: ${problem} Using ${widths.join('-')}.`);
    e.spec.hidden = [...widths];
  }
}
