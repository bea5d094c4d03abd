import { Component, type ReactNode } from 'react';
import { BoardDrawnContext } from '../board/first-draw.ts';

interface BoardErrorBoundaryProps {
  /** The board drew the map once: it may be reopened at the next start. */
  readonly onDrawn: () => void;
  /** Rendering the board failed, or drawing it failed before its first frame was drawn. */
  readonly onFailed: (error: unknown) => void;
  readonly children: ReactNode;
}

/**
 * Keeps a map that can't be drawn from taking the app with it: a render error anywhere in the
 * board screen, or an uncaught error while its first frame is drawing (Konva draws outside
 * React, in an animation frame), hands the failure to App, which goes back to the library.
 * Keyed by map, so each opened map starts unfailed.
 */
export class BoardErrorBoundary extends Component<BoardErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };
  private drawn = false;

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidMount(): void {
    if (!this.drawn) window.addEventListener('error', this.onWindowError);
  }

  override componentWillUnmount(): void {
    window.removeEventListener('error', this.onWindowError);
  }

  override componentDidCatch(error: unknown): void {
    this.fail(error);
  }

  private readonly onFirstDraw = (): void => {
    if (this.drawn || this.state.failed) return;
    this.drawn = true;
    window.removeEventListener('error', this.onWindowError);
    this.props.onDrawn();
  };

  private readonly onWindowError = (event: ErrorEvent): void => {
    // Only thrown exceptions: Chromium's benign "ResizeObserver loop" reports carry no error.
    if (event.error === null || event.error === undefined) return;
    this.setState({ failed: true });
    this.fail(event.error);
  };

  private fail(error: unknown): void {
    window.removeEventListener('error', this.onWindowError);
    this.props.onFailed(error);
  }

  override render(): ReactNode {
    if (this.state.failed) return null;
    return (
      <BoardDrawnContext.Provider value={this.onFirstDraw}>{this.props.children}</BoardDrawnContext.Provider>
    );
  }
}
