// `npm run test:browsers`: the core journey (journey.ts) in Firefox ESR and in WebKit, one after
// the other (2 cores). Chromium runs the full Playwright suite; this lane checks that the
// playground works, and gives the same figures, in the engines behind Firefox and Safari.
// BROWSERS_REPORT=reports/browsers.json also writes what each engine measured to that file.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { afterAll, test } from 'vitest';
import type { Engine } from './engine';
import { firefox } from './firefox';
import { coreJourney, type JourneyFigures } from './journey';
import { baseURL } from './target';
import { webkit } from './webkit';

const ENGINES: { name: string; make: () => Engine }[] = [
  { name: 'Firefox', make: firefox },
  { name: 'WebKit', make: webkit },
];

const measured: (JourneyFigures & { wallSeconds: number })[] = [];
/** The machine is shared: its load says how far the times can be trusted. */
const load = () => Math.round(loadavg()[0] * 10) / 10;
const loadAtStart = load();

for (const { name, make } of ENGINES) {
  test(`${name}: train one epoch, compress to 90% + 4 bits by keyboard, download, rerun the share link in a fresh browser, auto-compress`, async () => {
    const started = Date.now();
    const engine = make();
    try {
      const figures = await coreJourney(engine, baseURL);
      const wallSeconds = Math.round((Date.now() - started) / 1000);
      measured.push({ ...figures, wallSeconds });
      console.log(`${figures.engine}: ${wallSeconds} s; ${JSON.stringify(figures)}`);
    } finally {
      await engine.stop();
    }
  }, 480_000);
}

afterAll(() => {
  const path = process.env.BROWSERS_REPORT;
  if (!path || measured.length === 0) return;
  const machine = { cores: cpus().length, loadAverage1mAtStart: loadAtStart, loadAverage1mAtEnd: load() };
  const report = { measuredAt: new Date().toISOString(), command: 'npm run test:browsers', machine, engines: measured };
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
});
