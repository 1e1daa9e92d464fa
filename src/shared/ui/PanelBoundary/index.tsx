// An error boundary for one part of the page: if that part throws while rendering (a damaged
// record, a value nobody expected), it is replaced by a sentence and a way out, and the rest of
// the playground keeps working. The root ErrorBoundary is the last resort behind these.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './PanelBoundary.css';

interface Props {
  /** What failed, as the start of a sentence: "The comparison", "This run". */
  name: string;
  children: ReactNode;
  /** Drawn in place of the default notice (a list row must stay a list row). */
  fallback?: (retry: () => void) => ReactNode;
  /** More ways out next to "Try again", e.g. deleting the damaged record. */
  actions?: ReactNode;
  /** When this changes (another view, another selection), the part is tried again. */
  resetKey?: unknown;
}

interface State {
  failed: boolean;
  key: unknown;
}

export class PanelBoundary extends Component<Props, State> {
  state: State = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // For developers only; the page shows a sentence, never the trace.
    console.error(`${this.props.name} failed to render`, error, info.componentStack);
  }

  private retry = () => this.setState({ failed: false });

  render() {
    if (!this.state.failed) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.retry);
    return <PanelCrash name={this.props.name} actions={this.props.actions} retry={this.retry} />;
  }
}

/** The default notice: what could not be shown, that the rest works, and the ways out. */
export function PanelCrash({ name, actions, retry }: { name: string; actions?: ReactNode; retry: () => void }) {
  return (
    <div className="panel-crash" role="alert">
      <p className="panel-crash__text">
        <strong>{name} could not be shown.</strong> The rest of the playground still works.
      </p>
      <div className="panel-crash__actions">
        {actions}
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>
      </div>
    </div>
  );
}
