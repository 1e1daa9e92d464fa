// "Try it on your own digit" in the worker: one image's class probabilities from the reference
// (dense) model and from the model at the controls' settings, a test image by its number, and
// the gallery of test images compression got wrong. The probe keeps two networks of its own
// (the lab's evaluation network may be mid-measurement), rebuilt only when the model or the
// settings change, so a slider move costs one compression (shared with the lab) and two passes.
import * as tf from '@tensorflow/tfjs';
import { createNetwork, type Network } from '../engine/models/network';
import type { Dataset, Split, TrainSpec, WeightArray } from '../engine/spec/types';
import { yieldToEventLoop } from '../engine/training/yield';
import { missPixels, selectMisses, type MissGallery } from './miss-gallery';

export interface ComparedModels {
  spec: TrainSpec;
  data: Dataset;
  reference: WeightArray[];
  /** The weights the compressed model is compressed from (the trained or the fine-tuned ones). */
  source: WeightArray[];
  /** Settings and fine-tuning of the compressed model. */
  key: string;
  /** The compressed weights (buffers the lab reuses: read at once). */
  compressed(): WeightArray[];
}

export interface DigitProbabilities {
  reference: Float32Array;
  compressed: Float32Array;
}

export interface TestDigit extends DigitProbabilities {
  index: number;
  label: number;
  pixels: Float32Array;
}

interface Held {
  /** The model the network was built for (its reference weights): a new one builds anew. */
  model: WeightArray[];
  source: WeightArray[];
  key: string;
  network: Network;
}

/** Small chunks: a slider's compression request waits at most one chunk behind the gallery. */
const CHUNK_ROWS = 500;
const widthOf = (data: Dataset) => data.featureShape.reduce((a, b) => a * b, 1);

function build(m: ComparedModels, weights: WeightArray[]): Network {
  const network = createNetwork(m.spec.model, m.spec.hidden, m.data.featureShape, m.data.numClasses, m.spec.seed);
  try {
    network.setWeights(weights);
  } catch (error) {
    network.dispose();
    throw error;
  }
  return network;
}

function softmaxOf(network: Network, pixels: Float32Array, featureShape: number[]): Float32Array {
  const probs = tf.tidy(() => tf.softmax(network.predict(tf.tensor(pixels, [1, ...featureShape], 'float32'))).dataSync());
  return Float32Array.from(probs); // our own copy: dataSync may hand out the backend's buffer
}

/** Predicted class of every image in `split`, a chunk at a time; null when `stale()` turned true. */
async function classesOf(network: Network, split: Split, featureShape: number[], stale: () => boolean): Promise<Uint8Array | null> {
  const width = featureShape.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(split.count);
  for (let start = 0; start < split.count; start += CHUNK_ROWS) {
    if (stale()) return null;
    const end = Math.min(split.count, start + CHUNK_ROWS);
    const rows = split.x.subarray(start * width, end * width);
    out.set(tf.tidy(() => tf.argMax(network.predict(tf.tensor(rows, [end - start, ...featureShape], 'float32')), 1).dataSync()), start);
    await yieldToEventLoop();
  }
  return out;
}

export class DigitProbe {
  private reference: Held | null = null;
  private compressed: Held | null = null;
  private referenceClasses = new WeakMap<WeightArray[], Uint8Array>();
  private compressedClasses: { source: WeightArray[]; key: string; classes: Uint8Array } | null = null;
  private galleryTicket = 0;

  private hold(held: Held | null, m: ComparedModels, source: WeightArray[], key: string, weights: () => WeightArray[]): Held {
    if (held && held.source === source && held.key === key) return held;
    // Same model, other settings: new weights into the same network (building one costs more).
    if (held && held.model === m.reference) {
      held.network.setWeights(weights());
      return { ...held, source, key };
    }
    held?.network.dispose();
    return { model: m.reference, source, key, network: build(m, weights()) };
  }

  /** Class probabilities of one image (featureShape values, MNIST scale 0..1) from both models. */
  probabilities(m: ComparedModels, pixels: Float32Array): DigitProbabilities {
    const width = widthOf(m.data);
    if (pixels.length !== width) throw new Error(`A digit is ${width} pixel values; this one has ${pixels.length}.`);
    if (!pixels.every(Number.isFinite)) throw new Error('The digit has a pixel that is not a number.');
    this.reference = this.hold(this.reference, m, m.reference, 'reference', () => m.reference);
    this.compressed = this.hold(this.compressed, m, m.source, m.key, m.compressed);
    return {
      reference: softmaxOf(this.reference.network, pixels, m.data.featureShape),
      compressed: softmaxOf(this.compressed.network, pixels, m.data.featureShape),
    };
  }

  /** Test image number `index`, its label and both models' probabilities. */
  testDigit(m: ComparedModels, index: number): TestDigit {
    const { test } = m.data;
    if (!Number.isInteger(index) || index < 0 || index >= test.count) {
      throw new Error(`Test images are numbered 0 to ${(test.count - 1).toLocaleString('en')}; ${index} is not one of them.`);
    }
    const width = widthOf(m.data);
    const pixels = test.x.slice(index * width, (index + 1) * width);
    return { index, label: test.y[index], pixels, ...this.probabilities(m, pixels) };
  }

  /** The test images the compressed model gets wrong and the reference right; null when a newer
   * gallery request (or a clear) superseded this one. Networks of its own, since it yields. */
  async missGallery(m: ComparedModels): Promise<MissGallery | null> {
    const ticket = ++this.galleryTicket;
    const stale = () => ticket !== this.galleryTicket;
    const { test, featureShape } = m.data;
    let ref = this.referenceClasses.get(m.reference) ?? null;
    if (!ref) {
      const network = build(m, m.reference);
      try {
        ref = await classesOf(network, test, featureShape, stale);
      } finally {
        network.dispose();
      }
      if (!ref) return null;
      this.referenceClasses.set(m.reference, ref);
    }
    const cached = this.compressedClasses;
    let comp = cached && cached.source === m.source && cached.key === m.key ? cached.classes : null;
    if (!comp) {
      const network = build(m, m.compressed());
      try {
        comp = await classesOf(network, test, featureShape, stale);
      } finally {
        network.dispose();
      }
      if (!comp) return null;
      this.compressedClasses = { source: m.source, key: m.key, classes: comp };
    }
    const selected = selectMisses(test.y.subarray(0, test.count), ref, comp);
    return { ...selected, tested: test.count, pixels: missPixels(test.x, widthOf(m.data), selected.shown) };
  }

  /** Drops both networks and every cached prediction (a reset, a new backend). */
  clear(): void {
    this.galleryTicket++;
    this.reference?.network.dispose();
    this.compressed?.network.dispose();
    this.reference = null;
    this.compressed = null;
    this.compressedClasses = null;
    this.referenceClasses = new WeakMap();
  }
}
