// Walks a layer list from the input shape to the logits, checking that every layer fits and
// naming the parameters it needs. Pure arithmetic, no tensors, so the UI can show parameter
// counts of a model that was never built.
import type { LayerDef } from './types';

export interface ParamPlan {
  name: string; // "dense_0/kernel", "conv_1/bias"
  shape: number[];
  kind: 'kernel' | 'bias';
  layerIndex: number;
}

export interface LayerPlan {
  params: ParamPlan[];
  /** Per-example output shape of every layer, e.g. [[28, 28, 6], [14, 14, 6], ...]. */
  outputShapes: number[][];
}

const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
const text = (shape: number[]): string => `[${shape.join(', ')}]`;

export function planLayers(layers: LayerDef[], featureShape: number[]): LayerPlan {
  const params: ParamPlan[] = [];
  const outputShapes: number[][] = [];
  let shape = featureShape.slice();
  let dense = 0;
  let conv = 0;
  layers.forEach((layer, layerIndex) => {
    switch (layer.type) {
      case 'flatten':
        shape = [size(shape)];
        break;
      case 'dense': {
        // A dense layer flattens whatever reaches it, so [28, 28, 1] inputs need no flatten layer.
        const name = `dense_${dense++}`;
        const kernelShape = [size(shape), layer.units];
        params.push({ name: `${name}/kernel`, shape: kernelShape, kind: 'kernel', layerIndex });
        params.push({ name: `${name}/bias`, shape: [layer.units], kind: 'bias', layerIndex });
        shape = [layer.units];
        break;
      }
      case 'conv2d': {
        if (shape.length !== 3) {
          throw new Error(
            `Layer ${layerIndex} is a convolution and needs [height, width, channels] input, got ${text(shape)}.`,
          );
        }
        const [h, w, c] = shape;
        const k = layer.kernelSize;
        const [oh, ow] = layer.padding === 'same' ? [h, w] : [h - k + 1, w - k + 1];
        if (oh < 1 || ow < 1) {
          throw new Error(`Layer ${layerIndex}: a ${k}x${k} kernel does not fit a ${h}x${w} input.`);
        }
        const name = `conv_${conv++}`;
        params.push({ name: `${name}/kernel`, shape: [k, k, c, layer.filters], kind: 'kernel', layerIndex });
        params.push({ name: `${name}/bias`, shape: [layer.filters], kind: 'bias', layerIndex });
        shape = [oh, ow, layer.filters];
        break;
      }
      case 'maxPool': {
        if (shape.length !== 3) {
          throw new Error(
            `Layer ${layerIndex} is a pooling layer and needs [height, width, channels] input, got ${text(shape)}.`,
          );
        }
        const [h, w, c] = shape;
        const s = layer.size;
        if (h < s || w < s) throw new Error(`Layer ${layerIndex}: ${s}x${s} pooling does not fit a ${h}x${w} input.`);
        shape = [Math.floor(h / s), Math.floor(w / s), c];
        break;
      }
    }
    outputShapes.push(shape);
  });
  return { params, outputShapes };
}

/** Number of weights and biases of a layer list, without building it. */
export function countPlannedParams(layers: LayerDef[], featureShape: number[]): number {
  return planLayers(layers, featureShape).params.reduce((sum, p) => sum + size(p.shape), 0);
}
