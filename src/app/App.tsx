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
import { PanelBoundary, PanelCrash } from '../shared/ui/PanelBoundary';
import './styles/app.css';

// One entry per lazily loaded view (Train paints first and is not lazy).
const LAZY_VIEWS: Partial<Record<ViewId, LazyExoticComponent<ComponentType>>> = {
  compress: lazy(() => import('./views/CompressView').then((m) => ({ default: m.CompressView }))),
  learn: lazy(() => import('../features/learn/LearnView').then((m) => ({ default: m.LearnView }))),
  lottery: lazy(() => import('../features/lottery/LotteryView').then((m) => ({ default: m.LotteryView }))),
  transfer: lazy(() => import('../features/transfer/TransferView').then((m) => ({ default: m.TransferView }))),
};

const VIEW_NAMES: Record<ViewId, string> = { train: 'The Train view', compress: 'The Compress view', lottery: 'The Lottery view', transfer: 'The Transfer view', learn: 'The lessons' };

/** A view that throws is replaced by a notice in its own tab panel; the tabs and the other views keep working. */
function ViewCrash({ view, retry }: { view: ViewId; retry: () => void }) {
  return (
    <main className="workspace" id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
      <PanelCrash name={VIEW_NAMES[view]} retry={retry} />
    </main>
  );
}

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
        <PanelBoundary name="The header">
          <AppHeader />
        </PanelBoundary>
        <PanelBoundary name="The note about this link">
          <LinkNotice />
          <RerunBanner />
        </PanelBoundary>
        <PanelBoundary name="The lesson">
          <LessonDock />
        </PanelBoundary>
        <PanelBoundary name={VIEW_NAMES[view]} resetKey={view} fallback={(retry) => <ViewCrash view={view} retry={retry} />}>
          {LazyView ? (
            <Suspense fallback={<ViewLoading view={view} />}>
              <LazyView />
            </Suspense>
          ) : (
            <TrainView />
          )}
        </PanelBoundary>
      </div>
    </HiddenControlsContext.Provider>
  );
}
