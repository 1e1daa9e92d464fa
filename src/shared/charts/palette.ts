// Okabe-Ito, the colour-blind-safe palette. One hue per series, the same on every chart and in
// every legend, and always next to a text label.
export const SERIES_COLORS = {
  loss: '#0072B2',
  train: '#E69F00',
  validation: '#56B4E9',
  test: '#009E73',
  baseline: '#CC79A7',
  warning: '#D55E00',
} as const;

/** Each live chart redraws at most once per beat (2.5 times a second), the two half a beat
 * apart; the numbers on the page update on every store flush (5 times a second). */
export const CHART_BEAT_MS = 400;

/** One hue and one marker shape per pruning method, on the chart, in its legend and tooltips. */
export const METHOD_STYLES = {
  global_magnitude: { color: '#0072B2', marker: 'circle' },
  layerwise_magnitude: { color: '#E69F00', marker: 'square' },
  random: { color: '#D55E00', marker: 'triangle' },
  structured: { color: '#009E73', marker: 'diamond' },
} as const;

export type MarkerShape = (typeof METHOD_STYLES)[keyof typeof METHOD_STYLES]['marker'];

/** The parts of an encoded model, in the "where the bytes go" bar and the layer table. */
export const BYTE_PART_COLORS = {
  codes: '#0072B2',
  positions: '#E69F00',
  tables: '#CC79A7',
  biases: '#56B4E9',
  header: '#8a93a3',
} as const;
