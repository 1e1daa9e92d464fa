// TensorFlow.js belongs in the engine worker. A page module that reaches it, even through a lazy
// import, makes the browser download about 230 KB (gzip) on the main thread the moment that code
// runs: "Export as PyTorch script" once did, through the optimizer ids of the spec checker. This
// walks every import the page can follow from its entry (static and dynamic; workers are started
// with `new Worker(new URL(...))`, which is not an import) and lists the paths that reach tfjs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const ENTRY = resolve(ROOT, 'src/app/main.tsx');
// `import x from '...'`, `export { x } from '...'`, `import('...')`; type-only imports are erased.
const IMPORT = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.(ts|tsx|mjs|js)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null; // a stylesheet, an asset, a JSON file
}

/** Every package the page can import, with the chain of modules that reaches it first. */
function packagesReachedFrom(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>([entry]);
  const queue: { file: string; chain: string[] }[] = [{ file: entry, chain: [relative(ROOT, entry)] }];
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (m[2]) continue; // import type / export type
      const spec = m[3] ?? m[4] ?? m[5];
      if (!spec.startsWith('.')) {
        if (!reached.has(spec)) reached.set(spec, chain);
        continue;
      }
      const target = resolveModule(file, spec);
      if (target && !seen.has(target) && !/\.test\.tsx?$/.test(target)) {
        seen.add(target);
        queue.push({ file: target, chain: [...chain, relative(ROOT, target)] });
      }
    }
  }
  return reached;
}

describe('the page (main thread)', () => {
  const packages = packagesReachedFrom(ENTRY);

  it('follows its imports (the walk itself works)', () => {
    // Sanity: the walk finds the packages the page is known to use.
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['comlink', 'zustand']));
  });

  it('never imports TensorFlow.js, not even lazily', () => {
    const tfjs = [...packages].filter(([spec]) => spec.startsWith('@tensorflow/')).map(([spec, chain]) => `${spec} via ${chain.join(' -> ')}`);
    expect(tfjs).toEqual([]);
  });
});
