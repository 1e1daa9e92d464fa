// The exported PyTorch script must be valid Python (python3 -m py_compile) and carry exactly the
// settings it was made from (its EXPERIMENT table read back with ast.literal_eval). python3 is
// required, not optional: CI has it, and a missing interpreter fails here instead of skipping.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readExperiment } from '../../../test/pythonExperiment';
import { MNIST_DEFAULTS, TOY_DEFAULTS } from '../spec/defaults';
import type { TrainSpec } from '../spec/types';
import { pytorchScript, pytorchScriptName, type ScriptCompression, type ScriptExperiment } from './pytorchScript';

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'pytorch-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMPRESSION: ScriptCompression = {
  method: 'global_magnitude',
  sparsity: 0.9,
  bits: 4,
  integerScheme: 'symmetric',
  granularity: 'channel',
  includeFirstLayer: true,
  includeOutputLayer: true,
  entropyCoding: true,
};

const mnist = (over: Partial<TrainSpec> = {}): TrainSpec => ({ ...MNIST_DEFAULTS, hidden: [...MNIST_DEFAULTS.hidden], ...over });

const CASES: Record<string, ScriptExperiment> = {
  'LeNet-300-100, 90% global + 4-bit per channel': { spec: mnist({ seed: 7, epochs: 5 }), compression: COMPRESSION },
  'LeNet-5, step schedule, layer-wise 80% + 8-bit affine per tensor, output layer dense': {
    spec: mnist({ model: 'lenet5', hidden: [6, 16, 120, 84], optimizer: 'momentum', learningRate: 0.01, schedule: { kind: 'step', warmupSteps: 100, decayEverySteps: 500, gamma: 0.5 } }),
    compression: { ...COMPRESSION, method: 'layerwise_magnitude', sparsity: 0.8, bits: 8, integerScheme: 'affine', granularity: 'tensor', includeOutputLayer: false },
  },
  'LeNet-5, structured 50% + k-means 4 bits': {
    spec: mnist({ model: 'lenet5', hidden: [8, 20, 100, 50], batchSize: 128 }),
    compression: { ...COMPRESSION, method: 'structured', sparsity: 0.5, integerScheme: 'kmeans' },
  },
  '2-D spiral MLP, random 30% + float16, first layer dense': {
    spec: { ...TOY_DEFAULTS, dataset: 'spiral', hidden: [16, 8, 4], optimizer: 'sgd', learningRate: 1e-7, seed: 4294967295 },
    compression: { ...COMPRESSION, method: 'random', sparsity: 0.3, bits: 16, includeFirstLayer: false },
  },
  'nothing pruned, quantization off (float32)': { spec: mnist({ epochs: 1 }), compression: { ...COMPRESSION, sparsity: 0, bits: 32 } },
  '1-bit symmetric at 99.9%': { spec: mnist(), compression: { ...COMPRESSION, sparsity: 0.999, bits: 1 } },
};

describe('pytorchScript', () => {
  it('has python3 to check the scripts with', () => {
    expect(python.error, 'python3 is needed to check the exported PyTorch scripts: apt-get install python3').toBeUndefined();
    expect(python.stdout + python.stderr).toMatch(/^Python 3\./);
  });

  for (const [name, experiment] of Object.entries(CASES)) {
    it(`writes a script that compiles and holds the settings: ${name}`, () => {
      const source = pytorchScript(experiment);
      const file = join(dir, pytorchScriptName(experiment.spec));
      writeFileSync(file, source);
      const compiled = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
      expect(compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);

      const table = readExperiment(file);
      const { spec, compression: c } = experiment;
      expect(table).toMatchObject({
        dataset: spec.dataset,
        model: spec.model,
        hidden: spec.hidden,
        epochs: spec.epochs,
        batch_size: spec.batchSize,
        optimizer: spec.optimizer,
        learning_rate: spec.learningRate,
        seed: spec.seed,
        prune_method: c.method,
        sparsity: c.sparsity,
        prune_first_layer: c.includeFirstLayer,
        prune_output_layer: c.includeOutputLayer,
      });
      const scheme = c.bits === 32 ? 'none' : c.bits === 16 ? 'float16' : c.integerScheme;
      expect(table.quant_scheme).toBe(scheme);
      expect(table.per_channel).toBe((scheme === 'symmetric' || scheme === 'affine') && c.granularity === 'channel');
      if (spec.schedule.kind === 'step') {
        expect(table.schedule).toEqual({ kind: 'step', warmup_steps: spec.schedule.warmupSteps, decay_every_steps: spec.schedule.decayEverySteps, gamma: spec.schedule.gamma });
      } else {
        expect(table.schedule).toEqual({ kind: 'constant' });
      }
      // The documented header names what the script does, and the tools it does it with.
      expect(source).toContain('torch.nn.utils.prune');
      expect(source).toMatch(/^#!\/usr\/bin\/env python3\n"""Compression Playground experiment/);
    });
  }

  it('names the file after model, dataset and seed', () => {
    expect(pytorchScriptName(mnist({ seed: 7 }))).toBe('lenet_300_100-mnist-seed7.py');
  });

  it('refuses settings that could smuggle code into the file, with a sentence', () => {
    const base = CASES['LeNet-300-100, 90% global + 4-bit per channel'];
    const evil = [
      { ...base, spec: { ...base.spec, dataset: 'mnist"\nimport os' as never } },
      { ...base, spec: { ...base.spec, optimizer: 'adam"; os.system("x")' as never } },
      { ...base, spec: { ...base.spec, hidden: ['300); import os #' as never, 100] } },
      { ...base, spec: { ...base.spec, learningRate: Number.NaN } },
      { ...base, spec: { ...base.spec, model: 'mlp_2d' as const, hidden: [8, 8] } },
      { ...base, compression: { ...base.compression, sparsity: 1.5 } },
      { ...base, compression: { ...base.compression, bits: 12 } },
      { ...base, compression: { ...base.compression, method: 'magic' as never } },
    ];
    for (const experiment of evil) expect(() => pytorchScript(experiment)).toThrow(/^Cannot export a PyTorch script: /);
  });
});
