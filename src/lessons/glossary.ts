// Every term a lesson (or a control's hint) leans on, in one or two plain sentences. Lessons mark
// a term as {id} or {id|shown words}; the page turns each mark into a tooltip with this text.
import { ESTIMATE_ROWS } from '../engine/compression/estimate';

export interface GlossaryEntry {
  /** The words shown when a lesson writes just {id}. */
  term: string;
  definition: string;
}

export const GLOSSARY = {
  sparsity: {
    term: 'sparsity',
    definition: 'The fraction of weights set to zero. 90% sparsity keeps one weight in ten.',
  },
  pruning: {
    term: 'pruning',
    definition: 'Removing weights (setting them to zero for good) to make a network smaller and cheaper to run.',
  },
  magnitude: {
    term: 'magnitude pruning',
    definition: 'Pruning the weights with the smallest absolute value first, on the bet that they matter least.',
  },
  global: {
    term: 'global pruning',
    definition: 'One threshold for the whole network, so layers with many small weights lose more of them than others.',
  },
  layerwise: {
    term: 'layer-wise pruning',
    definition: 'Every layer loses the same fraction of its weights, whatever their sizes.',
  },
  mask: {
    term: 'mask',
    definition: 'A 0/1 pattern over the weights saying which survive pruning. Training with the mask held keeps pruned weights at zero.',
  },
  finetune: {
    term: 'fine-tuning',
    definition: 'Training the pruned network a little longer, mask held, so the surviving weights make up for the removed ones.',
  },
  quantization: {
    term: 'quantization',
    definition: 'Storing each weight with fewer bits: the weights are rounded to a small set of levels, and only the level number is kept.',
  },
  bitwidth: {
    term: 'bit width',
    definition: 'How many bits store one weight. 32 is a normal float; 4 bits allow 16 levels.',
  },
  pertensor: {
    term: 'per-tensor',
    definition: 'One scale for a whole layer: a single wide weight stretches the levels for all the others.',
  },
  perchannel: {
    term: 'per-channel',
    definition: 'One scale per output neuron (a column of a dense kernel), so each neuron gets levels that fit its own weights.',
  },
  kmeans: {
    term: 'k-means weight sharing',
    definition: 'Deep Compression’s quantizer: the weights are grouped into k clusters and each stores only its cluster number; the cluster centres are kept in a small table.',
  },
  qat: {
    term: 'quantization-aware training',
    definition: 'Fine-tuning with rounding in the forward pass, so the network learns weights that survive it. Gradients pass the rounding unchanged (the straight-through estimator).',
  },
  encoded: {
    term: 'encoded size',
    definition: 'The length in bytes of the real compressed file: positions of surviving weights, their codes, the scales or tables, and the biases.',
  },
  ratio: {
    term: 'compression ratio',
    definition: 'The dense float32 model’s bytes divided by the encoded bytes. 40× means the file is 40 times smaller.',
  },
  entropy: {
    term: 'entropy coding',
    definition: 'Huffman coding of the codes and gaps: frequent values get short bit strings, so the file shrinks further with no loss.',
  },
  pareto: {
    term: 'Pareto frontier',
    definition: 'The points no other point beats on both size and accuracy at once: the best trade-offs found so far.',
  },
  estimate: {
    term: 'estimate',
    definition: `Accuracy measured on ${ESTIMATE_ROWS.toLocaleString('en-US')} test images drawn at random (seeded by the run) with every class in its test-set share, shown at once; the figure on the whole test set replaces it a moment later.`,
  },
  dense: {
    term: 'dense model',
    definition: 'The trained network before any pruning or quantization: the reference every compressed point is compared with.',
  },
  macs: {
    term: 'MACs',
    definition: 'Multiply-accumulate operations for one image. Pruned weights need none, so sparse models can also be cheaper to run.',
  },
  ticket: {
    term: 'lottery ticket',
    definition: 'A sparse subnetwork that, started from the right initial weights, trains to the accuracy of the full network (Frankle & Carbin, 2019).',
  },
  imp: {
    term: 'iterative magnitude pruning',
    definition: 'Train, prune a fraction of the smallest weights, rewind, and repeat, so sparsity grows round by round.',
  },
  rewinding: {
    term: 'rewinding',
    definition: 'Resetting the surviving weights to the values they had at initialization (or at an early iteration k) before retraining them.',
  },
  lrrewinding: {
    term: 'learning-rate rewinding',
    definition: 'Keeping the trained weights but replaying the learning-rate schedule from early on (Renda, Frankle & Carbin, 2020).',
  },
  reinit: {
    term: 'random reinitialization',
    definition: 'The control: the same mask, but fresh random starting weights. If it trains worse, the starting weights mattered.',
  },
  transfer: {
    term: 'transfer learning',
    definition: 'Starting from a network trained on one task and adapting it to another, so the new task needs far fewer labels.',
  },
  extractor: {
    term: 'feature extractor',
    definition: 'The early layers of a trained network, reused to turn an input into features; only a new last layer (the head) learns the new task.',
  },
  frozen: {
    term: 'frozen',
    definition: 'Weights that are not trained further. A frozen feature extractor keeps what it learned on the source task.',
  },
} satisfies Record<string, GlossaryEntry>;

export type GlossaryId = keyof typeof GLOSSARY;

export function isGlossaryId(id: string): id is GlossaryId {
  return Object.hasOwn(GLOSSARY, id);
}
