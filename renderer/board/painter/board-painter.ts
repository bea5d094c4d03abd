import type { NoteRecord } from '../../../shared/model/records.ts';
import type { Viewport } from '../../store/session-slice.ts';
import { type GridScene, type NotesScene, type PaintView, paintToBitmap } from './paint-board.ts';
import type { PainterReply, PainterRequest } from './painter-messages.ts';

/** What the painter tells the board. */
export interface PainterListener {
  /**
   * A drawing is on the canvas, drawn at `view` with the notes in `hidden` left out. It arrived
   * from the worker at `arrivedAt` (performance.now()): what putting it up cost this thread is
   * the time since.
   */
  painted(view: PaintView, hidden: ReadonlySet<string>, arrivedAt: number): void;
  /** The scene could not be drawn: the board cannot be shown. */
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

const NONE_HIDDEN: ReadonlySet<string> = new Set();

/** The notes of `next` that are not in `previous` (by identity): new, or changed by an edit. */
const changedNotes = (previous: readonly NoteRecord[], next: readonly NoteRecord[]): NoteRecord[] => {
  if (previous === next) return [];
  const known = new Set(previous);
  return next.filter((note) => !known.has(note));
};

const sameOrder = (previous: readonly NoteRecord[], next: readonly NoteRecord[]): boolean =>
  previous === next ||
  (previous.length === next.length && previous.every((note, index) => note.id === next[index]?.id));

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a === b || (a.size === b.size && [...a].every((id) => b.has(id)));

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
 *
 * Where the worker cannot start or dies (a policy that forbids it, a build that lost its file),
 * the board is drawn on the window's thread with the same code: slower, never missing.
 */
export class BoardPainter {
  /** The worker drawing the board; null once it failed and the board is drawn on this thread. */
  private worker: Worker | null;
  /** Where the board is drawn on this thread, once the worker failed. */
  private here: OffscreenCanvas | null = null;
  private readonly context: ImageBitmapRenderingContext;
  /** The newest grid and notes, kept for drawing on this thread should the worker fail. */
  private grid: GridScene | null = null;
  private notes: NotesScene | null = null;
  /** The newest scene version sent. */
  private version = 0;
  /** The notes each scene version still waiting to be drawn leaves out, so a drawing says which it left out. */
  private readonly hiddenAt = new Map<number, ReadonlySet<string>>();
  private wanted: PaintView | null = null;
  private inFlight: { readonly id: number; readonly view: PaintView } | null = null;
  private shown: { readonly view: PaintView; readonly version: number; readonly deferred: boolean } | null =
    null;

  /** `startWorker`: the worker to draw in (the shared one unless a test hands another). */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly listener: PainterListener,
    startWorker: () => Worker = painterWorker,
  ) {
    const context = canvas.getContext('bitmaprenderer');
    if (!context) throw new Error('This browser cannot show a drawing made off the window’s thread');
    this.context = context;
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      // Forbidden by a policy, or no module workers: drawn here from the start.
      this.worker = null;
      this.drawHereFromNowOn();
      return;
    }
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
      this.drawHereFromNowOn();
    };
  }

  setGrid(grid: GridScene): void {
    this.grid = grid;
    this.post({ kind: 'grid', version: this.nextVersion(), grid });
  }

  /**
   * The notes, bottom to top, and which of them are hidden. Only what changed goes to the worker
   * (notes compared by identity, as the store keeps an unchanged record's object), and a change
   * to hidden notes alone (the selection moved) asks for no redraw.
   */
  setNotes(scene: NotesScene): void {
    const last = this.notes;
    this.notes = scene;
    const changed = last ? changedNotes(last.notes, scene.notes) : scene.notes;
    const order = last && sameOrder(last.notes, scene.notes) ? null : scene.notes.map((note) => note.id);
    const sameRest = last !== null && sameSet(last.hidden, scene.hidden) && last.marks === scene.marks;
    if (sameRest && changed.length === 0 && order === null) return;
    const drawnChange = !(sameRest && order === null && changed.every((note) => scene.hidden.has(note.id)));
    this.post({
      kind: 'notes',
      version: drawnChange ? this.nextVersion() : null,
      changed,
      order,
      hidden: scene.hidden,
      marks: scene.marks,
    });
  }

  /** Whether the board is drawn on the window's thread because its worker failed. */
  get drawingHere(): boolean {
    return this.here !== null;
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
    const { worker } = this;
    this.inFlight = null;
    this.wanted = null;
    if (!worker) return;
    // What is still on its way is let go at once (a full-window bitmap), and a worker that
    // fails now is not handed to the next board.
    worker.onmessage = (event: MessageEvent<PainterReply>) => {
      if (event.data.kind === 'drawn') event.data.bitmap.close();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      dropWorker(worker);
    };
  }

  private nextVersion(): number {
    this.version = ++lastVersion;
    this.hiddenAt.set(this.version, this.notes?.hidden ?? NONE_HIDDEN);
    return this.version;
  }

  private post(request: PainterRequest): void {
    this.worker?.postMessage(request);
    this.drawIfBehind();
  }

  private drawIfBehind(): void {
    if (this.inFlight || !this.wanted || !this.grid || !this.notes || this.current) return;
    const draw = { id: ++lastDraw, view: overscanned(this.wanted) };
    this.inFlight = draw;
    if (this.worker) this.worker.postMessage({ kind: 'draw', ...draw } satisfies PainterRequest);
    // A task of its own, as a worker's answer would be: changes made meanwhile are drawn together.
    else setTimeout(() => this.drawHere(draw.id), 0);
  }

  private drawHereFromNowOn(): void {
    if (this.worker) {
      this.worker.onmessage = null;
      this.worker.onerror = null;
    }
    this.worker = null;
    this.here = new OffscreenCanvas(1, 1);
    // A draw the worker never answered is asked for again, here.
    this.inFlight = null;
    this.drawIfBehind();
  }

  private drawHere(id: number): void {
    const draw = this.inFlight;
    if (!this.here || draw?.id !== id) return;
    try {
      const { bitmap, deferred } = paintToBitmap(this.here, this.grid, this.notes, draw.view);
      this.show({
        kind: 'drawn',
        id,
        bitmap,
        view: draw.view,
        version: this.version,
        deferred,
      });
    } catch (error) {
      this.fail(
        new Error(`The board could not be drawn: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
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
    const hidden = this.hiddenAt.get(drawn.version) ?? NONE_HIDDEN;
    for (const version of this.hiddenAt.keys()) if (version < drawn.version) this.hiddenAt.delete(version);
    this.listener.painted(view, hidden, arrivedAt);
    this.drawIfBehind();
  }

  private fail(error: Error): void {
    this.inFlight = null;
    this.listener.failed(error);
  }
}
