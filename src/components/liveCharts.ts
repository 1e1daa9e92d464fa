// The one lazily loaded entry for everything that needs recharts, so the bundle has a single
// clearly named chart chunk that loads after the first paint.
export { default as LossChart } from './LossChart';
export { default as AccuracyChart } from './AccuracyChart';
