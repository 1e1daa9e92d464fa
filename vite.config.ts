import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, CSP_HEADER } from './vite-csp.ts';
import { PREACT_ALIASES } from './vite-preact.ts';

// The engine worker is an ES module worker; tfjs lives only there, so the page's own bundle
// stays small and paints fast.
export default defineConfig({
  // The built app runs under a Content-Security-Policy (vite-csp.ts); dev does not.
  plugins: [react(), contentSecurityPolicy()],
  resolve: { alias: PREACT_ALIASES },
  worker: { format: 'es' },
  build: {
    // BUILD_OUT lets several checkouts or sessions build and preview side by side.
    outDir: process.env.BUILD_OUT ?? 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // bench.html is the harness `npm run bench` drives; it reuses the same engine worker.
    rollupOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CSP_HEADER } },
});
