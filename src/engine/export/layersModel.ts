// A compressed model as a TensorFlow.js LayersModel: model.json (Keras-style topology plus a
// weights manifest) and one binary file of float32 weights, so `tf.loadLayersModel` can run
// it anywhere. The weights are the dequantized ones: what the format stores in a few bits
// is written back as float32, which is the point of comparison, not of size.
import type { WeightArray } from '../spec/types';
import { planLayers } from '../models/plan';
import type { LayerDef } from '../models/types';

export interface LayersModelFiles {
  /** The text of model.json. */
  modelJson: string;
  /** The name model.json's manifest gives the weights file (a path relative to model.json). */
  weightsFileName: string;
  /** Every weight as little-endian float32, in manifest order. */
  weightData: Uint8Array<ArrayBuffer>;
}

type KerasLayer = { class_name: string; config: Record<string, unknown> };

function kerasLayer(layer: LayerDef, name: string): KerasLayer {
  switch (layer.type) {
    case 'flatten':
      return { class_name: 'Flatten', config: { name, trainable: true, data_format: 'channels_last' } };
    case 'dense':
      return { class_name: 'Dense', config: { name, trainable: true, units: layer.units, activation: layer.activation, use_bias: true } };
    case 'conv2d':
      return {
        class_name: 'Conv2D',
        config: {
          name,
          trainable: true,
          filters: layer.filters,
          kernel_size: [layer.kernelSize, layer.kernelSize],
          strides: [1, 1],
          padding: layer.padding,
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          activation: layer.activation,
          use_bias: true,
        },
      };
    case 'maxPool':
      return {
        class_name: 'MaxPooling2D',
        config: { name, trainable: true, pool_size: [layer.size, layer.size], strides: [layer.size, layer.size], padding: 'valid', data_format: 'channels_last' },
      };
  }
}

/**
 * The two files of a LayersModel for `layers` on inputs of `featureShape`, holding `weights`
 * (named and shaped as the engine's network names them). Throws a sentence when the weights do
 * not fit the layers.
 */
export function layersModelFiles(name: string, layers: LayerDef[], featureShape: number[], weights: WeightArray[]): LayersModelFiles {
  const plan = planLayers(layers, featureShape);
  if (plan.params.length !== weights.length) {
    throw new Error(`The model has ${plan.params.length} weight arrays, but ${weights.length} were given.`);
  }
  plan.params.forEach((p, i) => {
    const w = weights[i];
    if (w.name !== p.name || w.shape.join() !== p.shape.join() || w.values.length !== p.shape.reduce((a, b) => a * b, 1)) {
      throw new Error(`Weight ${i} is ${w.name} [${w.shape.join(', ')}], but the model needs ${p.name} [${p.shape.join(', ')}].`);
    }
  });

  const keras: KerasLayer[] = [];
  let rank = featureShape.length;
  let pools = 0;
  let flattens = 0;
  layers.forEach((layer, i) => {
    // Our dense layer flattens whatever reaches it; Keras's would act on the last axis only.
    if (layer.type === 'dense' && rank > 1) keras.push(kerasLayer({ type: 'flatten' }, `flatten_${flattens++}`));
    const param = plan.params.find((p) => p.layerIndex === i);
    const layerName = param ? param.name.slice(0, param.name.lastIndexOf('/')) : layer.type === 'maxPool' ? `pool_${pools++}` : `flatten_${flattens++}`;
    keras.push(kerasLayer(layer, layerName));
    rank = plan.outputShapes[i].length;
  });
  keras[0].config.batch_input_shape = [null, ...featureShape];
  keras[0].config.dtype = 'float32';

  const safeName = name.replace(/[^\w.-]+/g, '_') || 'model';
  const weightsFileName = `${safeName}.weights.bin`;
  const total = weights.reduce((n, w) => n + w.values.length, 0);
  const floats = new Float32Array(total);
  let offset = 0;
  for (const w of weights) {
    floats.set(w.values, offset);
    offset += w.values.length;
  }
  // Typed arrays use the platform's byte order; the format (and every browser) is little-endian.
  const weightData = new Uint8Array(floats.buffer);
  if (new Uint8Array(Float32Array.of(1).buffer)[3] !== 0x3f) {
    for (let i = 0; i < weightData.length; i += 4) weightData.subarray(i, i + 4).reverse();
  }

  const modelJson = {
    format: 'layers-model',
    generatedBy: 'Compression Playground',
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: { name: safeName, layers: keras },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [
      {
        paths: [weightsFileName],
        weights: weights.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' })),
      },
    ],
  };
  return { modelJson: JSON.stringify(modelJson), weightsFileName, weightData };
}
