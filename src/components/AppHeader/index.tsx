// Title and the view tabs. The views are lenses on one experiment; only Train exists so far,
// the others are shown (disabled) so the student sees where the playground is going.
import './AppHeader.css';

const COMING = [
  { id: 'compress', label: 'Compress', detail: 'Prune and quantize the trained model' },
  { id: 'lottery', label: 'Lottery', detail: 'Find a winning lottery ticket' },
  { id: 'transfer', label: 'Transfer', detail: 'Reuse the features on new labels' },
  { id: 'learn', label: 'Learn', detail: 'Short explanations of each idea' },
] as const;

export function AppHeader() {
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <svg className="app-header__logo" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="5" cy="6" r="2.2" />
          <circle cx="5" cy="18" r="2.2" />
          <circle cx="12" cy="12" r="2.2" />
          <circle cx="19" cy="7" r="2.2" />
          <circle cx="19" cy="17" r="2.2" />
          <path d="M5 6 12 12 19 7M5 18 12 12 19 17M5 6 19 17" />
        </svg>
        <h1 className="app-header__title">Compression Playground</h1>
      </div>
      <nav className="app-header__nav" aria-label="Views">
        <div role="tablist" aria-label="Views" className="tabs">
          <button
            type="button"
            role="tab"
            id="tab-train"
            className="tabs__tab"
            aria-selected="true"
            aria-controls="view-train"
          >
            Train
          </button>
          {COMING.map((view) => (
            <button
              key={view.id}
              type="button"
              role="tab"
              id={`tab-${view.id}`}
              className="tabs__tab"
              aria-selected="false"
              aria-disabled="true"
              tabIndex={-1}
              title={`${view.detail}: coming soon`}
            >
              {view.label}
              <span className="tabs__soon">soon</span>
            </button>
          ))}
        </div>
      </nav>
    </header>
  );
}
