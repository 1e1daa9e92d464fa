import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LENET_300_100_SHAPES, syntheticWeights } from '../engine/compression/syntheticWeights';
import { encodeModel } from '../engine/encoding/encode';
import { globalMagnitudePrune } from '../engine/pruning/globalMagnitude';
import { resultsJson } from './exportResults';
import { inspectImport, MAX_IMPORT_BYTES } from './importFile';
import { sampleRun } from './sampleRun';
import { hugePrunedTensorFile, manyHuffmanTensorsFile } from '../../test/hostile';

const utf8 = (text: string) => new TextEncoder().encode(text);

function lenetFile(): Uint8Array {
  const weights = syntheticWeights(LENET_300_100_SHAPES, 0);
  const masks = globalMagnitudePrune(weights, null, { sparsity: 0.9, seed: 0, includeFirstLayer: true, includeOutputLayer: true });
  return encodeModel({ modelId: 'lenet_300_100', weights, masks, quant: { scheme: 'symmetric', granularity: 'tensor', bits: 4 } }, { entropyCoding: true }).bytes;
}

describe('import of results and compressed models', () => {
  it('reads back an exported results file, run for run', () => {
    const runs = [sampleRun('a', 1), sampleRun('b', 2, { name: '=HYPERLINK("x")', points: [] })];
    const result = inspectImport(utf8(resultsJson(runs)), 'results.json');
    expect(result).toEqual({ kind: 'results', runs });
  });

  it('shows an imported model: layers, kept weights and its real size', () => {
    const bytes = lenetFile();
    const result = inspectImport(bytes, 'lenet.cpgm');
    if (result.kind !== 'model') throw new Error(`expected a model, got ${JSON.stringify(result)}`);
    const { model } = result;
    expect(model.modelLabel).toBe('LeNet-300-100');
    expect(model.fileBytes).toBe(bytes.length);
    expect(model.parameters).toBe(266_610);
    expect(model.denseBytes).toBe(1_066_440);
    expect(model.layers.map((l) => [l.name, l.shape, l.biases])).toEqual([
      ['dense_0', [784, 300], 300],
      ['dense_1', [300, 100], 100],
      ['dense_2', [100, 10], 10],
    ]);
    expect(model.layers.reduce((s, l) => s + l.kept, 0)).toBe(26_620);
  });

  it('says what is wrong with a results file in a sentence', () => {
    const good = JSON.parse(resultsJson([sampleRun('a', 1)]));
    const withRun = (patch: object) => utf8(JSON.stringify({ ...good, runs: [{ ...good.runs[0], ...patch }] }));
    const message = (bytes: Uint8Array) => {
      const r = inspectImport(bytes, 'x.json');
      return r.kind === 'error' ? r.message : `accepted as ${r.kind}`;
    };
    expect(message(utf8(JSON.stringify({ ...good, version: 7 })))).toBe('This results file is version 7; this playground reads versions 1 and 2.');
    expect(message(utf8('{"hello": 1}'))).toMatch(/not a results file of the playground/);
    expect(message(utf8('{"format": "compression-playground-results", "version": 1, "runs": [}'))).toMatch(/not valid JSON/);
    expect(message(withRun({ testAccuracy: 1.5 }))).toMatch(/^Run 1 of the results file is not valid at "testAccuracy"/);
    expect(message(withRun({ curves: { ...good.runs[0].curves, loss: [{ epoch: 1, value: 'NaN' }] } }))).toMatch(/at "curves.loss.0.value"/);
    expect(message(withRun({ dataset: 'imagenet' }))).toMatch(/at "dataset"/);
    expect(message(utf8(JSON.stringify({ ...good, runs: [] })))).toBe('This results file holds no runs.');
  });

  it('names what is wrong with a damaged model', () => {
    const bytes = lenetFile();
    const damaged = bytes.slice(0, bytes.length - 100);
    const r = inspectImport(damaged, 'cut.cpgm');
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(/^This compressed model cannot be read\. /);
    const future = bytes.slice();
    future[4] = 9;
    const f = inspectImport(future, 'future.cpgm');
    expect(f.kind === 'error' && f.message).toMatch(/format version 9; this playground reads version 1/);
  });

  it('refuses, with a sentence, the model files that cost seconds and hundreds of MB to decode', () => {
    const tiny = inspectImport(hugePrunedTensorFile(2 ** 25), 'tiny.cpgm');
    expect(tiny.kind === 'error' && tiny.message).toMatch(/^This compressed model cannot be read\. The tensor "kernel" declares more parameters than a file of 37 bytes can hold/);
    const many = inspectImport(manyHuffmanTensorsFile(65_535), 'many.cpgm');
    expect(many.kind === 'error' && many.message).toBe('This compressed model cannot be read. The file declares 65535 tensors; at most 64 are allowed.');
  });

  it('rejects a 100 MB file of junk by its size at once', () => {
    const junk = new Uint8Array(100 * 1024 * 1024);
    junk.set(utf8('CPGM'));
    const started = performance.now();
    const r = inspectImport(junk, 'junk.bin');
    expect(performance.now() - started).toBeLessThan(50);
    expect(r.kind === 'error' && r.message).toMatch(/The file is 104\.9 MB; .* at most 16\.8 MB, so it was not read\./);
    expect(inspectImport(new Uint8Array(MAX_IMPORT_BYTES + 1), 'x').kind).toBe('error');
  });

  it('never throws on junk, and answers each file quickly', () => {
    const junk = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Uint8Array.from([0x43, 0x50, 0x47, 0x4d, 1, ...b])),
      fc.string({ maxLength: 500 }).map((s) => utf8(`{${s}`)),
      fc.json().map((s) => utf8(s)),
      fc.anything().map((x) => utf8(JSON.stringify({ format: 'compression-playground-results', version: 1, runs: [x] }) ?? '{')),
    );
    fc.assert(
      fc.property(junk, (bytes) => {
        const started = performance.now();
        const r = inspectImport(bytes, 'junk');
        expect(performance.now() - started).toBeLessThan(200);
        if (r.kind === 'error') expect(r.message).toMatch(/^[A-Z].*\.$/s);
      }),
      { numRuns: 2000 },
    );
  });

  it('survives a corrupted byte anywhere in a real model file', () => {
    const bytes = lenetFile();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const copy = bytes.slice();
        copy[at] = value;
        const r = inspectImport(copy, 'flipped.cpgm');
        expect(['model', 'error']).toContain(r.kind);
      }),
      { numRuns: 100 },
    );
  });
});
