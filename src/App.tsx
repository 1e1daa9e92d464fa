// One screen, three zones: settings | live curves | result. Data flows one way: controls edit
// the store's spec, the store drives the worker through the bridge, metrics flow back here.
import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { BackendCard } from './components/BackendCard';
import { ChartsPanel } from './components/ChartsPanel';
import { ControlPanel } from './components/ControlPanel';
import { ResultCard } from './components/ResultCard';
import { useAppStore } from './store';
import './styles/app.css';

export function App() {
  useEffect(() => {
    // Starts the worker and picks a backend while the student reads the page.
    void useAppStore.getState().setBackendChoice('auto');
  }, []);

  return (
    <div className="app">
      <AppHeader />
      <main
        className="workspace"
        id="view-train"
        role="tabpanel"
        aria-labelledby="tab-train"
      >
        <aside className="zone zone--controls" aria-label="Settings">
          <ControlPanel />
        </aside>
        <section className="zone zone--chart" aria-label="Training curves">
          <ChartsPanel />
        </section>
        <aside className="zone zone--result" aria-label="Result">
          <ResultCard />
        </aside>
        <aside className="zone zone--compute" aria-label="Compute backend">
          <BackendCard />
        </aside>
      </main>
    </div>
  );
}
