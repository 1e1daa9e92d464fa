// Firefox ESR through WebDriver BiDi with puppeteer-core: no geckodriver and no downloaded
// browser, just Debian's /usr/bin/firefox-esr (or FIREFOX_PATH). Every open() launches a new
// Firefox on a new temporary profile, which puppeteer deletes when it closes.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type JSHandle, type Page } from 'puppeteer-core';
import type { Engine, EnginePage, Handle, InPage, KeyName } from './engine';
import { PAGE_SETUP } from './pageSetup';

const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Handles become puppeteer's element handles; everything else goes as JSON. */
const unwrap = (args: unknown[]) => args.map((a) => (a && typeof a === 'object' && 'engineHandle' in a ? (a as Handle).engineHandle : a));

class FirefoxPage implements EnginePage {
  readonly consoleErrors: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    readonly downloads: string,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.evaluate(PAGE_SETUP);
  }

  evaluate<A extends unknown[], R>(fn: (...args: InPage<A>) => R, ...args: A): Promise<Awaited<R>> {
    return this.page.evaluate(fn as never, ...unwrap(args)) as Promise<Awaited<R>>;
  }

  async element<A extends unknown[]>(fn: (...args: InPage<A>) => Element | null, ...args: A): Promise<Handle | null> {
    const handle: JSHandle = await this.page.evaluateHandle(fn as never, ...unwrap(args));
    const element = handle.asElement();
    if (!element) await handle.dispose();
    return element ? { engineHandle: element } : null;
  }

  async click(element: Handle): Promise<void> {
    await (element.engineHandle as ElementHandle).click();
  }

  async press(element: Handle, key: KeyName, times = 1): Promise<void> {
    await (element.engineHandle as ElementHandle).focus();
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export function firefox(): Engine {
  const open: Browser[] = [];
  const folders: string[] = [];
  let browserVersion = 'not started';
  return {
    name: 'Firefox',
    async version() {
      return browserVersion;
    },
    async open() {
      if (!existsSync(firefoxPath)) throw new Error(`No Firefox at ${firefoxPath}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
      const downloads = mkdtempSync(join(tmpdir(), 'playground-firefox-downloads-'));
      folders.push(downloads);
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: firefoxPath,
        headless: true,
        // Save downloads straight into our folder, without asking.
        extraPrefsFirefox: { 'browser.download.dir': downloads, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true },
      });
      open.push(browser);
      browserVersion = await browser.version();
      return new FirefoxPage(browser, await browser.newPage(), downloads);
    },
    async stop() {
      await Promise.all(open.map((b) => (b.connected ? b.close() : undefined)));
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    },
  };
}
