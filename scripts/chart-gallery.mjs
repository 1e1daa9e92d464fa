// Screenshots of every chart (src/bench/chart-gallery.tsx, synthetic data, the real components)
// at 1280x800 and 375 px wide: the whole sheet, each chart alone, and the frontier, lottery and
// loss charts with a point picked by the keyboard. Build first (BUILD_OUT, default dist):
//   npx vite build && node scripts/chart-gallery.mjs OUT_DIR
// PORT picks the preview port (default 4175). Compare two OUT_DIRs with --compare A B.
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { chromium } from '@playwright/test';

const root = join(import.meta.dirname, '..');
if (process.argv[2] === '--compare') {
  await compare(process.argv[3], process.argv[4]);
  process.exit(0);
}
const out = process.argv[2] ?? join(root, 'test-results', 'chart-gallery');
const PORT = Number(process.env.PORT ?? 4175);
mkdirSync(out, { recursive: true });

const server = await preview({ root, build: { outDir: resolve(root, process.env.BUILD_OUT ?? 'dist') }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage'] });
try {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 740 }]]) {
    const page = await browser.newPage({ viewport, colorScheme: 'light' });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${PORT}/bench.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.evaluate(() => window.mountChartGallery());
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, `${name}-sheet.png`), fullPage: true });
    for (const cell of await page.locator('[data-chart]').all()) {
      await cell.screenshot({ path: join(out, `${name}-${await cell.getAttribute('data-chart')}.png`) });
    }
    // A point picked from the keyboard: the tooltip and the read-out.
    for (const [chart, presses] of [['frontier', 4], ['lottery', 2], ['loss', 12]]) {
      const svg = page.locator(`[data-chart="${chart}"] svg[tabindex]`).first();
      await svg.focus();
      for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
      await page.locator(`[data-chart="${chart}"]`).screenshot({ path: join(out, `${name}-${chart}-keyboard.png`) });
      await svg.blur();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(`${name}: ${errors.length} page errors${errors.length ? `: ${errors.join('; ')}` : ''}; sideways overflow ${overflow}px`);
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
console.log(`wrote ${out}`);

/** Per picture: how many pixels differ between two runs, and the box around them. */
async function compare(a, b) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
  const page = await browser.newPage();
  for (const file of readdirSync(a).filter((f) => f.endsWith('.png'))) {
    if (!existsSync(join(b, file))) {
      console.log(`${file}: only in ${a}`);
      continue;
    }
    const [da, db] = [a, b].map((dir) => `data:image/png;base64,${readFileSync(join(dir, file)).toString('base64')}`);
    const r = await page.evaluate(async ([x, y]) => {
      const load = (src) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(i); i.src = src; });
      const [ia, ib] = await Promise.all([load(x), load(y)]);
      if (ia.width !== ib.width || ia.height !== ib.height) return { size: `${ia.width}x${ia.height} -> ${ib.width}x${ib.height}` };
      const pixels = (img) => { const c = new OffscreenCanvas(img.width, img.height); const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, img.width, img.height).data; };
      const [pa, pb] = [pixels(ia), pixels(ib)];
      let n = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
      for (let i = 0; i < pa.length; i += 4) {
        if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) {
          n++;
          const p = i / 4, px = p % ia.width, py = Math.floor(p / ia.width);
          x0 = Math.min(x0, px); y0 = Math.min(y0, py); x1 = Math.max(x1, px); y1 = Math.max(y1, py);
        }
      }
      return { n, box: n ? `${x0},${y0}-${x1},${y1}` : '' };
    }, [da, db]);
    console.log(`${file}: ${r.size ?? (r.n ? `${r.n} pixels differ in ${r.box}` : 'identical')}`);
  }
  await browser.close();
}
