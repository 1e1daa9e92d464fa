// WebKit (the engine of Safari) as Debian's WebKitGTK ships it: WebKitWebDriver drives its
// MiniBrowser, which needs a display (MiniBrowser rejects --headless), so the driver runs under
// `xvfb-run -a`. selenium-webdriver is the W3C client, pointed at that driver (so it never
// looks for or downloads a driver of its own). Every open() is a new WebDriver session: a new
// MiniBrowser process with its own ephemeral website data.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, Key, type WebDriver, type WebElement } from 'selenium-webdriver';
import type { Engine, EnginePage, Handle, InPage, KeyName } from './engine';
import { PAGE_SETUP } from './pageSetup';

const driverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const miniBrowser = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const driverPort = Number(process.env.WEBKIT_DRIVER_PORT ?? 4444);

const KEYS: Record<KeyName, string> = { Home: Key.HOME, End: Key.END, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN };

const unwrap = (args: unknown[]) => args.map((a) => (a && typeof a === 'object' && 'engineHandle' in a ? (a as Handle).engineHandle : a));

class WebKitPage implements EnginePage {
  /** WebKitWebDriver offers no console log: uncaught errors come from the page's own record. */
  readonly consoleErrors: string[] = [];

  constructor(
    private readonly driver: WebDriver,
    readonly downloads: string,
  ) {}

  async goto(url: string): Promise<void> {
    await this.driver.get(url);
    await this.driver.executeScript(PAGE_SETUP);
  }

  evaluate<A extends unknown[], R>(fn: (...args: InPage<A>) => R, ...args: A): Promise<Awaited<R>> {
    // A W3C Execute Script waits for a returned promise.
    return this.driver.executeScript(`return (${fn.toString()}).apply(null, arguments);`, ...unwrap(args));
  }

  async element<A extends unknown[]>(fn: (...args: InPage<A>) => Element | null, ...args: A): Promise<Handle | null> {
    const element = (await this.evaluate(fn, ...args)) as unknown as WebElement | null;
    return element ? { engineHandle: element } : null;
  }

  async click(element: Handle): Promise<void> {
    await (element.engineHandle as WebElement).click();
  }

  async press(element: Handle, key: KeyName, times = 1): Promise<void> {
    await this.driver.executeScript('arguments[0].focus()', element.engineHandle);
    await this.driver.actions().sendKeys(KEYS[key].repeat(times)).perform();
  }

  async close(): Promise<void> {
    await this.driver.quit();
  }
}

/** Starts WebKitWebDriver under a virtual display and waits until it answers. */
async function startDriver(home: string): Promise<ChildProcess> {
  for (const [path, install] of [
    [driverPath, 'apt-get install -y webkit2gtk-driver (or set WEBKIT_DRIVER_PATH)'],
    [miniBrowser, 'apt-get install -y webkit2gtk-driver (or set MINIBROWSER_PATH)'],
    ['/usr/bin/xvfb-run', 'apt-get install -y xvfb'],
  ]) {
    if (!existsSync(path)) throw new Error(`No ${path}: ${install}.`);
  }
  // MiniBrowser saves downloads into $HOME when the XDG download folder is not set, so a fresh
  // HOME is the download folder. Without a GPU, WebKitGTK composites through OpenGL drawn by
  // Mesa's llvmpipe on the CPU: measured over one epoch of training, llvmpipe took 15.4 CPU-s
  // against the worker's 11.6 and the run took 94 s; without compositing mode it is gone and the
  // run took 40 s (Firefox: 12 CPU-s in all). Safari composites on a GPU, so nothing of the
  // app's is lost. The driver runs in its own process group so stop() ends Xvfb too.
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), WEBKIT_DISABLE_COMPOSITING_MODE: '1' };
  const child = spawn('xvfb-run', ['-a', driverPath, `--port=${driverPort}`], { detached: true, stdio: 'ignore', env });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${child.exitCode} (is port ${driverPort} free? set WEBKIT_DRIVER_PORT).`);
    const ready = await fetch(`http://127.0.0.1:${driverPort}/status`).then((r) => r.ok, () => false);
    if (ready) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${driverPort} within 20 s.`);
}

export function webkit(): Engine {
  let child: ChildProcess | null = null;
  let browserVersion = 'not started';
  const home = mkdtempSync(join(tmpdir(), 'playground-webkit-home-'));
  const sessions: WebDriver[] = [];
  return {
    name: 'WebKit',
    async version() {
      return browserVersion;
    },
    async open() {
      child ??= await startDriver(home);
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${driverPort}`)
        .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] } })
        .build();
      sessions.push(driver);
      const caps = await driver.getCapabilities();
      browserVersion = `${caps.getBrowserName()} ${caps.getBrowserVersion()} (WebKitGTK)`;
      return new WebKitPage(driver, home);
    },
    async stop() {
      await Promise.all(sessions.map((d) => d.quit().catch(() => undefined)));
      if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      child = null;
      rmSync(home, { recursive: true, force: true });
    },
  };
}
