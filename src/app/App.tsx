// One screen, three zones: settings | the picture | result. The tabs switch between views of
// one experiment; only the open view is mounted, so each label names one element at a time.
// The Compress view loads lazily so the Train view paints first.
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { AppHeader } from './AppHeader';
import { TrainView } from './views/TrainView';
import { useAppStore, type ViewId } from '../store';
import { LessonDock } from '../features/learn/LessonDock';
import { onHashChange } from '../store/link';
import { LinkNotice } from '../features/share/LinkNotice';
import { RerunBanner } from '../features/share/RerunBanner';
import { HiddenControlsContext } from '../shared/ui/ClassroomHide';
import './styles/app.css';

// One entry per lazily loaded view (Train paints first and is not lazy).
const LAZY_VIEWS: Partial<Record<ViewId, LazyExoticComponent<ComponentType>>> = {
  compress: lazy(() => import('./views/CompressView').then((m) => ({ default: m.CompressView }))),
  learn: lazy(() => import('../features/learn/LearnView').then((m) => ({ default: m.LearnView }))),
  lottery: lazy(() => import('../features/lottery/LotteryView').then((m) => ({ default: m.LotteryView }))),
  transfer: lazy(() => import('../features/transfer/TransferView').then((m) => ({ default: m.TransferView }))),
};

function ViewLoading({ view }: { view: ViewId }) {
  return <main className="workspace workspace--loading" id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`} aria-busy="true" />;
}

export function App() {
  const view = useAppStore((s) => s.view);
  const LazyView = LAZY_VIEWS[view];
  const hiddenControls = useAppStore((s) => s.hiddenControls);

  useEffect(() => {
    // Starts the worker and picks a backend while the student reads the page.
    void useAppStore.getState().setBackendChoice('auto');
    const { applyLink, syncBaseline } = useAppStore.getState();
    void syncBaseline();
    return onHashChange((hash) => applyLink(hash, 'address'));
  }, []);

  return (
    <HiddenControlsContext.Provider value={hiddenControls}>
    <div className="app">
      <AppHeader />
      <LinkNotice />
      <RerunBanner />
      <LessonDock />
      {LazyView ? (
        <Suspense fallback={<ViewLoading view={view} />}>
          <LazyView />
        </Suspense>
      ) : (
        <TrainView />
      )}
    </div>
    </HiddenControlsContext.Provider>
  );
}
