// The PyTorch figures the compression study is held against (../shared/REFERENCE.md).

/** What PyTorch 1.13 reached on this kind of machine (REFERENCE.md), by row id. */
export interface ReferenceFigure {
  testAccuracy?: number; // fraction
  bytes?: number;
  ratio?: number;
  note?: string;
}

export const PYTORCH_REFERENCE: Record<string, ReferenceFigure> = {
  dense: { testAccuracy: 0.9796, bytes: 1_066_440, ratio: 1, note: 'the trained model PyTorch pruned' },
  'ptq-sym-tensor-8': { testAccuracy: 0.9798 },
  'ptq-sym-tensor-6': { testAccuracy: 0.98 },
  'ptq-sym-tensor-4': { testAccuracy: 0.9772 },
  'ptq-sym-tensor-3': { testAccuracy: 0.936 },
  'ptq-sym-tensor-2': { testAccuracy: 0.0974 },
  'ptq-sym-channel-8': { testAccuracy: 0.9798 },
  'ptq-sym-channel-6': { testAccuracy: 0.9795 },
  'ptq-sym-channel-4': { testAccuracy: 0.9796 },
  'ptq-sym-channel-3': { testAccuracy: 0.9747 },
  'ptq-sym-channel-2': { testAccuracy: 0.4966 },
  'ptq-float16': { testAccuracy: 0.9796 },
  'ptq-kmeans-16': { testAccuracy: 0.9798 },
  'ptq-kmeans-4': { testAccuracy: 0.9557 },
  'prune-50': { testAccuracy: 0.9793 },
  'prune-80': { testAccuracy: 0.9653 },
  'prune-90': { testAccuracy: 0.8877 },
  'prune-95': { testAccuracy: 0.4165 },
  'prune-98': { testAccuracy: 0.1159 },
  'ft-90': { testAccuracy: 0.9826 },
  'ft-98': { testAccuracy: 0.9491 },
  'ft90-q4-tensor': { testAccuracy: 0.9824, bytes: 26_167, ratio: 41, note: 'entropy bound of the 4-bit codes' },
  'ft90-q4-tensor-raw': { testAccuracy: 0.9824, bytes: 34_333, ratio: 31, note: 'relative-index gaps + 4-bit codes' },
  'ft90-q4-channel': { testAccuracy: 0.9818, bytes: 26_167, ratio: 41, note: 'entropy bound of the 4-bit codes' },
  'ft90-q4-channel-raw': { testAccuracy: 0.9818, bytes: 34_333, ratio: 31, note: 'relative-index gaps + 4-bit codes' },
};
