import type { BoardStore } from '../../store/index.ts';
import { onPixelRatioChange } from '../../ui/pixel-ratio.ts';
import { type ZoomLabelReply, type ZoomLabelRequest, zoomLabelText } from './zoom-label-messages.ts';

/**
 * Shows the board's zoom on `button` and keeps it current, until the returned function is
 * called. Its accessible name is set straight from the store. Its label is drawn by a worker on a
 * canvas the worker owns (zoom-label.worker.ts): a text change in the page would cost the
 * window's thread a layout, a paint and a commit on every zoom step, most of what a paced zoom
 * step cost it. Until the worker's first label is on screen, and wherever the worker cannot
 * start or stops, the button shows the text itself.
 */
export const attachZoomLabel = (
  button: HTMLElement,
  store: BoardStore,
  startWorker: () => Worker,
): (() => void) => {
  const text = document.createElement('span');
  button.append(text);
  let canvas: HTMLCanvasElement | null = null;
  let worker: Worker | null = null;
  let percent = Math.round(store.getState().viewport.scale * 100);

  const post = (request: ZoomLabelRequest, transfer: Transferable[] = []) =>
    worker?.postMessage(request, transfer);

  const show = () => {
    button.setAttribute('aria-label', `Zoom ${percent}%, reset to 100%`);
    if (text.isConnected) text.textContent = zoomLabelText(percent);
    post({ kind: 'percent', percent });
  };

  const backToText = () => {
    worker?.terminate();
    worker = null;
    canvas?.remove();
    canvas = null;
    button.append(text);
    show();
  };

  /** The worker runs: it gets a canvas over the button's text, which goes once it has drawn. */
  const handOver = () => {
    canvas = document.createElement('canvas');
    canvas.className = 'zoom-level-canvas';
    button.append(canvas);
    const offscreen = canvas.transferControlToOffscreen();
    const style = getComputedStyle(button);
    post(
      {
        kind: 'canvas',
        canvas: offscreen,
        font: `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
        color: style.color,
        width: button.clientWidth,
        height: button.clientHeight,
        pixelRatio: window.devicePixelRatio || 1,
        percent,
      },
      [offscreen],
    );
  };

  // Forced colours (a high-contrast theme) recolour text, never a canvas: the text it is, then.
  const forcedColors = matchMedia('(forced-colors: active)');
  const forcedColorsChanged = () => {
    if (forcedColors.matches) backToText();
  };
  forcedColors.addEventListener('change', forcedColorsChanged);

  const start = (): Worker | null => {
    if (forcedColors.matches) return null;
    try {
      const started = startWorker();
      // Only the worker of this label, while it has one: a late word from one let go is dropped.
      started.onmessage = (event: MessageEvent<ZoomLabelReply>) => {
        if (started !== worker) return;
        if (event.data.kind === 'ready') handOver();
        else text.remove();
      };
      started.onerror = (event) => {
        event.preventDefault();
        if (started === worker) backToText();
      };
      return started;
    } catch {
      // Forbidden by a policy, or no module workers: the button shows the text itself.
      return null;
    }
  };
  worker = start();

  // Moved to a screen of another pixel ratio: drawn again, sharp on this one.
  const stopWatchingRatio = onPixelRatioChange(() => {
    if (canvas) post({ kind: 'resolution', pixelRatio: window.devicePixelRatio || 1 });
  });

  show();
  const unsubscribe = store.subscribe((state) => {
    const now = Math.round(state.viewport.scale * 100);
    if (now === percent) return;
    percent = now;
    show();
  });
  return () => {
    unsubscribe();
    stopWatchingRatio();
    forcedColors.removeEventListener('change', forcedColorsChanged);
    worker?.terminate();
    worker = null;
    canvas?.remove();
    text.remove();
  };
};
