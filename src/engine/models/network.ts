// A model as raw tf.Variables plus a forward pass of plain tf ops. Pruning and quantization
// read and overwrite these variables in place, which tf.layers would hide behind its own
// weight bookkeeping.
import * as tf from '@tensorflow/tfjs';
import type { ModelId, WeightArray } from '../spec/types';
import { createRng, deriveSeed } from '../random';
import { conv2dLayer } from './conv_op';
import { denseLayer } from './dense_op';
import { glorotNormal } from './init';
import { planLayers } from './plan';
import { MODELS, validateHidden } from './registry';
import type { LayerDef } from './types';

export interface NetworkParam {
  name: string;
  variable: tf.Variable;
  kind: 'kernel' | 'bias';
  layerIndex: number;
}

export interface Network {
  modelId: ModelId;
  layers: LayerDef[];
  params: NetworkParam[];
  /** Logits [batch, numClasses] for inputs shaped [batch, ...featureShape]. */
  predict(x: tf.Tensor): tf.Tensor2D;
  /** Copies of every parameter, in `params` order. */
  getWeights(): WeightArray[];
  /** The same, read without blocking: WebGPU has no synchronous readback that works everywhere
   * (tfjs draws through a WebGPU canvas, which loses the device on SwiftShader; README, WebGPU). */
  getWeightsAsync(): Promise<WeightArray[]>;
  /** The weights it was created with (drawn in JS from the seed), so a trainer can keep them as
   * its step-0 checkpoint without a readback. */
  readonly initialWeights: readonly WeightArray[];
  /** Overwrites every parameter; names and shapes must match `getWeights()`. */
  setWeights(weights: WeightArray[]): void;
  countParams(): number;
  dispose(): void;
}

export function createNetwork(
  modelId: ModelId,
  hidden: number[],
  featureShape: number[],
  numClasses: number,
  seed: number,
): Network {
  const problem = validateHidden(modelId, hidden);
  if (problem) throw new Error(problem);
  const layers = MODELS[modelId].layers(hidden, numClasses);
  const plan = planLayers(layers, featureShape);
  const last = plan.outputShapes[plan.outputShapes.length - 1];
  if (last.length !== 1 || last[0] !== numClasses) {
    throw new Error(`${MODELS[modelId].label} ends in shape [${last.join(', ')}], expected [${numClasses}].`);
  }

  // Its own stream, so the data order or anything else drawn from the seed cannot shift it.
  const rng = createRng(deriveSeed(seed, 'init'));
  const initialWeights: WeightArray[] = [];
  const params: NetworkParam[] = plan.params.map((p) => {
    const size = p.shape.reduce((a, b) => a * b, 1);
    const values = p.kind === 'kernel' ? glorotNormal(p.shape, rng) : new Float32Array(size);
    initialWeights.push({ name: p.name, shape: p.shape.slice(), values: values.slice() });
    // tidy disposes the temporary tensor; the variable keeps its data alive.
    const variable = tf.tidy(() => tf.variable(tf.tensor(values, p.shape, 'float32'), true));
    return { name: p.name, variable, kind: p.kind, layerIndex: p.layerIndex };
  });
  const byLayer = new Map<number, { kernel: tf.Variable; bias: tf.Variable }>();
  for (let i = 0; i < params.length; i += 2) {
    byLayer.set(params[i].layerIndex, { kernel: params[i].variable, bias: params[i + 1].variable });
  }

  // Layers before the first one with parameters only see data, which needs no gradient.
  const firstParamLayer = params.length > 0 ? params[0].layerIndex : layers.length;
  const forward = (x: tf.Tensor): tf.Tensor2D => {
    let h = x;
    layers.forEach((layer, i) => {
      const p = byLayer.get(i);
      switch (layer.type) {
        case 'flatten':
          h = tf.reshape(h, [h.shape[0], -1]);
          break;
        case 'dense':
          if (h.rank !== 2) h = tf.reshape(h, [h.shape[0], -1]);
          h = denseLayer(
            h as tf.Tensor2D,
            p!.kernel as tf.Tensor2D,
            p!.bias as tf.Tensor1D,
            layer.activation,
            i > firstParamLayer,
          );
          break;
        case 'conv2d':
          h = conv2dLayer(
            h as tf.Tensor4D,
            p!.kernel as tf.Tensor4D,
            p!.bias as tf.Tensor1D,
            layer.padding,
            layer.activation,
            i > firstParamLayer,
          );
          break;
        case 'maxPool':
          h = tf.maxPool(h as tf.Tensor4D, layer.size, layer.size, 'valid');
          break;
      }
    });
    return h as tf.Tensor2D;
  };

  let disposed = false;
  return {
    modelId,
    layers,
    params,
    predict: (x) => tf.tidy(() => forward(x)),
    getWeights: () =>
      params.map((p) => ({
        name: p.name,
        shape: p.variable.shape.slice(),
        // dataSync may hand out the backend's own buffer (cpu does), so copy it.
        values: new Float32Array(p.variable.dataSync()),
      })),
    getWeightsAsync: async () => {
      const values = await Promise.all(params.map((p) => p.variable.data() as Promise<Float32Array>));
      return params.map((p, i) => ({ name: p.name, shape: p.variable.shape.slice(), values: new Float32Array(values[i]) }));
    },
    initialWeights,
    setWeights(weights) {
      checkWeights(params, weights);
      params.forEach((p, i) => {
        // Copied, because the cpu backend would otherwise keep the caller's array as its storage.
        tf.tidy(() => p.variable.assign(tf.tensor(weights[i].values.slice(), p.variable.shape, 'float32')));
      });
    },
    countParams: () => params.reduce((sum, p) => sum + p.variable.size, 0),
    dispose() {
      // Idempotent: a trainer and its owner may both clean up.
      if (!disposed) params.forEach((p) => p.variable.dispose());
      disposed = true;
    },
  };
}

function checkWeights(params: NetworkParam[], weights: WeightArray[]): void {
  if (weights.length !== params.length) {
    throw new Error(`setWeights got ${weights.length} arrays, but this network has ${params.length} parameters.`);
  }
  params.forEach((p, i) => {
    const w = weights[i];
    const shape = p.variable.shape;
    if (w.name !== p.name) throw new Error(`setWeights: array ${i} is "${w.name}", expected "${p.name}".`);
    if (w.shape.length !== shape.length || w.shape.some((d, j) => d !== shape[j])) {
      throw new Error(`setWeights: "${p.name}" has shape [${w.shape.join(', ')}], expected [${shape.join(', ')}].`);
    }
    if (w.values.length !== p.variable.size) {
      throw new Error(`setWeights: "${p.name}" holds ${w.values.length} values, its shape needs ${p.variable.size}.`);
    }
  });
}
