// npm run reproduce -- <study> [options]     (npm run reproduce -- <study> --help for its options)
//
//   compression  LeNet-300-100 on MNIST: quantization, pruning, fine-tuning and the real encoded
//                bytes, next to the PyTorch figures of ../shared/REFERENCE.md
//   lottery      iterative magnitude pruning with rewinding (the lottery ticket) against random
//                reinitialization and random pruning, with a table, JSON rows and an SVG figure
//   transfer     the Transfer view's experiment over several seeds: scratch, frozen extractor and
//                fine-tuning on digits 0-4 -> 5-9 and digits -> Fashion-MNIST, with the spread
//   transfer-select  chooses that experiment's learning rates, cut point and pretraining passes on
//                the targets' validation splits (run it before transfer; it never reads a test split)
//   ondevice     does smaller run faster? tfjs dense vs our WebAssembly kernels (dense and on the
//                compressed file) at batch 1 and 100, and the exported C program, per sparsity
//   smallest     auto-compress: the smallest encoded LeNet-300-100 and LeNet-5 within an accuracy
//                budget, over three seeds (reports/smallest.json)
//
// Each study lives in scripts/reproduce/<study>.mjs. The engine is TypeScript; Vite's module
// runner (already a dev dependency) loads it, so this runs with plain `node` and no build step.
// tfjs runs on its wasm backend (single-threaded), falling back to the cpu backend with a note.
import { parseArgs } from 'node:util';
import * as compression from './reproduce/compression.mjs';
import * as lottery from './reproduce/lottery.mjs';
import * as smallest from './reproduce/smallest.mjs';
import * as transfer from './reproduce/transfer.mjs';
import * as transferSelect from './reproduce/transfer-select.mjs';
import * as ondevice from './reproduce/ondevice.mjs';

const STUDIES = { compression, lottery, smallest, transfer, 'transfer-select': transferSelect, ondevice };
const COMMON = {
  quick: { type: 'boolean', default: false },
  out: { type: 'string' },
  seed: { type: 'string', default: '0' },
  backend: { type: 'string', default: 'wasm' },
  help: { type: 'boolean', short: 'h', default: false },
};

let study = null;
function usage(message) {
  if (message) console.error(`reproduce: ${message}\n`);
  const texts = study ? [STUDIES[study].usageText] : Object.values(STUDIES).map((s) => s.usageText);
  console.error('usage: ' + texts.join('\n\n   or: '));
  process.exit(message ? 2 : 0);
}

// Every study's options are known to the parser, so a mistyped one is an error, and an option of
// another study is refused by name below.
const ALL_OPTIONS = { ...COMMON, ...Object.assign({}, ...Object.values(STUDIES).map((s) => s.options)) };
let args;
try {
  args = parseArgs({ allowPositionals: true, options: ALL_OPTIONS });
} catch (e) {
  usage(e.message);
}
const name = args.positionals[0];
if (name && Object.hasOwn(STUDIES, name)) study = name;
if (args.values.help) usage();
if (!name) usage('name a study to reproduce.');
if (!study) usage(`unknown study "${name}"; known: ${Object.keys(STUDIES).join(', ')}.`);
if (args.positionals.length > 1) usage(`unexpected argument "${args.positionals[1]}".`);

const own = new Set([...Object.keys(COMMON), ...Object.keys(STUDIES[study].options)]);
for (const [option, value] of Object.entries(args.values)) {
  const isDefault = value === ALL_OPTIONS[option]?.default;
  if (!own.has(option) && !isDefault) usage(`--${option} is not an option of the ${study} study.`);
}

const positiveInt = (option, value, fallback) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) usage(`--${option} takes a whole number of at least 1, got "${value}".`);
  return n;
};
const seed = Number(args.values.seed);
if (!Number.isInteger(seed)) usage(`--seed takes a whole number, got "${args.values.seed}".`);

await STUDIES[study].main(args.values, { usage, positiveInt, seed });
