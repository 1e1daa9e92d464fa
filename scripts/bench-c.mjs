// `npm run bench`'s C part: the compressed files the inference part measured in the browser,
// exported as C by the engine (loaded through Vite's module runner, as npm run reproduce does),
// compiled with gcc -O2 and run on the 10,000 MNIST test images: accuracy and time per image.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { root, withEngine } from './reproduce/common.mjs';

/** For each file (bytes as a plain array): { accuracy, microsecondsPerImage }, or null without gcc. */
export async function timeExportedC(files) {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-c-'));
  try {
    for (const name of ['test-images.idx', 'test-labels.idx']) {
      writeFileSync(join(dir, name), gunzipSync(readFileSync(join(root, 'public', 'data', 'mnist', `${name}.gz`))));
    }
    return await withEngine(async (runner) => {
      const { cModelFiles } = await runner.import('/src/engine/export/c/generate.ts');
      return files.map((bytes, i) => {
        const c = cModelFiles(Uint8Array.from(bytes));
        const folder = join(dir, `m${i}`);
        execFileSync('mkdir', ['-p', folder]);
        writeFileSync(join(folder, c.headerName), c.header);
        writeFileSync(join(folder, c.sourceName), c.source);
        try {
          execFileSync('gcc', ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-DCPG_MAIN', c.sourceName, '-o', 'predict'], { cwd: folder, stdio: 'pipe' });
        } catch (e) {
          console.log(`gcc failed or is missing (${e.message.split('\n')[0]}): the C program is not timed`);
          return null;
        }
        const out = execFileSync(join(folder, 'predict'), [dir], { encoding: 'utf8' });
        const read = (label) => Number(new RegExp(`^${label} ([0-9.]+)`, 'm').exec(out)?.[1]);
        return { accuracy: read('correct') / read('images'), microsecondsPerImage: read('microseconds per image'), arrayBytes: c.arrayBytes };
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
