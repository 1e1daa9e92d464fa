// Finding controls as a screen reader names them, with Testing Library's queries inside the page
// (pageSetup.ts), and waiting for the page from Node. The page functions below are sent to the
// browser as source text: they may use only their arguments and the page's globals.
import type { EnginePage, Handle } from './engine';

type TestingLibrary = {
  queryByRole(root: Element, role: string, options: { name: string | RegExp }): HTMLElement | null;
  queryByLabelText(root: Element, text: string, options: { exact: boolean }): HTMLElement | null;
};

/** Thrown by a probe when waiting longer cannot help (the run failed): ends the wait at once. */
export class GiveUp extends Error {}

/** Polls `probe` until it returns something other than null / false, or fails with `what`. A
 * probe that throws is tried again (an element may be re-rendered under it), unless it throws
 * GiveUp. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 30_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== false) return value;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface RoleQuery {
  role: string;
  /** The exact accessible name, or a RegExp's source in `pattern`. */
  name?: string;
  pattern?: string;
  /** Look only inside the one element of this role and name. */
  within?: { role: string; name: string };
}

/** The one element with this role and accessible name (waits for it to appear). */
export function byRole(page: EnginePage, query: RoleQuery, timeoutMs?: number): Promise<Handle> {
  const what = `${query.role} "${query.name ?? `/${query.pattern}/`}"${query.within ? ` in ${query.within.role} "${query.within.name}"` : ''}`;
  return waitFor(
    what,
    () =>
      page.element((q: RoleQuery) => {
        const tl = (window as unknown as { TestingLibraryDom: TestingLibrary }).TestingLibraryDom;
        const root = q.within ? tl.queryByRole(document.body, q.within.role, { name: q.within.name }) : document.body;
        return root ? tl.queryByRole(root, q.role, { name: q.pattern !== undefined ? new RegExp(q.pattern) : (q.name ?? '') }) : null;
      }, query),
    timeoutMs,
  );
}

/** The one control whose label is exactly `text` (label element, aria-label or aria-labelledby). */
export function byLabel(page: EnginePage, text: string, timeoutMs?: number): Promise<Handle> {
  return waitFor(
    `the control labelled "${text}"`,
    () =>
      page.element((t: string) => {
        const tl = (window as unknown as { TestingLibraryDom: TestingLibrary }).TestingLibraryDom;
        return tl.queryByLabelText(document.body, t, { exact: true });
      }, text),
    timeoutMs,
  );
}

export const textOf = (page: EnginePage, el: Handle) => page.evaluate((e: Element) => (e.textContent ?? '').trim(), el);
export const valueOf = (page: EnginePage, el: Handle) => page.evaluate((e: Element) => (e as HTMLInputElement).value, el);
export const attributeOf = (page: EnginePage, el: Handle, name: string) => page.evaluate((e: Element, n: string) => e.getAttribute(n), el, name);
export const isEnabled = (page: EnginePage, el: Handle) => page.evaluate((e: Element) => !(e as HTMLButtonElement).disabled, el);

/** Waits until `read` gives a value that passes `ok`; returns it (the last value read is in the
 * timeout's message). */
export async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs?: number): Promise<T> {
  let last: T | undefined;
  try {
    const r = await waitFor(what, async () => {
      last = await read();
      return ok(last) ? { value: last } : null;
    }, timeoutMs);
    return r.value;
  } catch (err) {
    throw new Error(`${(err as Error).message}; last read: ${JSON.stringify(last)}`, { cause: err });
  }
}
