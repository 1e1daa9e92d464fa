// Checks a model file against the model registry while it is read, before the data of each
// tensor is decoded: the id must name one of the playground's MNIST models, the tensor count
// match it, and each tensor the name and shape that model has there for the hidden widths read
// so far (within the registry's bounds). So the engine decodes only what it could rebuild, at
// most the largest model the playground trains, and says why it will not measure anything else.
import type { DecodeChecks } from '../encoding/decode';
import type { ModelId } from '../spec/types';
import { planLayers, type ParamPlan } from './plan';
import { isModelId, MODELS, validateHidden } from './registry';

const MNIST_FEATURES = [28, 28, 1];
const MNIST_CLASSES = 10;

/** The file is well formed, maybe, but not a model the engine can rebuild; the message says why. */
export class NotRebuildable extends Error {}

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;

function planFor(id: ModelId, hidden: number[]): ParamPlan[] {
  try {
    return planLayers(MODELS[id].layers(hidden, MNIST_CLASSES), MNIST_FEATURES).params;
  } catch (error) {
    throw new NotRebuildable(`Its layers do not fit ${MODELS[id].label}: ${error instanceof Error ? error.message : 'they do not chain'}`);
  }
}

export interface RegistryCheck {
  checks: DecodeChecks;
  /** After a decode that passed the checks: the model and its hidden widths. */
  model(): { id: ModelId; hidden: number[] };
}

export function registryCheck(): RegistryCheck {
  let id: ModelId | null = null;
  let hidden: number[] = [];
  let kernels = 0;
  const checks: DecodeChecks = {
    header(modelId, tensorCount) {
      if (!isModelId(modelId)) throw new NotRebuildable('It is not one of the playground\'s models, so it cannot be rebuilt to measure it.');
      const model = MODELS[modelId];
      if (model.datasets !== 'mnist') throw new NotRebuildable('A 2-D model does not say which of the point sets it learned, so its accuracy is not measured.');
      id = modelId;
      hidden = [...model.defaultHidden];
      const expected = planFor(modelId, hidden).length;
      if (tensorCount !== expected) throw new NotRebuildable(`It has ${tensorCount} ${tensorCount === 1 ? 'tensor' : 'tensors'}; ${model.label} has ${expected}.`);
    },
    tensor(index, name, shape) {
      const model = MODELS[id!];
      const isKernel = name.endsWith('/kernel');
      if (isKernel && kernels < hidden.length) {
        hidden[kernels] = shape[shape.length - 1];
        const problem = validateHidden(id!, hidden);
        if (problem) throw new NotRebuildable(`Its layers do not fit ${model.label}: ${problem}`);
      }
      if (isKernel) kernels++;
      const want = planFor(id!, hidden)[index];
      if (want.name !== name || shapeText(want.shape) !== shapeText(shape)) {
        throw new NotRebuildable(`Its tensor ${index + 1} is "${name}" ${shapeText(shape)}; ${model.label} has "${want.name}" ${shapeText(want.shape)} there.`);
      }
    },
  };
  return {
    checks,
    model: () => {
      if (id === null) throw new Error('The file has not been checked yet.');
      return { id, hidden };
    },
  };
}
