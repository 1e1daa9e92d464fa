// If rendering ever throws, the student sees a sentence and a way out, not a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './ErrorBoundary.css';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // For developers only; the page itself never shows the trace.
    console.error('The page failed to render', error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1 className="crash__title">The playground hit a problem it could not recover from.</h1>
        <p className="crash__text">
          Nothing is wrong with your computer. Reloading the page starts a fresh playground with
          the default settings.
        </p>
        <button type="button" className="crash__button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
