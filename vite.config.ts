import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The engine worker is an ES module worker; tfjs lives only there, so the page's own bundle
// stays small and paints fast.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // bench.html is the harness `npm run bench` drives; it reuses the same engine worker.
    rollupOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
