// Fetches the gzip-compressed MNIST IDX files that scripts/prepare-data.mjs wrote into
// public/data/mnist, decompresses them here in the worker and hands them to the engine parser.
// Datasets are kept for the life of the worker (switching back costs nothing), and a load in
// flight is shared: Train, then an import or a lottery run while MNIST loads, downloads it once.
// Fashion-MNIST (public/data/fashion-mnist) goes through the same fetch and checks, from
// ./fashion-loader.
import { buildMnistDataset, MNIST_FILES } from '../engine/datasets/mnist';
import { FASHION_MNIST } from '../engine/datasets/registry';
import { generateToyDataset } from '../engine/datasets/toy2d';
import type { Dataset, DatasetId } from '../engine/spec/types';
import type { DataStatus } from './protocol';

export const REGENERATE = 'Run `npm install` (it runs scripts/prepare-data.mjs) and reload the page.';

export class DataLoadError extends Error {}

function dataUrl(file: string, folder = 'mnist'): string {
  return new URL(`${import.meta.env.BASE_URL}data/${folder}/${file}`, self.location.origin).href;
}

const IDX_RAW_BYTES: Record<string, number> = {
  trainImages: 47_040_016,
  trainLabels: 60_008,
  testImages: 7_840_016,
  testLabels: 10_008,
};

/** Reads a response body while reporting the fraction received. A server may send the file
 * with `Content-Encoding: gzip` (vite preview does), in which case the browser has already
 * decompressed it and the body counts towards the raw IDX size. */
async function readBody(response: Response, rawBytes: number, onFraction: (f: number) => void): Promise<Blob> {
  const encoded = response.headers.get('content-encoding');
  const total = encoded ? rawBytes : Number(response.headers.get('content-length')) || rawBytes / 5;
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onFraction(Math.min(1, received / total));
  }
  onFraction(1);
  return new Blob(chunks as BlobPart[]);
}

const datasetName = (folder: string) => (folder === 'mnist' ? 'MNIST' : FASHION_MNIST.label);
/** A file as named in messages: MNIST's bare, others with their folder. */
const shownName = (file: string, folder: string) => (folder === 'mnist' ? file : `${folder}/${file}`);

/** The response for one data file, its body unread; a missing file is a sentence. */
export async function openDataFile(file: string, folder = 'mnist'): Promise<Response & { body: ReadableStream<Uint8Array> }> {
  let response: Response;
  try {
    response = await fetch(dataUrl(file, folder));
  } catch {
    throw new DataLoadError(`Could not download ${shownName(file, folder)} from this site. Check that the playground's server is running.`);
  }
  if (!response.ok || !response.body) {
    throw new DataLoadError(`The ${datasetName(folder)} file ${shownName(file, folder)} is missing (HTTP ${response.status}). ${REGENERATE}`);
  }
  return response as Response & { body: ReadableStream<Uint8Array> };
}

export async function fetchIdx(file: string, rawBytes: number, onFraction: (f: number) => void, folder = 'mnist'): Promise<ArrayBuffer> {
  const what = datasetName(folder);
  const response = await openDataFile(file, folder);
  file = shownName(file, folder);
  const body = await readBody(response, rawBytes, onFraction);
  const head = new Uint8Array(await body.slice(0, 4).arrayBuffer());
  // Already decoded by the browser: an IDX file starts with 00 00 08.
  if (head[0] === 0 && head[1] === 0 && head[2] === 0x08) return body.arrayBuffer();
  // A dev server answers a missing file with index.html; gzip starts with 1f 8b.
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    throw new DataLoadError(`The ${what} file ${file} is missing or is neither gzip nor IDX data. ${REGENERATE}`);
  }
  try {
    const stream = body.stream().pipeThrough(new DecompressionStream('gzip'));
    return await new Response(stream).arrayBuffer();
  } catch {
    throw new DataLoadError(`The ${what} file ${file} is damaged (its gzip data does not decompress). ${REGENERATE}`);
  }
}

async function loadMnist(onStatus: (s: DataStatus) => void): Promise<Dataset> {
  const keys = ['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const;
  const fractions = [0, 0, 0, 0];
  const totalRaw = keys.reduce((sum, k) => sum + IDX_RAW_BYTES[k], 0);
  let lastPercent = -1;
  const report = () => {
    const fraction = keys.reduce((sum, k, i) => sum + fractions[i] * IDX_RAW_BYTES[k], 0) / totalRaw;
    // One message per whole percent, not one per network chunk.
    if (Math.round(fraction * 100) === lastPercent) return;
    lastPercent = Math.round(fraction * 100);
    onStatus({ message: `Downloading MNIST (70,000 images)… ${Math.round(fraction * 100)}%`, fraction });
  };
  report();
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    keys.map((k, i) => fetchIdx(MNIST_FILES[k], IDX_RAW_BYTES[k], (f) => {
      fractions[i] = f;
      report();
    })),
  );
  onStatus({ message: 'Checking and unpacking 70,000 images…', fraction: 1 });
  try {
    return buildMnistDataset({ trainImages, trainLabels, testImages, testLabels });
  } catch (err) {
    throw new DataLoadError(err instanceof Error ? err.message : String(err));
  }
}

/** A load in flight or done: callers that overlap share its download and each hear its progress. */
interface Load {
  dataset: Promise<Dataset>;
  listeners: Set<(s: DataStatus) => void>;
  /** The latest progress while in flight (for a caller that joins half-way); null once done. */
  last: DataStatus | null;
}

/** By data set (and seed, for the toy sets). A failed load is dropped, so the next call retries. */
const loads = new Map<string, Load>();

function startLoad(key: string, id: DatasetId, seed: number): Load {
  const progress = { listeners: new Set<(s: DataStatus) => void>(), last: null as DataStatus | null };
  const report = (status: DataStatus) => {
    progress.last = status;
    for (const listener of progress.listeners) listener(status);
  };
  const dataset = (async () => (id === 'mnist' ? loadMnist(report) : generateToyDataset(id, { seed })))();
  const load: Load = Object.assign(progress, { dataset });
  dataset.then(
    () => (load.last = null),
    () => {
      if (loads.get(key) === load) loads.delete(key);
    },
  );
  loads.set(key, load);
  return load;
}

export async function loadDataset(id: DatasetId, seed: number, onStatus: (s: DataStatus) => void): Promise<Dataset> {
  // Toy sets depend on the seed; MNIST does not.
  const key = id === 'mnist' ? id : `${id}:${seed}`;
  const load = loads.get(key) ?? startLoad(key, id, seed);
  // A caller joining a download half-way hears where it is, then what follows.
  if (load.last) onStatus(load.last);
  load.listeners.add(onStatus);
  try {
    return await load.dataset;
  } finally {
    load.listeners.delete(onStatus);
  }
}
