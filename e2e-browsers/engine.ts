// What the cross-engine journey needs from a browser, and nothing more, so one journey runs on
// Firefox (puppeteer-core over WebDriver BiDi) and on WebKit (selenium-webdriver against
// WebKitWebDriver): open a page, run a function in it, click, and press keys.

/** Keys the journey presses, by their WebDriver / puppeteer names. */
export type KeyName = 'Home' | 'End' | 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown';

/** An element of the page, as the engine's client holds it (opaque to the journey). */
export interface Handle {
  readonly engineHandle: unknown;
}

/** Arguments as the page function sees them: a Handle arrives as its element. */
export type InPage<A extends unknown[]> = { [K in keyof A]: A[K] extends Handle ? Element : A[K] };

/** One browser window of one fresh profile. */
export interface EnginePage {
  /** Loads the URL, then puts Testing Library into the page (see locate.ts). */
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page with JSON arguments (or handles) and returns its JSON result. */
  evaluate<A extends unknown[], R>(fn: (...args: InPage<A>) => R, ...args: A): Promise<Awaited<R>>;
  /** Runs `fn` in the page and keeps the element it returns (null when it returns none). */
  element<A extends unknown[]>(fn: (...args: InPage<A>) => Element | null, ...args: A): Promise<Handle | null>;
  /** A real pointer click at the element's centre, after scrolling it into view. */
  click(element: Handle): Promise<void>;
  /** Focuses the element, then presses `key` `times` times on the keyboard. */
  press(element: Handle, key: KeyName, times?: number): Promise<void>;
  /** The folder this browser saves downloads into (empty when the browser starts). */
  readonly downloads: string;
  /** Errors the browser reported outside the page's own error listeners (console, CSP). */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** A browser engine: each `open()` is a new browser with a new profile, as a colleague's would be. */
export interface Engine {
  readonly name: string;
  /** Browser name and version, as the engine reports it. */
  version(): Promise<string>;
  open(): Promise<EnginePage>;
  /** Ends every browser and helper process this engine started. */
  stop(): Promise<void>;
}
