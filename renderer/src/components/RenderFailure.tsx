import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Brand } from './BrandMark';

interface State {
  failed: boolean;
}

/**
 * The last line against a blank window: a rendering error anywhere below shows this screen with
 * a way to reload, instead of React unmounting everything. The clinic's data lives in main, so
 * reloading the window loses nothing that was saved.
 */
export class RenderFailureBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Only the error's name and where it happened: messages may quote what was on screen.
    console.error(
      `[clinic-desk] the window failed to render: ${error.name}`,
      info.componentStack?.split('\n')[1]?.trim(),
    );
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="signin">
        <section className="card signin__card" aria-labelledby="render-failure-title" role="alert">
          <Brand size={32} />
          <h1 id="render-failure-title" className="signin__title">
            This window ran into a problem
          </h1>
          <p className="signin__text">
            Everything that was saved is safe. Reload the window to continue; if this keeps happening, tell your
            administrator.
          </p>
          <div>
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        </section>
      </main>
    );
  }
}
