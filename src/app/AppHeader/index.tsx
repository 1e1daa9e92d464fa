// Title and the view tabs. The views are lenses on one experiment: Train and Compress work,
// the others are shown (disabled) so the student sees where the playground is going. Arrow
// keys, Home and End move between the working tabs (the ARIA tabs pattern, automatic activation).
import type { KeyboardEvent } from 'react';
import { useAppStore, type ViewId } from '../../store';
import { CopyLinkButton } from '../../features/share/CopyLinkButton';
import { HistoryButton } from '../../features/history/HistoryPanel';
import { DownloadModel } from '../../features/compress/DownloadModel';
import { ExportScriptButton } from '../../features/share/ExportScriptButton';
import './AppHeader.css';

const VIEWS: readonly { id: ViewId; label: string; detail: string }[] = [
  { id: 'train', label: 'Train', detail: 'Train a network from scratch' },
  { id: 'compress', label: 'Compress', detail: 'Prune and quantize the trained model' },
  { id: 'lottery', label: 'Lottery', detail: 'Find a winning lottery ticket' },
  { id: 'transfer', label: 'Transfer', detail: 'Reuse the features on new labels' },
  { id: 'learn', label: 'Learn', detail: 'Guided lessons: predict, then see it happen' },
];

/** Views still to come, shown disabled (none at the moment). */
const COMING: readonly { id: string; label: string; detail: string }[] = [];

function Logo() {
  return (
    <svg className="app-header__logo" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="5" cy="6" r="2.2" />
      <circle cx="5" cy="18" r="2.2" />
      <circle cx="12" cy="12" r="2.2" />
      <circle cx="19" cy="7" r="2.2" />
      <circle cx="19" cy="17" r="2.2" />
      <path d="M5 6 12 12 19 7M5 18 12 12 19 17M5 6 19 17" />
    </svg>
  );
}

export function AppHeader() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = VIEWS.findIndex((v) => v.id === view);
    const next: Record<string, number> = {
      ArrowRight: (at + 1) % VIEWS.length,
      ArrowLeft: (at - 1 + VIEWS.length) % VIEWS.length,
      Home: 0,
      End: VIEWS.length - 1,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    const target = VIEWS[next[e.key]];
    setView(target.id);
    document.getElementById(`tab-${target.id}`)?.focus();
  };

  return (
    <header className="app-header">
      <div className="app-header__brand">
        <Logo />
        <h1 className="app-header__title">Compression Playground</h1>
      </div>
      <nav className="app-header__nav" aria-label="Views">
        <div role="tablist" aria-label="Views" className="tabs" onKeyDown={onKeyDown}>
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              id={`tab-${v.id}`}
              className="tabs__tab"
              aria-selected={view === v.id}
              aria-controls={view === v.id ? `view-${v.id}` : undefined}
              tabIndex={view === v.id ? 0 : -1}
              title={v.detail}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
          {COMING.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              id={`tab-${v.id}`}
              className="tabs__tab"
              aria-selected="false"
              aria-disabled="true"
              tabIndex={-1}
              title={`${v.detail}: coming soon`}
            >
              {v.label}
              <span className="tabs__soon">soon</span>
            </button>
          ))}
        </div>
      </nav>
      <div className="app-header__actions">
        <CopyLinkButton />
        <HistoryButton compressedModel={<DownloadModel />} />
        <ExportScriptButton />
      </div>
    </header>
  );
}
