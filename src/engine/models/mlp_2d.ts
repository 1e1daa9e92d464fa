// The small ReLU net of the 2-D sets, the size of the TensorFlow Playground's default network,
// so its decision boundary can be drawn and pruned weight by weight.
import type { LayerDef, ModelDefinition } from './types';

export const mlp2d: ModelDefinition = {
  id: 'mlp_2d',
  label: 'Small MLP',
  description: 'A tiny fully connected net for 2-D points: 2 inputs, 1 to 4 hidden ReLU layers, 2 outputs.',
  datasets: 'toy',
  defaultHidden: [8, 8],
  hiddenBounds: { min: 1, max: 32, minLayers: 1, maxLayers: 4 },
  layers(hidden: number[], numClasses: number): LayerDef[] {
    return [
      ...hidden.map((units): LayerDef => ({ type: 'dense', units, activation: 'relu' })),
      { type: 'dense', units: numClasses, activation: 'linear' },
    ];
  },
};
