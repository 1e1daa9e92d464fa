// `npm run soak`: the slow fault tests (e2e/fault.soak.ts), on the same built app and browser as
// `npm test`. Their file name does not match Playwright's default pattern, so `npm test` skips
// them without any skip in the code.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testMatch: /fault\.soak\.ts$/,
  timeout: 1_200_000,
  use: {
    ...base.use,
    // gc() in the page and the worker, so heap readings are of live objects only.
    launchOptions: { ...base.use?.launchOptions, args: [...(base.use?.launchOptions?.args ?? []), '--js-flags=--expose-gc'] },
  },
});
