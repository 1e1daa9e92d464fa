// Fashion-MNIST for the Transfer view, fetched only when its task is chosen, then kept for the
// life of the worker. The Transfer view learns from at most 5,000 labels, so of the 60,000
// training images only the first 10,000 are kept (1,000 per class: the file interleaves the
// classes). Their file is read as a stream and the download stopped once those are in: about
// 4.5 MB of its 26.5 MB, and 160 MB less Float32 data in the worker. The test file is read whole.
import { buildFashionMnist, FASHION_COUNTS, FASHION_FILES, type FashionMnist } from '../engine/datasets/fashionMnist';
import { FASHION_MNIST } from '../engine/datasets/registry';
import { DataLoadError, fetchIdx, openDataFile, REGENERATE } from './data-loader';
import type { DataStatus } from './protocol';

export const FASHION_TRAIN_KEPT = 10_000;
const PIXELS = 28 * 28;
const IMAGES_HEADER = 16;
const LABELS_HEADER = 8;

let fashion: Promise<FashionMnist> | null = null;

export function loadFashionMnist(onStatus: (s: DataStatus) => void): Promise<FashionMnist> {
  fashion ??= fetchFashion(onStatus).catch((error: unknown) => {
    fashion = null; // a failed download is retried next time
    throw error;
  });
  return fashion;
}

/** The first `bytes` bytes of a gzip IDX file (or of a plain one, when the server already
 * decoded it), then the download is cancelled. */
async function fetchPrefix(file: string, bytes: number, onFraction: (f: number) => void): Promise<Uint8Array> {
  const shown = `${FASHION_MNIST.folder}/${file}`;
  const response = await openDataFile(file, FASHION_MNIST.folder);
  const raw = response.body.getReader();
  const first = await raw.read();
  const head = first.value ?? new Uint8Array(0);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  if (!gzip && !(head[0] === 0 && head[1] === 0 && head[2] === 0x08)) {
    await raw.cancel();
    throw new DataLoadError(`The ${FASHION_MNIST.label} file ${shown} is missing or is neither gzip nor IDX data. ${REGENERATE}`);
  }
  // The chunk already read, then the rest of the body.
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (first.done ? c.close() : c.enqueue(head)),
    pull: async (c) => {
      const next = await raw.read();
      if (next.done) c.close();
      else c.enqueue(next.value);
    },
    cancel: (reason) => raw.cancel(reason),
  });
  const reader = (gzip ? body.pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>) : body).getReader();
  const out = new Uint8Array(bytes);
  let got = 0;
  try {
    while (got < bytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, bytes - got);
      out.set(value.subarray(0, take), got);
      got += take;
      onFraction(got / bytes);
    }
  } catch {
    throw new DataLoadError(`The ${FASHION_MNIST.label} file ${shown} is damaged (its gzip data does not decompress). ${REGENERATE}`);
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  if (got < bytes) throw new DataLoadError(`The ${FASHION_MNIST.label} file ${shown} ends early (${got} bytes, ${bytes} expected). ${REGENERATE}`);
  return out;
}

/** Keeps the first `keep` items of an IDX file: checks the full file's count, then says `keep`. */
function firstItems(bytes: Uint8Array, header: number, itemBytes: number, keep: number, name: string): ArrayBuffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes.length >= 8 ? view.getUint32(4) : -1;
  if (count !== FASHION_COUNTS.train) {
    throw new DataLoadError(`${name} holds ${count} items, expected ${FASHION_COUNTS.train}. ${REGENERATE}`);
  }
  const kept = bytes.slice(0, header + keep * itemBytes);
  new DataView(kept.buffer).setUint32(4, keep);
  return kept.buffer;
}

async function fetchFashion(onStatus: (s: DataStatus) => void): Promise<FashionMnist> {
  const trainBytes = IMAGES_HEADER + FASHION_TRAIN_KEPT * PIXELS;
  const testBytes = IMAGES_HEADER + FASHION_COUNTS.test * PIXELS;
  const fractions = [0, 0];
  const images = (FASHION_TRAIN_KEPT + FASHION_COUNTS.test).toLocaleString('en-US');
  let lastPercent = -1;
  const report = () => {
    const fraction = (fractions[0] * trainBytes + fractions[1] * testBytes) / (trainBytes + testBytes);
    if (Math.round(fraction * 100) === lastPercent) return;
    lastPercent = Math.round(fraction * 100);
    onStatus({ message: `Downloading Fashion-MNIST (${images} images)… ${lastPercent}%`, fraction });
  };
  report();
  const folder = FASHION_MNIST.folder;
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    fetchPrefix(FASHION_FILES.trainImages, trainBytes, (f) => ((fractions[0] = f), report())),
    fetchIdx(FASHION_FILES.trainLabels, LABELS_HEADER + FASHION_COUNTS.train, () => undefined, folder),
    fetchIdx(FASHION_FILES.testImages, testBytes, (f) => ((fractions[1] = f), report()), folder),
    fetchIdx(FASHION_FILES.testLabels, LABELS_HEADER + FASHION_COUNTS.test, () => undefined, folder),
  ]);
  onStatus({ message: `Checking and unpacking ${images} Fashion-MNIST images…`, fraction: 1 });
  try {
    const files = {
      trainImages: firstItems(trainImages, IMAGES_HEADER, PIXELS, FASHION_TRAIN_KEPT, `${folder}/${FASHION_FILES.trainImages}`),
      trainLabels: firstItems(new Uint8Array(trainLabels), LABELS_HEADER, 1, FASHION_TRAIN_KEPT, `${folder}/${FASHION_FILES.trainLabels}`),
      testImages,
      testLabels,
    };
    // The training files were cut to 10,000 (their full counts checked above); the test files
    // must hold all 9,988.
    const data = buildFashionMnist(files, { strictCounts: false });
    if (data.test.count !== FASHION_COUNTS.test) {
      throw new DataLoadError(`${folder}/${FASHION_FILES.testImages} holds ${data.test.count} images, expected ${FASHION_COUNTS.test}. ${REGENERATE}`);
    }
    return data;
  } catch (err) {
    throw err instanceof DataLoadError ? err : new DataLoadError(err instanceof Error ? err.message : String(err));
  }
}
