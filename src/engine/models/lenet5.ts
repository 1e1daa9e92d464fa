// A LeNet-5 style convolutional net (ReLU and max pooling instead of the 1998 tanh and
// subsampling), the second MNIST model of Deep Compression. Input 28x28 is padded to keep the
// classic 5x5x16 feature map before the dense layers.
import type { LayerDef, ModelDefinition } from './types';

export const lenet5: ModelDefinition = {
  id: 'lenet5',
  label: 'LeNet-5',
  description:
    'A small convolutional net: two 5x5 convolutions with max pooling, then dense layers of 120 and 84 units.',
  datasets: 'mnist',
  defaultHidden: [6, 16, 120, 84],
  hiddenBounds: { min: 1, max: 1000, minLayers: 4, maxLayers: 4 },
  hiddenEntries: [
    { label: 'filters of the first convolution', min: 1, max: 64 },
    { label: 'filters of the second convolution', min: 1, max: 128 },
    { label: 'units of the first dense layer', min: 10, max: 1000 },
    { label: 'units of the second dense layer', min: 10, max: 1000 },
  ],
  layers(hidden: number[], numClasses: number): LayerDef[] {
    const [conv1, conv2, dense1, dense2] = hidden;
    return [
      { type: 'conv2d', filters: conv1, kernelSize: 5, activation: 'relu', padding: 'same' },
      { type: 'maxPool', size: 2 },
      { type: 'conv2d', filters: conv2, kernelSize: 5, activation: 'relu', padding: 'valid' },
      { type: 'maxPool', size: 2 },
      { type: 'flatten' },
      { type: 'dense', units: dense1, activation: 'relu' },
      { type: 'dense', units: dense2, activation: 'relu' },
      { type: 'dense', units: numClasses, activation: 'linear' },
    ];
  },
};
