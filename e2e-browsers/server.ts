// Vitest global setup: serves the built app with `vite preview`, as playwright.config.ts does
// (same E2E_PORT and BUILD_OUT), and stops it after the last engine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { baseURL, outDir, port } from './target';

const answers = () => fetch(baseURL).then((r) => r.ok, () => false);

export default async function serve(): Promise<() => void> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`No build in ${outDir}/: run \`npm run build\` first (npm run test:browsers does).`);
  // Outside CI an already running preview (another terminal) is reused, as Playwright does.
  if (!process.env.CI && (await answers())) return () => undefined;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const deadline = Date.now() + 60_000;
  while (!(await answers())) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with code ${server.exitCode} (is port ${port} taken? set E2E_PORT).`);
    if (Date.now() > deadline) throw new Error(`vite preview did not answer on ${baseURL} within 60 s.`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
}
