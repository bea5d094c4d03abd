import type { Viewport } from '../../store/session-slice.ts';
import type { GridScene, NotesScene, PaintView } from './paint-board.ts';
import type { PainterReply, PainterRequest } from './painter-messages.ts';

/** What the painter tells the board. */
export interface PainterListener {
  /**
   * A drawing is on the canvas: drawn at `view`, of the whole map when `complete`. It arrived
   * from the worker at `arrivedAt` (performance.now()): what putting it up cost this thread is
   * the time since.
   */
  painted(view: PaintView, complete: boolean, arrivedAt: number): void;
  /** The worker could not draw (or start): the board cannot be shown. */
  failed(error: Error): void;
}

type Drawn = Extract<PainterReply, { kind: 'drawn' }>;

/**
 * The painter's worker, started with the first board and kept for the next ones (leaving present
 * mode, opening another map): a new worker would load the font again and lay out every text
 * afresh before its first drawing, and the board would stand empty meanwhile. Draws and scene
 * versions are numbered across boards, so a drawing asked for by the board before is never taken
 * for this one's.
 */
let sharedWorker: Worker | null = null;
let lastVersion = 0;
let lastDraw = 0;

const painterWorker = (): Worker => {
  sharedWorker ??= new Worker(new URL('./board-painter.worker.ts', import.meta.url), { type: 'module' });
  return sharedWorker;
};

/** A worker that failed is not handed to the next board: that one starts a new worker. */
const dropWorker = (worker: Worker): void => {
  worker.terminate();
  if (sharedWorker === worker) sharedWorker = null;
};

/**
 * CSS pixels drawn beyond each edge of the board: a pan that stays within them needs no new
 * drawing, only the CSS transform, so most steps of a pan send the worker nothing.
 */
export const OVERSCAN_PX = 256;

/** What is drawn for a view: the view and OVERSCAN_PX around it, at the same scale. */
export const overscanned = (view: PaintView): PaintView => ({
  viewport: { ...view.viewport, x: view.viewport.x + OVERSCAN_PX, y: view.viewport.y + OVERSCAN_PX },
  size: { width: view.size.width + 2 * OVERSCAN_PX, height: view.size.height + 2 * OVERSCAN_PX },
  pixelRatio: view.pixelRatio,
});

/** Whether a drawing made at `drawn` shows everything `live` shows, at the same scale and sharpness. */
export const covers = (drawn: PaintView, live: PaintView): boolean => {
  if (drawn.viewport.scale !== live.viewport.scale || drawn.pixelRatio !== live.pixelRatio) return false;
  // Where the drawing's top left corner is on the live screen.
  const left = live.viewport.x - drawn.viewport.x;
  const top = live.viewport.y - drawn.viewport.y;
  return (
    left <= 0 &&
    top <= 0 &&
    left + drawn.size.width >= live.size.width &&
    top + drawn.size.height >= live.size.height
  );
};

/**
 * The board under the selection, drawn in a worker (board-painter.worker.ts) and shown on a
 * `bitmaprenderer` canvas, which takes each drawing over without copying it. The window's thread
 * only sends what changed and puts the finished bitmap up, so a pan or zoom step never waits
 * for the raster of a full-window canvas.
 *
 * Each drawing reaches OVERSCAN_PX beyond the board's edges, so a pan asks for a new one only
 * once it comes near the drawing's edge. One draw is in flight at a time; whatever changes
 * meanwhile (the view, the grid, the notes) is drawn next, from the newest of each, so a fast
 * gesture skips views instead of queueing them. The board shows the last drawing moved to the
 * live view by a CSS transform (use-board-painter.ts), as it does for the active layer.
 */
export class BoardPainter {
  private readonly worker: Worker;
  private readonly context: ImageBitmapRenderingContext;
  /** The newest scene version sent. */
  private version = 0;
  /** Whether a grid and notes were sent: nothing is drawn before both (a blank would flash). */
  private hasGrid = false;
  private hasNotes = false;
  private wanted: PaintView | null = null;
  private inFlight: { readonly id: number; readonly view: PaintView } | null = null;
  private shown: { readonly view: PaintView; readonly version: number; readonly deferred: boolean } | null =
    null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly listener: PainterListener,
  ) {
    const context = canvas.getContext('bitmaprenderer');
    if (!context) throw new Error('This browser cannot show a drawing made off the window’s thread');
    this.context = context;
    const worker = painterWorker();
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<PainterReply>) => {
      const reply = event.data;
      if (reply.kind === 'failed') this.fail(new Error(`The board could not be drawn: ${reply.message}`));
      else if (reply.id === this.inFlight?.id) this.show(reply);
      else reply.bitmap.close();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      dropWorker(worker);
      this.fail(new Error(`The board’s drawing worker stopped: ${event.message || 'it could not start'}`));
    };
  }

  setGrid(grid: GridScene): void {
    this.hasGrid = true;
    this.post({ kind: 'grid', version: this.nextVersion(), grid });
  }

  setNotes(notes: NotesScene): void {
    this.hasNotes = true;
    this.post({ kind: 'notes', version: this.nextVersion(), notes });
  }

  setView(view: PaintView): void {
    this.wanted = view;
    this.drawIfBehind();
  }

  /** The viewport of the drawing on the canvas, if any. */
  get shownViewport(): Viewport | null {
    return this.shown?.view.viewport ?? null;
  }

  /** The canvas shows the newest scene, everything the newest view shows, every text in full. */
  get current(): boolean {
    const { shown, wanted } = this;
    return (
      this.inFlight === null &&
      shown !== null &&
      wanted !== null &&
      shown.version === this.version &&
      !shown.deferred &&
      covers(shown.view, wanted)
    );
  }

  /** The board is gone: the worker stays for the next one, and what it still sends is dropped. */
  dispose(): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
  }

  private nextVersion(): number {
    this.version = ++lastVersion;
    return this.version;
  }

  private post(request: PainterRequest): void {
    this.worker.postMessage(request);
    this.drawIfBehind();
  }

  private drawIfBehind(): void {
    if (this.inFlight || !this.wanted || !this.hasGrid || !this.hasNotes || this.current) return;
    this.inFlight = { id: ++lastDraw, view: overscanned(this.wanted) };
    this.worker.postMessage({
      kind: 'draw',
      id: this.inFlight.id,
      view: this.inFlight.view,
    } satisfies PainterRequest);
  }

  private show(drawn: Drawn): void {
    const arrivedAt = performance.now();
    const { bitmap, view } = drawn;
    // Resizing a canvas blanks it: done only when the size changed, just before it is filled.
    if (this.canvas.width !== bitmap.width) this.canvas.width = bitmap.width;
    if (this.canvas.height !== bitmap.height) this.canvas.height = bitmap.height;
    this.canvas.style.width = `${view.size.width}px`;
    this.canvas.style.height = `${view.size.height}px`;
    this.context.transferFromImageBitmap(bitmap);
    this.shown = { view, version: drawn.version, deferred: drawn.deferred };
    this.inFlight = null;
    this.listener.painted(view, drawn.complete, arrivedAt);
    this.drawIfBehind();
  }

  private fail(error: Error): void {
    this.inFlight = null;
    this.listener.failed(error);
  }
}
