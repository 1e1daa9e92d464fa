// What every engine puts into the page after it loads: Testing Library's DOM queries (so controls
// are found by role and accessible name the same way in every engine, whatever the driver
// offers) and a record of uncaught errors. Both go in through the driver's script evaluation,
// which the page's Content-Security-Policy does not govern; the app itself is not changed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const testingLibrary = readFileSync(require.resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'), 'utf8');

/** A script body (no return value) that both drivers can evaluate as a statement list. */
export const PAGE_SETUP = `${testingLibrary};
(function () {
  if (window.__pageErrors) return;
  window.__pageErrors = [];
  window.addEventListener('error', function (e) { window.__pageErrors.push('error: ' + e.message); });
  window.addEventListener('unhandledrejection', function (e) { window.__pageErrors.push('unhandled rejection: ' + String(e.reason && e.reason.message || e.reason)); });
})();`;

/** Reads the errors recorded since the page was set up (run in the page). */
export function pageErrors(): string[] {
  return (window as unknown as { __pageErrors?: string[] }).__pageErrors ?? ['the page was never set up'];
}
