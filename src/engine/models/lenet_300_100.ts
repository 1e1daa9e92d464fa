// LeNet-300-100: the fully connected MNIST net of the Lottery Ticket and Deep Compression
// papers, so results here can be held against theirs (see /work/shared/REFERENCE.md).
import type { LayerDef, ModelDefinition } from './types';

export const lenet300100: ModelDefinition = {
  id: 'lenet_300_100',
  label: 'LeNet-300-100',
  description:
    'A fully connected net, 784-300-100-10 with ReLU: the network of the Lottery Ticket and Deep Compression papers.',
  datasets: 'mnist',
  defaultHidden: [300, 100],
  hiddenBounds: { min: 10, max: 1000, minLayers: 2, maxLayers: 2 },
  layers(hidden: number[], numClasses: number): LayerDef[] {
    return [
      { type: 'flatten' },
      ...hidden.map((units): LayerDef => ({ type: 'dense', units, activation: 'relu' })),
      { type: 'dense', units: numClasses, activation: 'linear' },
    ];
  },
};
