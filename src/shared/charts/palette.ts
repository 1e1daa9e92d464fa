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

/** Bit width on the size-vs-accuracy chart: the fill colour of a marker (its shape is the
 * pruning method), so a sweep's 32, 8, 4 and 2-bit points read apart without hovering. */
export const BIT_GROUPS = [
  { id: 'f32', label: '32-bit float', color: '#8a93a3', test: (bits: number) => bits >= 32 },
  { id: 'f16', label: '16-bit float', color: '#56B4E9', test: (bits: number) => bits === 16 },
  { id: 'b8', label: '8 bits', color: '#0072B2', test: (bits: number) => bits === 8 },
  { id: 'b5', label: '5-7 bits', color: '#009E73', test: (bits: number) => bits >= 5 && bits <= 7 },
  { id: 'b4', label: '4 bits', color: '#E69F00', test: (bits: number) => bits === 4 },
  { id: 'b3', label: '3 bits', color: '#D55E00', test: (bits: number) => bits === 3 },
  { id: 'b1', label: '1-2 bits', color: '#CC79A7', test: (bits: number) => bits <= 2 },
] as const;

export function bitGroupOf(bits: number): (typeof BIT_GROUPS)[number] {
  return BIT_GROUPS.find((g) => g.test(bits)) ?? BIT_GROUPS[0];
}

export type MarkerShape = (typeof METHOD_STYLES)[keyof typeof METHOD_STYLES]['marker'];

/** The parts of an encoded model, in the "where the bytes go" bar and the layer table. */
export const BYTE_PART_COLORS = {
  codes: '#0072B2',
  positions: '#E69F00',
  tables: '#CC79A7',
  biases: '#56B4E9',
  header: '#8a93a3',
} as const;
