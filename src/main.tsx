import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { bridge } from './store/bridge';
import './styles/global.css';

// A read-only window into the worker for end-to-end tests and curious users (DevTools console):
// `await __playground.memory()` gives tfjs's tensor count in the worker.
declare global {
  interface Window {
    __playground?: { memory(): Promise<{ numTensors: number; numBytes: number }> };
  }
}
window.__playground = { memory: () => bridge().memory() };

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
