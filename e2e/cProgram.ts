// Compiles the two C files the page saved ("Download C code") with gcc and runs them on the
// gunzipped MNIST test files, as a reader of the README would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Download } from '@playwright/test';

export async function compileAndRunC(files: Download[]): Promise<{ accuracy: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-c-'));
  try {
    for (const name of ['test-images.idx', 'test-labels.idx']) writeFileSync(join(dir, name), gunzipSync(readFileSync(join('public/data/mnist', `${name}.gz`))));
    for (const f of files) await f.saveAs(join(dir, f.suggestedFilename()));
    const source = files.map((f) => f.suggestedFilename()).find((n) => n.endsWith('.c'));
    if (!source) throw new Error('No .c file among the downloads.');
    execFileSync('gcc', ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-DCPG_MAIN', source, '-o', 'predict'], { cwd: dir });
    const out = execFileSync(join(dir, 'predict'), [dir], { encoding: 'utf8' });
    return { accuracy: Number(/^accuracy ([\d.]+)%/m.exec(out)?.[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
