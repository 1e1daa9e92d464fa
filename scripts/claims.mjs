// npm run claims: rewrites the README's marked figures and tables from the reports in reports/
// (src/claims/readme.ts), so the README follows a regenerated report. The lessons need no step:
// they read the reports when the app is built. claims.test.ts fails until this has been run.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, withEngine } from './reproduce/common.mjs';

const file = join(root, 'README.md');
const before = readFileSync(file, 'utf8');
const after = await withEngine(async (runner) => {
  const { renderReadme } = await runner.import('/src/claims/readme.ts');
  return renderReadme(before);
});
if (after === before) console.log('README.md already matches the reports.');
else {
  writeFileSync(file, after);
  console.log('README.md: figures and tables rewritten from reports/.');
}
