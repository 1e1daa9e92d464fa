// Models are plain lists of layer descriptions, built by network.ts with raw tf ops (no
// tf.layers) so later stages can read, mask and rewrite every kernel directly.
import type { ModelId } from '../spec/types';
import type { DatasetKind } from '../datasets/registry';

export type Activation = 'relu' | 'linear';

export type LayerDef =
  | { type: 'dense'; units: number; activation: Activation }
  | { type: 'conv2d'; filters: number; kernelSize: number; activation: Activation; padding: 'same' | 'valid' }
  | { type: 'maxPool'; size: number }
  | { type: 'flatten' };

export interface HiddenBounds {
  /** Smallest and largest width of one hidden layer (units or filters). */
  min: number;
  max: number;
  /** How many entries `hidden` may have. */
  minLayers: number;
  maxLayers: number;
}

/** Tighter bounds for one entry of `hidden`, for models whose entries mean different things. */
export interface HiddenEntryBounds {
  label: string; // e.g. "filters of the first convolution"
  min: number;
  max: number;
}

export interface ModelDefinition {
  id: ModelId;
  label: string;
  /** One or two sentences for a tooltip. */
  description: string;
  /** Which family of datasets the model takes as input. */
  datasets: DatasetKind;
  defaultHidden: number[];
  hiddenBounds: HiddenBounds;
  /** Optional per-entry bounds, checked after `hiddenBounds`. */
  hiddenEntries?: HiddenEntryBounds[];
  layers(hidden: number[], numClasses: number): LayerDef[];
}
