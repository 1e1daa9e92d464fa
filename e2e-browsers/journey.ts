// The core journey, the same in every engine: train LeNet-300-100 on MNIST for one epoch, compress
// it to 90% sparsity at 4 bits with the keyboard, download the compressed model and hold its length
// against the size on the card, then open the share link in a fresh browser (new profile), check
// the controls it restores and rerun it: the rerun must give the sender's figures. Then a
// 10-second auto-compress search on the rerun model, whose result is the downloaded file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Engine, EnginePage } from './engine';
import { attributeOf, byLabel, byRole, GiveUp, isEnabled, textOf, until, valueOf, waitFor } from './locate';
import { pageErrors } from './pageSetup';

export interface JourneyFigures {
  engine: string;
  backend: string;
  trainedAccuracy: number;
  compressedAccuracy: number;
  shownSize: string;
  fileBytes: number;
  rerun: { testAccuracy: number; backend: string; bytes: number; compressedAccuracy: number };
  /** The file a 10-second auto-compress search found on the rerun model. */
  autoCompressBytes: number;
  throughput: string;
  /** What "Copy link" did in this engine. */
  copyLink: 'copied' | 'shown to copy by hand';
  seconds: Record<string, number>;
}

const percentIn = (text: string) => Number(/([\d.]+)\s*%/.exec(text)?.[1] ?? Number.NaN);
/** "26.4 kB" -> 26.4 */
const kBIn = (text: string) => Number(text.replace(/[^\d.]/g, ''));

/** The History button's text as a screen reader reads it: "History, 2 runs" ("History" when empty). */
async function historyName(page: EnginePage): Promise<string> {
  const button = await byRole(page, { role: 'button', pattern: '^History' });
  return page.evaluate((b: Element) => (b.textContent ?? '').replace(/\s+/g, ' ').trim(), button);
}

/** Every error the page or the browser reported. */
async function errorsOf(page: EnginePage): Promise<string[]> {
  return [...(await page.evaluate(pageErrors)), ...page.consoleErrors];
}

/** Training finished (cheap selectors, read once a second): the test accuracy, or the error. */
function trainingDone(page: EnginePage): Promise<number> {
  return waitFor(
    'training to finish',
    async () => {
      const state = await page.evaluate(() => {
        const failed = document.querySelector('.progress--error');
        if (failed) return `failed: ${failed.textContent}`;
        const value = /([\d.]+)%/.exec(document.getElementById('test-accuracy')?.textContent ?? '');
        return document.querySelector('.progress--done') && value ? Number(value[1]) : null;
      });
      if (typeof state === 'string') throw new GiveUp(state);
      return state;
    },
    240_000,
    1000,
  );
}

/** The one finished download whose name matches `name`: no temporary file beside it (Firefox
 * writes *.part next to an empty placeholder) and the same length on two reads in a row. (WebKit's
 * browsers of one engine share their download folder, so a later download needs its own name.) */
function downloaded(folder: string, name: RegExp): Promise<Buffer> {
  let lastLength = -1;
  return waitFor(`a downloaded ${name} in ${folder}`, async () => {
    const names = readdirSync(folder);
    const found = names.filter((n) => name.test(n));
    if (found.length !== 1 || names.some((n) => /\.(part|download|wkdownload)$/.test(n))) return null;
    const file = readFileSync(join(folder, found[0]));
    const settled = file.length > 0 && file.length === lastLength;
    lastLength = file.length;
    return settled ? file : null;
  });
}

export async function coreJourney(engine: Engine, baseURL: string): Promise<JourneyFigures> {
  const seconds: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    seconds[name] = Math.round((Date.now() - mark) / 100) / 10;
    mark = Date.now();
  };

  // --- The sender: a fresh browser on the empty page.
  const sender = await engine.open();
  await sender.goto(`${baseURL}/`);
  const backend = await until('a compute backend', async () => textOf(sender, await byLabel(sender, 'Backend')), (t) => /^(wasm|webgl|cpu)/i.test(t), 60_000);
  expect(await valueOf(sender, await byLabel(sender, 'Dataset'))).toBe('mnist');
  expect(await valueOf(sender, await byLabel(sender, 'Model'))).toBe('lenet_300_100');
  // Number fields by keyboard: Epochs 2 -> 1, Seed 0 -> 7.
  await sender.press(await byLabel(sender, 'Epochs'), 'ArrowDown');
  expect(await valueOf(sender, await byLabel(sender, 'Epochs'))).toBe('1');
  await sender.press(await byLabel(sender, 'Seed'), 'ArrowUp', 7);
  expect(await valueOf(sender, await byLabel(sender, 'Seed'))).toBe('7');
  lap('open');

  // The header tab is named "Train" too: the action button is the one in the run controls.
  const train = await byRole(sender, { role: 'button', name: 'Train', within: { role: 'group', name: 'Run controls' } });
  await until('Train to be enabled', () => isEnabled(sender, train), Boolean);
  await sender.click(train);
  const trainedAccuracy = await trainingDone(sender);
  expect(trainedAccuracy).toBeGreaterThanOrEqual(90);
  // For the log: the pace and training time the card reports (data loading excluded).
  const card = (term: string) => sender.evaluate((t: string) => Array.from(document.querySelectorAll('dt')).find((dt) => dt.textContent === t)?.nextElementSibling?.textContent ?? '', term);
  const throughput = `${await card('Throughput')} over ${await card('Training time')}`;
  // The finished run is kept in this browser's History (IndexedDB).
  await until('the run in the History', () => historyName(sender), (n) => n === 'History, 1 run');
  lap('train');

  // --- Compress: 90% of the weights pruned and 4 bits, by keyboard.
  const compressTab = await byRole(sender, { role: 'tab', name: 'Compress' });
  await sender.click(compressTab);
  expect(await attributeOf(sender, compressTab, 'aria-selected')).toBe('true');
  const sparsity = await byRole(sender, { role: 'slider', name: 'Sparsity' });
  const bits = await byRole(sender, { role: 'slider', name: 'Bit width' });
  await until('the Sparsity slider to be enabled', () => isEnabled(sender, sparsity), Boolean, 120_000);
  const size = await byLabel(sender, 'Model size');
  const accuracy = await byLabel(sender, 'Test accuracy');
  // The dense model measured on the full test set first (no "~").
  await until('the dense model measured', () => textOf(sender, accuracy), (t) => /^\d+\.\d%$/.test(t));
  const denseSize = await textOf(sender, size);
  lap('compress view ready');
  await sender.press(sparsity, 'Home');
  await sender.press(sparsity, 'ArrowRight', 100);
  await sender.press(bits, 'Home');
  await sender.press(bits, 'ArrowRight', 3);
  expect(await attributeOf(sender, sparsity, 'aria-valuetext')).toBe('90.0% of weights pruned');
  expect(await attributeOf(sender, bits, 'aria-valuetext')).toBe('4 bits');
  lap('104 key presses');
  await until('the full-test-set figure', () => sender.evaluate(() => document.querySelector('[data-state]')?.getAttribute('data-state') ?? ''), (s) => s === 'final', 60_000);
  const shownSize = await textOf(sender, size);
  expect(shownSize).toMatch(/^[\d.,]+ kB$/);
  expect(shownSize).not.toBe(denseSize);
  const compressedAccuracy = percentIn(await textOf(sender, accuracy));
  expect(compressedAccuracy).toBeGreaterThanOrEqual(85);
  expect(Number((await textOf(sender, await byLabel(sender, 'Compression ratio'))).replace(/[^\d.]/g, ''))).toBeGreaterThan(10);
  lap('compressed');

  // --- The download is the encoded file itself: its length is the size on the card (one decimal of kB).
  await sender.click(await byRole(sender, { role: 'button', name: 'Download compressed model' }));
  const file = await downloaded(sender.downloads, /\.cpgm$/);
  expect(file.subarray(0, 4).toString('latin1')).toBe('CPGM');
  expect(Math.abs(file.length / 1000 - kBIn(shownSize))).toBeLessThanOrEqual(0.05 + 1e-9);
  lap('download');

  // --- The address bar holds the experiment (written shortly after the last change).
  const link = await until(
    'the address to hold the experiment',
    () => sender.evaluate(() => location.href),
    (href) => ['view=compress', 'epochs=1', 'seed=7', 'sparsity=0.9', 'bits=4'].every((part) => new URL(href).hash.split('&').some((kv) => kv === part || kv === `#${part}`)),
  );
  // "Copy link" copies it, or (no clipboard access) shows it to copy by hand: either is a sentence.
  const copy = await byRole(sender, { role: 'button', name: 'Copy link' });
  await sender.click(copy);
  const copied = await until('Copy link to answer', () => sender.evaluate((b: Element) => b.parentElement?.querySelector('[role="status"]')?.textContent ?? '', copy), (t) => t !== '');
  if (copied.startsWith('Copy this link by hand: ')) expect(copied.slice('Copy this link by hand: '.length)).toBe(link);
  else expect(copied).toBe('Link copied: it opens these exact settings, seed included.');
  expect(await errorsOf(sender)).toEqual([]);
  await sender.close();

  // --- A colleague opens the link in a fresh browser: every control restored, nothing refused.
  const colleague = await engine.open();
  await colleague.goto(link);
  expect(await attributeOf(colleague, await byRole(colleague, { role: 'tab', name: 'Compress' }), 'aria-selected')).toBe('true');
  expect(await attributeOf(colleague, await byRole(colleague, { role: 'slider', name: 'Sparsity' }), 'aria-valuetext')).toBe('90.0% of weights pruned');
  expect(await attributeOf(colleague, await byRole(colleague, { role: 'slider', name: 'Bit width' }), 'aria-valuetext')).toBe('4 bits');
  expect(await colleague.evaluate(() => document.body.textContent?.includes('could not use') ?? true)).toBe(false);
  const banner = await byRole(colleague, { role: 'region', name: 'Shared experiment' });
  const offer = await textOf(colleague, banner);
  expect(offer).toContain('LeNet-300-100 on MNIST digits, 1 epoch of Adam');
  expect(offer).toContain('seed 7');
  expect(offer).toContain('90.0% pruned (global magnitude), 4 bits');
  lap('share link');

  // The rerun gives the sender's figures: same seed, same backend, same numbers.
  await colleague.click(await byRole(colleague, { role: 'button', name: 'Rerun this experiment', within: { role: 'region', name: 'Shared experiment' } }));
  const said = await waitFor(
    'the rerun to finish and compress',
    async () => {
      const text = await colleague.evaluate(() => document.querySelector('[data-testid="rerun-status"]')?.textContent ?? '');
      if (text.includes('stopped')) throw new GiveUp(text);
      return text.includes('Compressed with the link') ? text : null;
    },
    240_000,
    1000,
  );
  const m = /Rerun finished: ([\d.]+)% test accuracy on the (\w+) backend.*Compressed with the link's settings: ([\d,]+) bytes .*?, ([\d.]+)% test accuracy/.exec(said);
  expect(m, said).not.toBeNull();
  const rerun = { testAccuracy: Number(m![1]), backend: m![2], bytes: Number(m![3].replace(/,/g, '')), compressedAccuracy: Number(m![4]) };
  expect(backend.toLowerCase()).toContain(rerun.backend);
  expect(rerun.bytes).toBe(file.length);
  // The sender's card shows one decimal, the rerun two.
  expect(Math.abs(rerun.testAccuracy - trainedAccuracy)).toBeLessThanOrEqual(0.05 + 1e-9);
  expect(Math.abs(rerun.compressedAccuracy - compressedAccuracy)).toBeLessThanOrEqual(0.05 + 1e-9);
  // A fresh profile: its History holds the rerun only, not the sender's run.
  await until('the rerun in the History', () => historyName(colleague), (n) => n === 'History, 1 run');
  lap('rerun');

  // --- Auto-compress, budget 1 pt and 10 s (number fields by keyboard): the search runs in this
  // engine's worker and its result becomes the model on the card, whose download is that file
  // (this fresh profile has downloaded nothing before).
  const autoGroup = { role: 'group', name: 'Auto-compress' } as const;
  await colleague.press(await byLabel(colleague, 'Accuracy budget'), 'ArrowUp', 7);
  expect(await valueOf(colleague, await byLabel(colleague, 'Accuracy budget'))).toBe('1');
  await colleague.press(await byLabel(colleague, 'Time budget (s)'), 'ArrowDown', 17);
  expect(await valueOf(colleague, await byLabel(colleague, 'Time budget (s)'))).toBe('10');
  await colleague.click(await byRole(colleague, { role: 'button', name: 'Auto-compress', within: autoGroup }));
  const autoStatus = await byRole(colleague, { role: 'status', within: autoGroup });
  const found = await waitFor(
    'the auto-compress search to finish',
    async () => {
      const text = await textOf(colleague, autoStatus);
      if (/^Found [\d,]+ bytes/.test(text)) return text;
      if (/cancel|fail|error|could not/i.test(text)) throw new GiveUp(text);
      return null;
    },
    120_000,
    1000,
  );
  const autoBytes = Number(/^Found ([\d,]+) bytes/.exec(found)![1].replace(/,/g, ''));
  await byRole(colleague, { role: 'heading', pattern: '^Auto-compressed model \\(budget 1 pt' });
  await colleague.click(await byRole(colleague, { role: 'button', name: 'Download compressed model' }));
  expect((await downloaded(colleague.downloads, /-auto-compressed-.*\.cpgm$/)).length).toBe(autoBytes);
  lap('auto-compress');

  // The Train view holds the link's training settings.
  await colleague.click(await byRole(colleague, { role: 'tab', name: 'Train' }));
  expect(await valueOf(colleague, await byLabel(colleague, 'Dataset'))).toBe('mnist');
  expect(await valueOf(colleague, await byLabel(colleague, 'Epochs'))).toBe('1');
  expect(await valueOf(colleague, await byLabel(colleague, 'Seed'))).toBe('7');
  expect(await errorsOf(colleague)).toEqual([]);
  await colleague.close();

  return { engine: `${engine.name} (${await engine.version()})`, backend, trainedAccuracy, compressedAccuracy, shownSize, fileBytes: file.length, rerun, autoCompressBytes: autoBytes, throughput, copyLink: copied.startsWith('Link copied') ? 'copied' : 'shown to copy by hand', seconds };
}
