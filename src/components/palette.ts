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
