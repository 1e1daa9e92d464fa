// One screen, three zones: settings | the picture | result. The tabs switch between views of
// one experiment; only the open view is mounted, so each label names one element at a time.
// The Compress view loads lazily so the Train view paints first.
import { lazy, Suspense, useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { TrainView } from './components/TrainView';
import { useAppStore } from './store';
import { onHashChange } from './store/shareLink';
import { LinkNotice } from './components/LinkNotice';
import './styles/app.css';

const CompressView = lazy(() => import('./components/CompressView').then((m) => ({ default: m.CompressView })));

function ViewLoading() {
  return <main className="workspace workspace--loading" id="view-compress" role="tabpanel" aria-labelledby="tab-compress" aria-busy="true" />;
}

export function App() {
  const view = useAppStore((s) => s.view);

  useEffect(() => {
    // Starts the worker and picks a backend while the student reads the page.
    void useAppStore.getState().setBackendChoice('auto');
    const { applyLink, syncBaseline } = useAppStore.getState();
    void syncBaseline();
    return onHashChange(applyLink);
  }, []);

  return (
    <div className="app">
      <AppHeader />
      <LinkNotice />
      {view === 'compress' ? (
        <Suspense fallback={<ViewLoading />}>
          <CompressView />
        </Suspense>
      ) : (
        <TrainView />
      )}
    </div>
  );
}
