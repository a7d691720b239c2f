import { Component, Fragment, type ReactNode } from 'react';
import { forgetFailedChunks, isChunkLoadError } from './chunk-retry';
import { FaultProbe, useFaultStore } from './fault-hooks';

interface Props {
  /** The panel's tab title, named in the message. */
  title: string;
  children: ReactNode;
  /** Renders the test hook that can break this part (default true; the tour card has none). */
  probe?: boolean;
}

interface State {
  error: Error | null;
  /** Bumped by "Reload panel": a new key mounts the panel afresh. */
  generation: number;
}

/**
 * Keeps one panel's failure inside that panel: shows what failed and a "Reload panel" button,
 * while the header, tabs, notices and status bar keep working. A panel whose code could not
 * be downloaded (offline) gets a notice with "Try again" instead, and is loaded again by
 * itself when the browser is back online.
 */
export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  private readonly onOnline = () => {
    if (this.state.error && isChunkLoadError(this.state.error)) this.reload();
  };

  override componentDidMount() {
    window.addEventListener('online', this.onOnline);
  }

  override componentWillUnmount() {
    window.removeEventListener('online', this.onOnline);
  }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private reload = () => {
    useFaultStore.setState({ panelBroken: false });
    forgetFailedChunks();
    this.setState((s) => ({ error: null, generation: s.generation + 1 }));
  };

  override render() {
    const { error, generation } = this.state;
    if (error && isChunkLoadError(error)) {
      return (
        <section className="notice" role="alert" aria-label={`${this.props.title} not loaded`}>
          <p>
            {this.props.title} could not be loaded: the network did not answer (are you
            offline?). It loads by itself when the network is back.
          </p>
          <button type="button" onClick={this.reload}>
            Try again
          </button>
        </section>
      );
    }
    if (error) {
      return (
        <section
          className="panel panel-failed"
          role="alert"
          aria-label={`${this.props.title} failed`}
        >
          <h2>The {this.props.title} panel stopped working</h2>
          <p>
            What failed: <code>{error.message || error.name}</code>
          </p>
          <p>The other panels and the rest of the page still work.</p>
          <button type="button" className="primary" onClick={this.reload}>
            Reload panel
          </button>
        </section>
      );
    }
    return (
      <Fragment key={generation}>
        {this.props.probe !== false && <FaultProbe />}
        {this.props.children}
      </Fragment>
    );
  }
}
