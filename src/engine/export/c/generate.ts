// "Download C code": a compressed model file (docs/FORMAT.md) as a C99 header holding its
// positions, codes, scales / codebooks and biases as const arrays, in the file's own encoded
// layout (no weight is dequantized into a dense matrix), and a C file whose cpg_predict() runs
// the network straight from them: no malloc, nothing beyond the C standard library. Compiled
// with -DCPG_MAIN it also gets a main() that measures accuracy and time on the MNIST test files.
// Everything in the C text is our own: names come from the model's plan (checked against the
// file), numbers are formatted here, and the file has passed every check of the decoder.
import { byteArray, cUnsigned, floatArray, type CArray } from './arrays';
import { C_MAIN } from './cMain';
import { readRawModel, type RawStream, type RawTensor } from './layout';
import { planCNetwork, type CNetwork, type COp } from './network';
import { C_LAYERS } from './layers';
import { C_RUNTIME, C_TYPES } from './runtime';

export interface CModelFiles {
  headerName: string;
  header: string;
  sourceName: string;
  source: string;
  /** Bytes of the const arrays that hold the weights (positions, tables, codes, biases). */
  arrayBytes: number;
  /** Length of the encoded file they came from. */
  fileBytes: number;
}

const SCHEME_ENUM = { none: 'CPG_FLOAT32', symmetric: 'CPG_SYMMETRIC', affine: 'CPG_AFFINE', float16: 'CPG_FLOAT16', kmeans: 'CPG_KMEANS' } as const;
const SCHEME_TEXT = { none: 'float32', symmetric: 'symmetric', affine: 'affine', float16: 'float16', kmeans: 'k-means' } as const;
const count = (n: number): string => n.toLocaleString('en-US');

/** "dense_0/kernel" -> "cpg_dense_0" (the plan's names only, checked by planCNetwork). */
function cName(tensor: RawTensor): string {
  const layer = tensor.name.slice(0, tensor.name.indexOf('/'));
  if (!/^(dense|conv)_[0-9]{1,3}$/.test(layer)) throw new Error(`Cannot export C code: unexpected tensor name.`);
  return `cpg_${layer}`;
}

function streamParts(name: string, stream: RawStream): { arrays: CArray[]; init: string } {
  const data = byteArray(name, stream.data);
  const lengths = byteArray(`${name}_lengths`, stream.lengths);
  const init = `{ .data = ${data.ref}, .size = ${cUnsigned(stream.data.length)}, .lengths = ${lengths.ref}, .bits = ${stream.bits}, .count = ${cUnsigned(stream.count)} }`;
  return { arrays: [data, lengths], init };
}

function describe(kernel: RawTensor): string {
  const [rows, units] = kernel.stored;
  const total = rows * units;
  const pruned = total === 0 ? 0 : (100 * (total - kernel.kept)) / total;
  const p = kernel.positions;
  const where = p.kind === 'dense' ? 'all kept' : p.kind === 'bitmask' ? 'a bitmask' : `${p.stream.bits}-bit gaps, ${p.stream.huffman ? 'Huffman-coded' : 'packed'}`;
  const scheme = kernel.scheme === 'symmetric' || kernel.scheme === 'affine' ? `${kernel.bits}-bit ${SCHEME_TEXT[kernel.scheme]} per ${kernel.perChannel ? 'unit' : 'tensor'}` : `${kernel.bits}-bit ${SCHEME_TEXT[kernel.scheme]}`;
  const what = kernel.shape.length === 1 ? 'values' : 'weights';
  return `/* ${kernel.name} [${kernel.shape.join(' x ')}], stored ${rows} x ${units}: ${count(kernel.kept)} of ${count(total)} ${what} kept (${pruned.toFixed(1)}% pruned).
 * Positions: ${where}. Codes: ${scheme}, ${kernel.codes.huffman ? 'Huffman-coded' : 'packed'}. */\n`;
}

/** One tensor's arrays and its cpg_kernel struct named `name`; `bias`: the struct of its
 * layer's biases (a bias itself has none). */
function tensorBlock(tensor: RawTensor, name: string, bias: string | null): { text: string; arrays: CArray[] } {
  const p = tensor.positions;
  const bitmask = byteArray(`${name}_bitmask`, p.kind === 'bitmask' ? p.bits : null);
  const gaps = p.kind === 'gaps' ? streamParts(`${name}_gaps`, p.stream) : { arrays: [], init: "{ .data = 0 }" };
  const scales = floatArray(`${name}_scales`, tensor.scales);
  const zeroPoints = byteArray(`${name}_zero_points`, tensor.zeroPoints);
  const codebook = floatArray(`${name}_codebook`, tensor.codebook);
  const codes = streamParts(`${name}_codes`, tensor.codes);
  const arrays = [bitmask, ...gaps.arrays, scales, zeroPoints, codebook, ...codes.arrays];
  const positions = p.kind === 'dense' ? 'CPG_ALL_KEPT' : p.kind === 'bitmask' ? 'CPG_BITMASK' : 'CPG_GAPS';
  const struct = `static const cpg_kernel ${name} = {
  .rows = ${cUnsigned(tensor.stored[0])}, .units = ${cUnsigned(tensor.stored[1])},
  .positions = ${positions}, .bitmask = ${bitmask.ref},
  .gaps = ${gaps.init},
  .scheme = ${SCHEME_ENUM[tensor.scheme]}, .bits = ${tensor.bits}, .per_channel = ${tensor.perChannel ? 1 : 0},
  .scales = ${scales.ref}, .zero_points = ${zeroPoints.ref}, .codebook = ${codebook.ref},
  .codes = ${codes.init},
  .bias = ${bias === null ? '0' : `&${bias}`}
};
`;
  return { text: describe(tensor) + arrays.map((a) => a.text).join('') + struct, arrays };
}

/** A layer: its biases' block, then its kernel's. */
function kernelBlock(kernel: RawTensor, bias: RawTensor): { text: string; arrays: CArray[] } {
  const base = cName(kernel);
  const biases = tensorBlock(bias, `${base}_bias`, null);
  const weights = tensorBlock(kernel, base, `${base}_bias`);
  return { text: biases.text + weights.text, arrays: [...biases.arrays, ...weights.arrays] };
}

function opCall(op: COp, tensors: RawTensor[], input: string, output: string): string {
  if (op.kind === 'pool') return `  cpg_max_pool(${input}, ${op.inH}, ${op.inW}, ${op.channels}, ${op.size}, ${output});`;
  const kernel = cName(tensors[op.kernel]);
  if (op.kind === 'dense') return `  cpg_dense(&${kernel}, ${input}, ${output}, ${op.relu ? 1 : 0});`;
  return `  cpg_conv2d(&${kernel}, ${op.size}, ${op.pad}, ${op.inH}, ${op.inW}, ${op.inC}, ${input}, ${op.outH}, ${op.outW}, ${output}, ${op.relu ? 1 : 0});`;
}

function predictSource(net: CNetwork, tensors: RawTensor[]): string {
  const lines: string[] = [];
  let input = 'input';
  net.ops.forEach((op, i) => {
    const output = i === net.ops.length - 1 ? 'logits' : input === 'a' ? 'b' : 'a';
    lines.push(opCall(op, tensors, input, output));
    input = output;
  });
  return `
/* The class of one 28 x 28 image (pixels scaled to 0..1, row by row); logits receives the scores.
 * Uses two static buffers of CPG_ACTIVATION_SIZE floats, so it is not reentrant. */
int cpg_predict(const float input[CPG_INPUT_SIZE], float logits[CPG_CLASSES]) {
  static float a[CPG_ACTIVATION_SIZE], b[CPG_ACTIVATION_SIZE];
  int c, best = 0;
${lines.join('\n')}
  for (c = 1; c < CPG_CLASSES; c++) if (logits[c] > logits[best]) best = c;
  return best;
}
`;
}

/** The header and C file for an encoded model. Throws a sentence for a file it cannot export. */
export function cModelFiles(bytes: Uint8Array): CModelFiles {
  const raw = readRawModel(bytes);
  const net = planCNetwork(raw);
  const tensors = raw.tensors;
  const blocks = net.ops.filter((op) => op.kind !== 'pool').map((op) => kernelBlock(tensors[op.kernel], tensors[op.bias]));
  const arrays = blocks.flatMap((b) => b.arrays).filter((a) => a.bytes > 0);
  const arrayBytes = arrays.reduce((s, a) => s + a.bytes, 0);
  const guard = `CPG_${net.modelId.toUpperCase()}_H`;
  const headerName = `${net.modelId}_compressed.h`;
  const header = `/* ${net.label} (hidden ${net.hidden.join('-')}) for MNIST, exported by the Compression Playground.
 * The weights stay in the encoded layout of the playground's CPGM file (docs/FORMAT.md):
 * kept positions (a bitmask or gaps), integer codes and their scales or codebook, packed or
 * Huffman-coded exactly as in the file. ${count(arrayBytes)} bytes of arrays; the file is ${count(bytes.length)} bytes,
 * the rest being names, shapes and counts, which here are the numbers in the structs. */
#ifndef ${guard}
#define ${guard}

#include <stdint.h>

#define CPG_INPUT_SIZE 784
#define CPG_CLASSES 10
#define CPG_ACTIVATION_SIZE ${net.activationSize}

${C_TYPES}
${blocks.map((b) => b.text).join('\n')}
/* Bytes of all the weight arrays above, as the compiler counts them. */
#define CPG_WEIGHT_BYTES (${arrays.map((a) => `sizeof ${a.ref}`).join(' + ')})

int cpg_predict(const float input[CPG_INPUT_SIZE], float logits[CPG_CLASSES]);

#endif
`;
  const sourceName = `${net.modelId}_compressed.c`;
  const source = `/* ${net.label} inference straight from the compressed layout in ${headerName}.
 * C99, no malloc, only the C standard library. Build and measure on the MNIST test files:
 *   gcc -std=c99 -O2 -Wall -Wextra -Werror -DCPG_MAIN ${sourceName} -o ${net.modelId}
 *   ./${net.modelId} DIR      (DIR holds t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte,
 *                              or the playground's test-images.idx and test-labels.idx, gunzipped) */
#include "${headerName}"
${C_RUNTIME}${C_LAYERS}${predictSource(net, tensors)}${C_MAIN}`;
  return { headerName, header, sourceName, source, arrayBytes, fileBytes: bytes.length };
}
