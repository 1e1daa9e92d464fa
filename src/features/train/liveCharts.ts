// The one lazily loaded entry for the live charts, so the controls and numbers paint first.
export { default as LossChart } from './LossChart';
export { default as AccuracyChart } from './AccuracyChart';
