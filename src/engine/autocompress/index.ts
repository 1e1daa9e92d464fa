// Public API of the auto-compress search, for the worker and `npm run reproduce -- smallest`.
export { autoCompress, type AutoCompressInput, type AutoCompressModel, type AutoCompressOptions } from './search';
export { AUTO_COMPRESS_PLANS, AUTO_COMPRESS_PRESET_IDS, planOf } from './plans';
export { BIAS_LADDER, KERNEL_LADDER, KMEANS_CLUSTERS } from './ladders';
export type * from './types';
