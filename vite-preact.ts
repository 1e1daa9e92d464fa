// The page is written against React's API and runs on preact/compat (4 kB instead of React's
// 45 kB gzip): with it the JS before the engine worker starts is below the TensorFlow
// Playground's 91 KB. TypeScript still checks against @types/react. Shared by vite.config.ts
// and vitest.config.ts so the store's tests run on the same library as the page.
import type { Alias } from 'vite';

export const PREACT_ALIASES: Alias[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];
