// Keeps one broken area from taking the window down: the area shows what failed and can be
// retried, while the sidebar and status bar keep working.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names what failed in the message ("the Search area"). */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for bug reports; the analyst sees the message below.
    console.error(`Sifter: ${this.props.what} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h2 className="crash__title">Something went wrong in {this.props.what}</h2>
        <p className="crash__message">{error.message || error.name}</p>
        <div className="crash__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => this.setState({ error: null })}
          >
            Try again
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the window
          </button>
        </div>
      </div>
    );
  }
}
