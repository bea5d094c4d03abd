import type { NoteRecord } from '../../../shared/model/records.ts';
import { catchUpTransform } from '../use-drawn-viewport.ts';
import { type GridScene, type NotesScene, type PaintView, paintToBitmap } from './paint-board.ts';
import type {
  Drawn,
  PainterReply,
  PainterRequest,
  PresenterReply,
  PresenterRequest,
} from './painter-messages.ts';

/** What the painter tells the board. */
export interface PainterListener {
  /**
   * A drawing is on screen, drawn at `view` with the notes in `hidden` left out. The window
   * learnt so at `arrivedAt` (performance.now()): what that cost this thread is the time since.
   */
  painted(view: PaintView, hidden: ReadonlySet<string>, arrivedAt: number): void;
  /** The presenter has put the live view on screen (with the drawing it had): `current` may have changed. */
  placed(): void;
  /** The scene could not be drawn: the board cannot be shown. */
  failed(error: Error): void;
}

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

/**
 * Starts the painter's worker ahead of the board, as a map begins to open: its module and the
 * shipped font then load while the map is read from storage, not after the board is up. Until a
 * board takes it, a worker that fails is let go, and the board starts another. Where workers
 * cannot start, the board finds out for itself.
 */
export const startPainterWorker = (): void => {
  try {
    const worker = painterWorker();
    worker.onerror ??= (event) => {
      event.preventDefault();
      dropWorker(worker);
    };
  } catch {
    // Forbidden by a policy, or no module workers: the board draws on the window's thread.
  }
};

/** Each board has a presenter of its own: it owns the board's canvas, which dies with the board. */
const presenterWorker = (): Worker =>
  new Worker(new URL('./board-presenter.worker.ts', import.meta.url), { type: 'module' });

/** The workers a painter starts (tests hand others). */
export interface PainterWorkers {
  readonly painter?: () => Worker;
  readonly presenter?: () => Worker;
}

/** A worker that failed is not handed to the next board: that one starts a new worker. */
const dropWorker = (worker: Worker): void => {
  worker.terminate();
  if (sharedWorker === worker) sharedWorker = null;
};

/**
 * CSS pixels drawn beyond each edge of the board: a pan that stays within them needs no new
 * drawing, only the last one moved, so most steps of a pan send the painter nothing.
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

/**
 * A zoom is drawn at its new scale once it pauses this long: meanwhile the presenter shows the
 * last drawing scaled, so a zoom step's own frame never shares the CPU with the painter's raster
 * (on a two-core laptop it did, and paid for it), and a continuous zoom is not drawn at every
 * scale it passes through.
 */
export const ZOOM_SETTLE_MS = 60;
/** During a long zoom the board is still drawn at least this often, so zooming out never shows a bare edge for long. */
const ZOOM_STALE_MS = 250;

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
 * The board under the selection, drawn in a worker (board-painter.worker.ts) and put on screen by
 * another (board-presenter.worker.ts), which owns the board's canvas: the window's thread only
 * sends what changed and the live view, so a pan or zoom step never waits for the raster of a
 * full-window canvas, nor for a new drawing to be committed and its bitmap collected.
 *
 * Each drawing reaches OVERSCAN_PX beyond the board's edges, so a pan asks for a new one only
 * once it comes near the drawing's edge; until then the presenter shows the last drawing moved
 * and scaled to the live view. One draw is in flight at a time; whatever changes meanwhile (the
 * view, the grid, the notes) is drawn next, from the newest of each, so a fast gesture skips
 * views instead of queueing them.
 *
 * Never a missing board: where the painter's worker cannot start or dies (a policy that forbids
 * it, a build that lost its file), the board is drawn on the window's thread with the same code;
 * where the presenter cannot start, the canvas shows each drawing itself (a `bitmaprenderer`
 * canvas, moved to the live view by a CSS transform). Slower, never missing.
 */
export class BoardPainter {
  /** The worker drawing the board; null once it failed and the board is drawn on this thread. */
  private worker: Worker | null;
  /** Where the board is drawn on this thread, once the worker failed. */
  private here: OffscreenCanvas | null = null;
  /** The presenter, once it has the canvas. */
  private presenter: Worker | null = null;
  /** The presenter while it loads: the canvas is handed over only to one that runs. */
  private starting: Worker | null = null;
  /** The canvas's own context, where no presenter could start. */
  private context: ImageBitmapRenderingContext | null = null;
  /** The newest grid and notes, kept for drawing on this thread should the worker fail. */
  private grid: GridScene | null = null;
  private notes: NotesScene | null = null;
  /** The newest scene version sent. */
  private version = 0;
  /** The notes each scene version still waiting to be drawn leaves out, so a drawing says which it left out. */
  private readonly hiddenAt = new Map<number, ReadonlySet<string>>();
  private wanted: PaintView | null = null;
  /** Views sent to the presenter, and the number of the last one it has said is on screen. */
  private viewsSent = 0;
  private viewPlaced = 0;
  /** The last view the presenter was asked to echo. */
  private echoAsked = 0;
  private inFlight: { readonly id: number; readonly view: PaintView } | null = null;
  private shown: { readonly view: PaintView; readonly version: number; readonly deferred: boolean } | null =
    null;
  /** While a zoom goes on: the timer that draws it once it pauses, and since when it waits. */
  private zoomWait: { timer: ReturnType<typeof setTimeout>; readonly since: number } | null = null;

  /** The board's paper: a canvas of this painter's own, as the presenter takes it over for good. */
  private readonly canvas = document.createElement('canvas');

  /** `host`: where the paper goes (its `board-paper` canvas is added there, and removed on dispose). */
  constructor(
    host: HTMLElement,
    private readonly listener: PainterListener,
    workers: PainterWorkers = {},
  ) {
    this.canvas.className = 'board-paper';
    host.append(this.canvas);
    let worker: Worker | null = null;
    try {
      worker = (workers.painter ?? painterWorker)();
    } catch {
      // Forbidden by a policy, or no module workers: drawn here from the start.
      this.drawHereFromNowOn();
    }
    this.worker = worker;
    if (worker) {
      worker.onmessage = (event: MessageEvent<PainterReply>) => {
        const reply = event.data;
        if (reply.kind === 'failed') this.fail(new Error(`The board could not be drawn: ${reply.message}`));
        else if (reply.id === this.inFlight?.id) this.showOnCanvas(reply);
        else reply.bitmap.close();
      };
      worker.onerror = (event) => {
        event.preventDefault();
        dropWorker(worker);
        this.drawHereFromNowOn();
      };
    }
    let presenter: Worker;
    try {
      presenter = (workers.presenter ?? presenterWorker)();
    } catch {
      this.showOnCanvasFromNowOn();
      return;
    }
    this.starting = presenter;
    presenter.onmessage = (event: MessageEvent<PresenterReply>) => {
      const reply = event.data;
      if (reply.kind === 'ready') {
        this.handOver(presenter);
        return;
      }
      this.viewPlaced = reply.seq;
      if (reply.drawn && reply.drawn.id === this.inFlight?.id) this.accept(reply.drawn, performance.now());
      else this.listener.placed();
      this.askWhetherPlaced();
    };
    presenter.onerror = (event) => {
      event.preventDefault();
      presenter.terminate();
      // Before it had the canvas, the canvas shows the drawings itself; after, the canvas is gone.
      if (this.starting === presenter) this.showOnCanvasFromNowOn();
      else if (this.presenter === presenter)
        this.fail(new Error('The board could not be shown: its presenter stopped'));
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

  /** Whether the presenter shows the drawings (false: the canvas does, moved by a CSS transform). */
  get presented(): boolean {
    return this.presenter !== null;
  }

  /** The live view, shown at once with the last drawing, and drawn anew if that does not cover it. */
  setView(view: PaintView): void {
    const before = this.wanted;
    this.wanted = view;
    // A zoom: the scale differs from the drawing on its way, or else the one shown.
    const drawnScale = (this.inFlight ?? this.shown)?.view.viewport.scale;
    if (drawnScale !== undefined && view.viewport.scale !== drawnScale) this.drawOnceZoomPauses();
    else this.drawIfBehind();
    if (this.presenter) {
      // While a zoom waits for its drawing, the drawing's arrival says the view is on screen: a
      // word from the presenter at every zoom step would be one more task for this thread.
      this.sendView(this.zoomWait === null);
      if (before?.size !== view.size) this.sizeCanvas(view);
    } else this.place();
  }

  private sendView(echo: boolean): void {
    if (!this.wanted || !this.presenter) return;
    this.presenter.postMessage({
      kind: 'view',
      view: this.wanted,
      seq: ++this.viewsSent,
      echo,
    } satisfies PresenterRequest);
    if (echo) this.echoAsked = this.viewsSent;
  }

  /**
   * The newest view went without an echo, and no drawing is coming to say it is on screen (the
   * zoom ended where the last drawing covers it, or the drawing beat the view to the presenter):
   * the presenter is asked to say so.
   */
  private askWhetherPlaced(): void {
    if (
      this.viewPlaced !== this.viewsSent &&
      this.echoAsked !== this.viewsSent &&
      this.zoomWait === null &&
      this.inFlight === null
    )
      this.sendView(true);
  }

  /**
   * The screen shows the newest scene, everything the newest view shows, every text in full: with
   * a presenter, once it has put the newest view on screen.
   */
  get current(): boolean {
    return this.drawnForView && (this.presenter === null || this.viewPlaced === this.viewsSent);
  }

  /** The last drawing is of the newest scene and covers the newest view, every text in full: nothing to draw. */
  private get drawnForView(): boolean {
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

  /** Draws the zoom once it pauses, or now if it has waited ZOOM_STALE_MS already. */
  private drawOnceZoomPauses(): void {
    const now = performance.now();
    const since = this.zoomWait?.since ?? now;
    if (this.zoomWait) clearTimeout(this.zoomWait.timer);
    this.zoomWait = null;
    if (now - since >= ZOOM_STALE_MS) {
      this.drawIfBehind();
      return;
    }
    const timer = setTimeout(() => {
      this.zoomWait = null;
      this.drawIfBehind();
      this.askWhetherPlaced();
    }, ZOOM_SETTLE_MS);
    this.zoomWait = { timer, since };
  }

  /** The board is gone, and its paper with it: the painter's worker stays for the next board, and what it still sends is dropped. */
  dispose(): void {
    const { worker } = this;
    this.inFlight = null;
    this.wanted = null;
    if (this.zoomWait) clearTimeout(this.zoomWait.timer);
    this.zoomWait = null;
    this.starting?.terminate();
    this.presenter?.terminate();
    this.starting = null;
    this.presenter = null;
    this.canvas.remove();
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

  /** Draws can start once it is known what shows them: the presenter, or the canvas itself. */
  private get showable(): boolean {
    return this.presenter !== null || this.context !== null;
  }

  private drawIfBehind(): void {
    if (
      this.inFlight ||
      this.zoomWait ||
      !this.showable ||
      !this.wanted ||
      !this.grid ||
      !this.notes ||
      this.drawnForView
    )
      return;
    const draw = { id: ++lastDraw, view: overscanned(this.wanted) };
    this.inFlight = draw;
    if (this.worker) this.worker.postMessage({ kind: 'draw', ...draw } satisfies PainterRequest);
    // A task of its own, as a worker's answer would be: changes made meanwhile are drawn together.
    else setTimeout(() => void this.drawHere(draw.id), 0);
  }

  /** The presenter runs: it gets the canvas, and the painter's worker sends it the drawings. */
  private handOver(presenter: Worker): void {
    if (this.starting !== presenter) return;
    this.starting = null;
    this.presenter = presenter;
    const channel = new MessageChannel();
    const offscreen = this.canvas.transferControlToOffscreen();
    presenter.postMessage(
      {
        kind: 'canvas',
        canvas: offscreen,
        drawings: channel.port2,
        firstDraw: lastDraw + 1,
      } satisfies PresenterRequest,
      [offscreen, channel.port2],
    );
    this.worker?.postMessage({ kind: 'present-to', port: channel.port1 } satisfies PainterRequest, [
      channel.port1,
    ]);
    if (this.wanted) {
      this.sendView(true);
      this.sizeCanvas(this.wanted);
    }
    this.drawIfBehind();
  }

  /** No presenter: the canvas takes each drawing over itself, on this thread. */
  private showOnCanvasFromNowOn(): void {
    this.starting = null;
    const context = this.canvas.getContext('bitmaprenderer');
    if (!context) {
      this.fail(new Error('This browser cannot show a drawing made off the window’s thread'));
      return;
    }
    this.context = context;
    this.worker?.postMessage({ kind: 'present-to', port: null } satisfies PainterRequest);
    this.drawIfBehind();
  }

  /** The presenter's canvas is the board's size; it shows the live view itself, so it is never moved. */
  private sizeCanvas(view: PaintView): void {
    this.canvas.style.width = `${view.size.width}px`;
    this.canvas.style.height = `${view.size.height}px`;
    this.canvas.style.transform = '';
  }

  /** Without a presenter: the canvas's drawing moved by a CSS transform to where the live view has it. */
  private place(): void {
    const { shown, wanted } = this;
    this.canvas.style.transform =
      (shown && wanted && catchUpTransform(shown.view.viewport, wanted.viewport)) || '';
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

  private async drawHere(id: number): Promise<void> {
    const draw = this.inFlight;
    if (!this.here || draw?.id !== id) return;
    const version = this.version;
    try {
      const { bitmap, deferred } = await paintToBitmap(this.here, this.grid, this.notes, draw.view);
      // The board was disposed, or the draw given up, while the copy was made.
      if (this.inFlight?.id !== id) {
        bitmap.close();
        return;
      }
      const drawn: Drawn = { kind: 'drawn', id, bitmap, view: draw.view, version, deferred };
      if (this.presenter) this.presenter.postMessage(drawn satisfies PresenterRequest, [bitmap]);
      else this.showOnCanvas(drawn);
    } catch (error) {
      this.fail(
        new Error(`The board could not be drawn: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }

  /** Without a presenter: the drawing goes on the canvas, taken over without a copy. */
  private showOnCanvas(drawn: Drawn): void {
    const arrivedAt = performance.now();
    const { bitmap, view } = drawn;
    if (!this.context) {
      bitmap.close();
      return;
    }
    // Resizing a canvas blanks it: done only when the size changed, just before it is filled.
    if (this.canvas.width !== bitmap.width) this.canvas.width = bitmap.width;
    if (this.canvas.height !== bitmap.height) this.canvas.height = bitmap.height;
    this.canvas.style.width = `${view.size.width}px`;
    this.canvas.style.height = `${view.size.height}px`;
    this.context.transferFromImageBitmap(bitmap);
    this.accept(drawn, arrivedAt);
  }

  /** A drawing is on screen: the board's bookkeeping, then the listener. */
  private accept(drawn: Omit<Drawn, 'kind' | 'bitmap'>, arrivedAt: number): void {
    this.shown = { view: drawn.view, version: drawn.version, deferred: drawn.deferred };
    this.inFlight = null;
    if (!this.presenter) this.place();
    const hidden = this.hiddenAt.get(drawn.version) ?? NONE_HIDDEN;
    for (const version of this.hiddenAt.keys()) if (version < drawn.version) this.hiddenAt.delete(version);
    this.listener.painted(drawn.view, hidden, arrivedAt);
    this.drawIfBehind();
  }

  private fail(error: Error): void {
    this.inFlight = null;
    this.listener.failed(error);
  }
}
