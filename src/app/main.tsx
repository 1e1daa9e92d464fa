import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from '../shared/ui/ErrorBoundary';
import { bridge } from '../store/bridge';
import { engineTestHooks } from '../bridge/engine-bridge';
import './styles/global.css';

// A read-only window into the worker for end-to-end tests and curious users (DevTools console):
// `await __playground.memory()` gives tfjs's tensor count in the worker. The fault tests also
// end or crash the worker and lose its WebGL context through it (e2e/fault.spec.ts).
declare global {
  interface Window {
    __playground?: { memory(): Promise<{ numTensors: number; numBytes: number }> } & ReturnType<typeof engineTestHooks>;
  }
}
window.__playground = { memory: () => bridge().memory(), ...engineTestHooks() };

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
