// The network of the transfer lab, held as raw variables so the lab can read the activations
// at any layer (the "features"), train only the layers above them, and put a new head on top.
// A small LeNet-style net: convolutions (5x5, valid, ReLU, 2x2 max pooling) learn strokes and
// corners that any handwritten shape has, so they are what carries over to new classes; the
// dense layers above them are the head.
import * as tf from '@tensorflow/tfjs';
import { conv2dLayer } from '../models/conv_op';
import { denseLayer } from '../models/dense_op';
import { glorotNormal } from '../models/init';
import { createRng } from '../random';

export type NetLayer = { type: 'conv'; filters: number; kernelSize: number } | { type: 'dense'; units: number };

export interface NetArchitecture {
  /** [height, width, channels] of one example; rows of a split are this, flattened. */
  inputShape: [number, number, number];
  /** Convolutions first, then dense layers; the last dense layer gives the class scores. */
  layers: NetLayer[];
}

export interface LayerPlan {
  /** Shape of one example entering the layer. */
  input: number[];
  output: number[];
  kernelShape: number[];
  /** Multiply-accumulates per example. */
  macs: number;
}

/** Copies of one network's parameters, plain arrays (they cross the worker boundary). */
export interface NetWeights {
  architecture: NetArchitecture;
  kernels: Float32Array[];
  biases: Float32Array[];
}

export interface Net {
  architecture: NetArchitecture;
  plan: LayerPlan[];
  variables: { kernel: tf.Variable; bias: tf.Variable }[];
  /** Values per example entering layer i (flattened). */
  inputSize(layer: number): number;
  /** Class scores for rows x [batch, inputSize(from)], running layers `from` onwards. x is data. */
  forward(x: tf.Tensor2D, from?: number): tf.Tensor2D;
  /** The input of layer `upTo`, flattened: [batch, inputSize(upTo)]. */
  features(x: tf.Tensor2D, upTo: number): tf.Tensor2D;
  getWeights(): NetWeights;
  dispose(): void;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

export function planNet(architecture: NetArchitecture): LayerPlan[] {
  let shape: number[] = architecture.inputShape.slice();
  return architecture.layers.map((layer) => {
    const input = shape;
    if (layer.type === 'conv') {
      const [h, w, c] = input;
      const k = layer.kernelSize;
      if (input.length !== 3 || h < k || w < k) throw new Error(`A ${k}x${k} convolution does not fit an input of shape [${input.join(', ')}].`);
      const convH = h - k + 1;
      const convW = w - k + 1;
      shape = [Math.floor(convH / 2), Math.floor(convW / 2), layer.filters];
      return { input, output: shape, kernelShape: [k, k, c, layer.filters], macs: convH * convW * k * k * c * layer.filters };
    }
    const inputs = size(input);
    shape = [layer.units];
    return { input, output: shape, kernelShape: [inputs, layer.units], macs: inputs * layer.units };
  });
}

/** Glorot-normal kernels and zero biases from `seed` (see models/init.ts). */
export function initialWeights(architecture: NetArchitecture, seed: number, fromLayer = 0): Pick<NetWeights, 'kernels' | 'biases'> {
  const rng = createRng(seed);
  const plan = planNet(architecture).slice(fromLayer);
  return {
    kernels: plan.map((p) => glorotNormal(p.kernelShape, rng)),
    biases: plan.map((p) => new Float32Array(p.kernelShape[p.kernelShape.length - 1])),
  };
}

export function createNet(weights: NetWeights): Net {
  const { architecture } = weights;
  const plan = planNet(architecture);
  const variables = plan.map((p, i) =>
    tf.tidy(() => ({
      kernel: tf.variable(tf.tensor(weights.kernels[i].slice(), p.kernelShape, 'float32'), true),
      bias: tf.variable(tf.tensor1d(weights.biases[i].slice()), true),
    })),
  );
  const last = plan.length - 1;
  const run = (x: tf.Tensor2D, from: number, to: number): tf.Tensor => {
    let h: tf.Tensor = tf.reshape(x, [x.shape[0], ...plan[from].input]);
    for (let i = from; i < to; i++) {
      const layer = architecture.layers[i];
      const { kernel, bias } = variables[i];
      const withInputGrad = i > from;
      if (layer.type === 'conv') {
        const y = conv2dLayer(h as tf.Tensor4D, kernel as tf.Tensor4D, bias as tf.Tensor1D, 'valid', 'relu', withInputGrad);
        h = tf.maxPool(y, 2, 2, 'valid');
      } else {
        if (h.rank !== 2) h = tf.reshape(h, [h.shape[0], -1]);
        h = denseLayer(h as tf.Tensor2D, kernel as tf.Tensor2D, bias as tf.Tensor1D, i === last ? 'linear' : 'relu', withInputGrad);
      }
    }
    return h;
  };
  return {
    architecture,
    plan,
    variables,
    inputSize: (layer) => size(plan[layer].input),
    forward: (x, from = 0) => run(x, from, plan.length) as tf.Tensor2D,
    features: (x, upTo) => tf.tidy(() => tf.reshape(run(x, 0, upTo), [x.shape[0], -1]) as tf.Tensor2D),
    getWeights: () => ({
      architecture,
      kernels: variables.map((v) => new Float32Array(v.kernel.dataSync())),
      biases: variables.map((v) => new Float32Array(v.bias.dataSync())),
    }),
    dispose: () =>
      variables.forEach((v) => {
        v.kernel.dispose();
        v.bias.dispose();
      }),
  };
}

/** The architecture with its last layer giving `numClasses` scores. */
export function withClasses(architecture: NetArchitecture, numClasses: number): NetArchitecture {
  const layers = architecture.layers.slice();
  const last = layers[layers.length - 1];
  if (last?.type !== 'dense') throw new Error('The last layer of the network must be dense: it gives the class scores.');
  layers[layers.length - 1] = { type: 'dense', units: numClasses };
  return { inputShape: architecture.inputShape, layers };
}

/**
 * The first `keep` layers of a pretrained network (the feature extractor) under freshly drawn
 * layers up to the end of `architecture` (the new head, from `headSeed`). The two must agree
 * on the first `keep` layers.
 */
export function withNewHead(pretrained: NetWeights, keep: number, architecture: NetArchitecture, headSeed: number): NetWeights {
  const n = architecture.layers.length;
  if (!(keep >= 1 && keep < n)) throw new Error(`Keep between 1 and ${n - 1} pretrained layers, got ${keep}.`);
  const a = planNet(pretrained.architecture);
  const b = planNet(architecture);
  for (let i = 0; i < keep; i++) {
    if (a[i].kernelShape.join() !== b[i].kernelShape.join()) throw new Error(`Layer ${i} of the pretrained network does not match the new network.`);
  }
  const fresh = initialWeights(architecture, headSeed, keep);
  return {
    architecture,
    kernels: [...pretrained.kernels.slice(0, keep), ...fresh.kernels],
    biases: [...pretrained.biases.slice(0, keep), ...fresh.biases],
  };
}
