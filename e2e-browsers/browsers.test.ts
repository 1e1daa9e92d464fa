// `npm run test:browsers`: the core journey (journey.ts) in Firefox ESR and in WebKit, one after
// the other (2 cores). Chromium runs the full Playwright suite; this lane checks that the
// playground works, and gives the same figures, in the engines behind Firefox and Safari.
import { test } from 'vitest';
import type { Engine } from './engine';
import { firefox } from './firefox';
import { coreJourney } from './journey';
import { baseURL } from './target';
import { webkit } from './webkit';

const ENGINES: { name: string; make: () => Engine }[] = [
  { name: 'Firefox', make: firefox },
  { name: 'WebKit', make: webkit },
];

for (const { name, make } of ENGINES) {
  test(`${name}: train one epoch, compress to 90% + 4 bits by keyboard, download, rerun the share link in a fresh browser`, async () => {
    const started = Date.now();
    const engine = make();
    try {
      const figures = await coreJourney(engine, baseURL);
      const wall = Math.round((Date.now() - started) / 1000);
      // For the README and the report: what each engine measured and how long each step took.
      console.log(`${figures.engine}: ${wall} s; ${JSON.stringify(figures)}`);
    } finally {
      await engine.stop();
    }
  }, 480_000);
}
