// Which layers the exported C program runs, in order, checked against the model the file claims
// to be. The file's model id must be one of the MNIST models and its tensors must be exactly the
// parameters that model plans (names and shapes), so nothing but our own names and numbers ever
// reaches the C source. Units the file left out (structured pruning) are left out of the
// program too: every layer works on the stored units only, which is exact because nothing reads
// a removed unit (docs/FORMAT.md, "Removed units").
import { MODELS, validateHidden } from '../../models/registry';
import { planLayers } from '../../models/plan';
import type { ModelId } from '../../spec/types';
import type { RawModel, RawTensor } from './layout';

export const C_MODELS: readonly ModelId[] = ['lenet_300_100', 'lenet5'];
const INPUT: [number, number, number] = [28, 28, 1];
const CLASSES = 10;

export type COp =
  | { kind: 'dense'; kernel: number; bias: number; inputs: number; units: number; relu: boolean }
  | { kind: 'conv'; kernel: number; bias: number; size: number; pad: number; inH: number; inW: number; inC: number; outH: number; outW: number; units: number; relu: boolean }
  | { kind: 'pool'; size: number; inH: number; inW: number; channels: number; outH: number; outW: number };

export interface CNetwork {
  modelId: ModelId;
  label: string;
  hidden: number[];
  ops: COp[];
  /** Floats the largest intermediate activation needs. */
  activationSize: number;
}

function refuse(what: string): never {
  throw new Error(`Cannot export C code: ${what}.`);
}

const isCModel = (id: string): id is ModelId => (C_MODELS as readonly string[]).includes(id);

/** Hidden widths as the file's kernel shapes give them. */
function hiddenOf(tensors: RawTensor[]): number[] {
  const outs = tensors.filter((t) => t.shape.length > 1).map((t) => t.shape[t.shape.length - 1]);
  return outs.slice(0, -1);
}

/** Whether two unit lists (null: every unit) name the same units. */
const sameUnits = (a: Uint8Array | null, b: Uint8Array | null): boolean => {
  if (a === null || b === null) return (a ?? b ?? new Uint8Array(0)).every((v) => v === 1);
  return a.length === b.length && a.every((v, i) => v === b[i]);
};

/** The layers of the model in `raw`, in stored (compacted) units. Throws a sentence when the
 * file is not one of the models the C export knows, as that model plans it. */
export function planCNetwork(raw: RawModel): CNetwork {
  if (!isCModel(raw.modelId)) refuse(`it is written for ${C_MODELS.map((id) => MODELS[id].label).join(' and ')} on MNIST, and this file holds another model`);
  const modelId = raw.modelId;
  const model = MODELS[modelId];
  const hidden = hiddenOf(raw.tensors);
  const problem = validateHidden(modelId, hidden);
  if (problem !== null) refuse(problem);
  const layers = model.layers(hidden, CLASSES);
  const plan = planLayers(layers, INPUT);
  const tensors = raw.tensors;
  const matches = plan.params.length === tensors.length && plan.params.every((p, i) => p.name === tensors[i].name && p.shape.join() === tensors[i].shape.join());
  if (!matches) refuse(`its tensors are not the parameters of ${model.label} with hidden widths ${hidden.join('-')}`);

  const ops: COp[] = [];
  let shape = INPUT.slice(); // stored (compacted) shape of the activation
  let previousKeep: Uint8Array | null = null; // units the previous kernel stored (null: all)
  let param = 0;
  let activationSize = 0;
  for (const layer of layers) {
    if (layer.type === 'flatten') {
      shape = [shape.reduce((a, b) => a * b, 1)];
      continue;
    }
    if (layer.type === 'maxPool') {
      const [h, w, c] = shape;
      const out = [Math.floor(h / layer.size), Math.floor(w / layer.size), c];
      ops.push({ kind: 'pool', size: layer.size, inH: h, inW: w, channels: c, outH: out[0], outW: out[1] });
      shape = out;
    } else {
      const kernel = tensors[param];
      const bias = tensors[param + 1];
      const stored = kernel.stored;
      const inputs = shape.length === 3 ? shape[2] : shape[0];
      const drop = kernel.drop;
      const readsStored = sameUnits(drop === null || drop.inPeriod === 0 ? null : drop.inKeep, previousKeep);
      const units = stored[1];
      const biasUnits = bias.stored[1];
      if (!readsStored || biasUnits !== units || (layer.type === 'dense' && stored[0] !== shape.reduce((a, b) => a * b, 1))) {
        refuse(`the units ${kernel.name} stores do not line up with the layer before it`);
      }
      const relu = layer.activation === 'relu';
      if (layer.type === 'dense') {
        ops.push({ kind: 'dense', kernel: param, bias: param + 1, inputs: stored[0], units, relu });
        shape = [units];
      } else {
        const [h, w] = shape;
        const size = layer.kernelSize;
        if (stored[0] !== size * size * inputs) refuse(`the input channels ${kernel.name} stores do not line up with the layer before it`);
        const pad = layer.padding === 'same' ? Math.floor((size - 1) / 2) : 0;
        const [outH, outW] = layer.padding === 'same' ? [h, w] : [h - size + 1, w - size + 1];
        ops.push({ kind: 'conv', kernel: param, bias: param + 1, size, pad, inH: h, inW: w, inC: inputs, outH, outW, units, relu });
        shape = [outH, outW, units];
      }
      previousKeep = drop ? drop.outKeep : null;
      param += 2;
    }
    activationSize = Math.max(activationSize, shape.reduce((a, b) => a * b, 1));
  }
  return { modelId, label: model.label, hidden, ops, activationSize };
}
