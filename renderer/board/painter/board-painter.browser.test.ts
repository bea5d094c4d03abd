import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteRecord } from '../../../shared/model/edits.ts';
import { NOTE_PALETTE } from '../../../shared/model/palette.ts';
import type { NoteColor } from '../../../shared/model/records.ts';
import {
  BoardPainter,
  OVERSCAN_PX,
  type PainterWorkers,
  startPainterWorker,
  ZOOM_SETTLE_MS,
} from './board-painter.ts';
import { type GridScene, type NotesScene, type PaintView, paintToBitmap } from './paint-board.ts';
import type { PainterRequest, PresenterReply, PresenterRequest } from './painter-messages.ts';

const EMPTY_GRID: GridScene = {
  layout: { stages: [], lanes: [], width: 0, height: 0, notes: [] },
  showCategories: false,
  connectedType: null,
  scenario: null,
  lowEmotion: -1,
  selectedHeader: null,
  selectedCell: null,
};

const noteAt = (x: number, color: NoteColor) =>
  noteRecord({ id: 'm', records: {} }, { x, y: 20, text: '', color, scenarioId: 's' }, `${color}-${x}`, 0, 1);

const NO_MARKS = { dots: new Map<string, number>(), open: null };

const notesScene = (...notes: ReturnType<typeof noteAt>[]): NotesScene => ({
  notes,
  hidden: new Set(),
  marks: NO_MARKS,
});

const view = (x: number): PaintView => ({
  viewport: { x, y: 0, scale: 1 },
  size: { width: 400, height: 300 },
  pixelRatio: 1,
});

const zoomed = (scale: number): PaintView => ({ ...view(0), viewport: { x: 0, y: 0, scale } });

/** The shared painter worker, with every request the board sends it recorded. */
const recordedWorker = (sent: PainterRequest[]) => () => {
  const worker = new Worker(new URL('./board-painter.worker.ts', import.meta.url), { type: 'module' });
  const post = worker.postMessage.bind(worker);
  // The painter sends only transfer lists: the wrapper passes them on.
  worker.postMessage = ((message: PainterRequest, transfer: Transferable[] = []) => {
    sent.push(message);
    post(message, transfer);
  }) as Worker['postMessage'];
  return worker;
};

/** A presenter worker, with every word it sends the board recorded. */
const heardPresenter = (replies: PresenterReply[]) => () => {
  const worker = new Worker(new URL('./board-presenter.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<PresenterReply>) => replies.push(event.data));
  return worker;
};

/** A presenter that gets each view sent without an echo 2 s late: after the drawing made for it. */
const lateViewsPresenter = (replies: PresenterReply[]) => () => {
  const worker = heardPresenter(replies)();
  const post = worker.postMessage.bind(worker);
  worker.postMessage = ((message: PresenterRequest, transfer: Transferable[] = []) => {
    if (message.kind === 'view' && !message.echo) setTimeout(() => post(message, transfer), 2000);
    else post(message, transfer);
  }) as Worker['postMessage'];
  return worker;
};

/** `count` animation frames of the window (not a timer: tests fake those). */
const frames = async (count: number) => {
  for (let frame = 0; frame < count; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

const hex = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));

/**
 * The colour of a CSS pixel of the view on the painter's canvas, wherever the canvas is and
 * however it is moved (by its presenter, or by a CSS transform where it shows drawings itself),
 * read by copying the canvas onto a 2D one.
 */
const pixelOf = (canvas: HTMLCanvasElement, x: number, y: number): number[] => {
  const box = canvas.getBoundingClientRect();
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d');
  context?.drawImage(canvas, 0, 0);
  const ratio = canvas.width / box.width;
  return [
    ...(context?.getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1)
      .data ?? []),
  ];
};

const painters: BoardPainter[] = [];

/** A painter in a board-sized host of its own at the page's top left, with what it reports. */
const start = (workers?: PainterWorkers) => {
  const host = document.createElement('div');
  host.style.cssText = 'position: fixed; left: 0; top: 0; width: 400px; height: 300px; overflow: hidden';
  document.body.append(host);
  const painted: PaintView[] = [];
  const failures: Error[] = [];
  const painter = new BoardPainter(
    host,
    {
      painted: (drawn) => painted.push(drawn),
      placed: () => undefined,
      failed: (error) => failures.push(error),
    },
    workers,
  );
  painters.push(painter);
  const canvas = host.querySelector('canvas');
  if (!canvas) throw new Error('The painter made no canvas');
  return { host, canvas, painter, painted, failures };
};

/** Until the canvas shows what the painter last said it shows: the presenter commits on its next frame. */
const onScreen = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))));

afterEach(() => {
  for (const painter of painters.splice(0)) painter.dispose();
  document.body.replaceChildren();
});

describe('the board painter', () => {
  // First in this file: no board has started the shared painter worker yet.
  it('draws with the worker started as the map began to open, and starts no other', async () => {
    const painterWorkers: string[] = [];
    const PageWorker = globalThis.Worker;
    globalThis.Worker = class extends PageWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (String(url).includes('board-painter.worker')) painterWorkers.push(String(url));
      }
    };
    try {
      startPainterWorker();
      expect(painterWorkers).toHaveLength(1);
      const { painter } = start();
      painter.setView(view(0));
      painter.setGrid(EMPTY_GRID);
      painter.setNotes(notesScene(noteAt(100, 'blue')));
      await expect.poll(() => painter.current).toBe(true);
      expect(painterWorkers).toHaveLength(1);
    } finally {
      globalThis.Worker = PageWorker;
    }
  });

  it('draws the scene at the view, off the window’s thread, and says when it is current', async () => {
    const { canvas, painter, painted } = start();
    painter.setView(view(0));
    // Nothing is drawn before the scene is there: no blank drawing is ever put up.
    expect(painter.current).toBe(false);
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'blue')));
    await expect.poll(() => painter.current).toBe(true);
    expect(painted).toHaveLength(1);
    // Shown by the presenter, which owns the canvas: this thread never put the drawing up.
    expect(painter.presented).toBe(true);
    await onScreen();
    expect(pixelOf(canvas, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
    expect(pixelOf(canvas, 50, 100)[3]).toBe(0);
  });

  it('draws beyond the view’s edges, so a short pan needs no new drawing', async () => {
    const { painter, painted } = start();
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'green')));
    painter.setView(view(0));
    await expect.poll(() => painter.current).toBe(true);
    painter.setView(view(OVERSCAN_PX));
    painter.setView(view(-OVERSCAN_PX));
    // Current once the presenter has put the view on screen, with no new drawing.
    await expect.poll(() => painter.current).toBe(true);
    expect(painted).toHaveLength(1);
    painter.setView(view(OVERSCAN_PX + 1));
    expect(painter.current).toBe(false);
    await expect.poll(() => painter.current).toBe(true);
    expect(painted).toHaveLength(2);
  });

  it('shows a pan within the drawn margin at once, moving the last drawing on its canvas', async () => {
    const { canvas, painter, painted } = start();
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'green')));
    painter.setView(view(0));
    await expect.poll(() => painter.current).toBe(true);
    painter.setView(view(200));
    // Not current until the presenter says the moved drawing is on screen.
    expect(painter.current).toBe(false);
    await expect.poll(() => painter.current).toBe(true);
    await onScreen();
    // The note (board x 100-280) is now at 300-480 in the view: moved on the canvas, not by CSS.
    expect(painted).toHaveLength(1);
    expect(canvas.style.transform).toBe('');
    expect(pixelOf(canvas, 310, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.green.fill));
    expect(pixelOf(canvas, 290, 100)[3]).toBe(0);
  });

  it('during a fast gesture keeps one draw in flight and draws the newest view next, skipping those between', async () => {
    const { canvas, painter, painted } = start();
    // Draws start once the presenter runs and has the canvas.
    await expect.poll(() => painter.presented).toBe(true);
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'green')));
    for (let x = 0; x <= 6000; x += 600) painter.setView(view(x));
    await expect.poll(() => painter.current).toBe(true);
    // The first view asked for, then the last: the 9 views in between were never drawn.
    expect(painted.map((drawn) => drawn.viewport.x - OVERSCAN_PX)).toEqual([0, 6000]);
    expect(painted.at(-1)?.viewport).toEqual({ x: 6000 + OVERSCAN_PX, y: OVERSCAN_PX, scale: 1 });
    await onScreen();
    // The note (board x 100) is 6,000 px left of this view's edge: the canvas is blank there.
    expect(pixelOf(canvas, 110, 100)[3]).toBe(0);
  });

  it('a board that replaces another on the same worker shows only its own scene', async () => {
    const first = start();
    first.painter.setGrid(EMPTY_GRID);
    first.painter.setNotes(notesScene(noteAt(100, 'pink')));
    first.painter.setView(view(0));
    // Gone with its draw still in flight, as when present mode takes over the screen.
    first.painter.dispose();
    const second = start();
    second.painter.setGrid(EMPTY_GRID);
    second.painter.setNotes(notesScene(noteAt(100, 'yellow')));
    second.painter.setView(view(0));
    await expect.poll(() => second.painter.current).toBe(true);
    expect(first.painted).toHaveLength(0);
    await onScreen();
    expect(pixelOf(second.canvas, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.yellow.fill));
  });

  it('reports a scene it cannot draw instead of showing a broken board', async () => {
    const { painter, failures } = start();
    painter.setGrid({ ...EMPTY_GRID, layout: null } as unknown as GridScene);
    painter.setNotes(notesScene(noteAt(100, 'blue')));
    painter.setView(view(0));
    await expect.poll(() => failures.length).toBe(1);
    expect(failures[0]?.message).toMatch(/^The board could not be drawn: /);
    expect(painter.current).toBe(false);
  });

  it.each([
    ['cannot load its workers', () => new Worker('/no-such-board.worker.js', { type: 'module' })],
    [
      'may not make a worker at all',
      (): Worker => {
        throw new DOMException('Workers are forbidden here', 'SecurityError');
      },
    ],
  ])(
    'where it %s, draws the board on the window’s thread and shows it on its canvas, with nothing missing',
    async (_, startWorker) => {
      const { canvas, painter, failures } = start({ painter: startWorker, presenter: startWorker });
      painter.setGrid(EMPTY_GRID);
      painter.setNotes(notesScene(noteAt(100, 'blue')));
      painter.setView(view(0));
      await expect.poll(() => painter.current).toBe(true);
      expect(painter.drawingHere).toBe(true);
      expect(painter.presented).toBe(false);
      expect(failures).toEqual([]);
      expect(pixelOf(canvas, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
      // Later changes are drawn here too, and a pan moves the canvas by a CSS transform.
      painter.setNotes(notesScene(noteAt(100, 'pink')));
      painter.setView(view(50));
      await expect.poll(() => painter.current).toBe(true);
      // Drawn at the first view (the pan stayed within the margin), moved 50 px by CSS.
      expect(canvas.style.transform).toBe('translate(-206px, -256px) scale(1)');
      expect(pixelOf(canvas, 160, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.pink.fill));
      expect(pixelOf(canvas, 140, 100)[3]).toBe(0);
    },
  );

  it('where only the painter’s worker cannot start, the presenter shows what this thread draws', async () => {
    const { canvas, painter } = start({ painter: () => new Worker('/no-such-board-painter.worker.js') });
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'blue')));
    painter.setView(view(0));
    await expect.poll(() => painter.current).toBe(true);
    expect(painter.drawingHere).toBe(true);
    expect(painter.presented).toBe(true);
    await onScreen();
    expect(pixelOf(canvas, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
  });

  it('where only the presenter cannot start, the canvas shows the worker’s drawings itself', async () => {
    const { canvas, painter } = start({ presenter: () => new Worker('/no-such-board-presenter.worker.js') });
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'blue')));
    painter.setView(view(0));
    await expect.poll(() => painter.current).toBe(true);
    expect(painter.drawingHere).toBe(false);
    expect(painter.presented).toBe(false);
    expect(pixelOf(canvas, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
  });

  it('takes its canvas away with it: a new board gets a fresh one', () => {
    const { host, painter } = start();
    expect(host.querySelectorAll('canvas.board-paper')).toHaveLength(1);
    painter.dispose();
    expect(host.querySelectorAll('canvas')).toHaveLength(0);
  });

  it('draws a zoom once it pauses, showing the last drawing scaled meanwhile, and at least every 250 ms during a long one', async () => {
    const sent: PainterRequest[] = [];
    const { painter, painted } = start({ painter: recordedWorker(sent) });
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'green')));
    painter.setView(zoomed(1));
    await expect.poll(() => painter.current).toBe(true);
    const draws = () => sent.filter((message) => message.kind === 'draw').length;

    // Three quick steps: nothing is drawn until the zoom pauses, then the last scale once.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    for (const scale of [1.1, 1.2, 1.3]) {
      painter.setView(zoomed(scale));
      vi.advanceTimersByTime(ZOOM_SETTLE_MS / 2);
    }
    expect(draws()).toBe(1);
    expect(painter.current).toBe(false);
    vi.advanceTimersByTime(ZOOM_SETTLE_MS);
    expect(draws()).toBe(2);
    vi.useRealTimers();
    await expect.poll(() => painter.current).toBe(true);
    expect(painted.at(-1)?.viewport.scale).toBe(1.3);

    // A zoom that never pauses is still drawn every 250 ms.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    for (let step = 1; step <= 12; step++) {
      painter.setView(zoomed(1.3 + step / 100));
      vi.advanceTimersByTime(ZOOM_SETTLE_MS / 2);
    }
    vi.useRealTimers();
    // 12 steps 30 ms apart: 360 ms, one draw at 250 ms.
    expect(draws()).toBe(3);
  });

  it('after a drawing that sketched texts to keep its budget, lays out every text before the next', async () => {
    // Texts never laid out before (the worker keeps its layouts across tests), far more than one
    // draw's budget: 288 notes legible at half size, each with a sentence of its own.
    const sentence = 'The customer cannot tell which cartridge fits the printer in the office';
    const notes = Array.from({ length: 16 * 18 }, (_, i) =>
      noteRecord(
        { id: 'm', records: {} },
        {
          x: (i % 16) * 220,
          y: Math.floor(i / 16) * 160,
          text: `${i} ${sentence} ${i}`,
          color: 'yellow',
          scenarioId: 's',
        },
        `sketched-${i}`,
        0,
        i,
      ),
    );
    const { painter, painted } = start();
    painter.setGrid(EMPTY_GRID);
    painter.setNotes({ notes, hidden: new Set(), marks: NO_MARKS });
    painter.setView({
      viewport: { x: 0, y: 0, scale: 0.5 },
      size: { width: 1200, height: 900 },
      pixelRatio: 1,
    });
    await expect.poll(() => painter.current, { timeout: 10_000 }).toBe(true);
    // The sketch, then every text in full: not one full-size raster per budget's worth of texts
    // (32 drawings, when each laid out only a budget's worth).
    expect(painted).toHaveLength(2);
  });

  it('hears nothing from the presenter while a zoom waits for its drawing, and is current once the zoom is shown', async () => {
    const sent: PainterRequest[] = [];
    const replies: PresenterReply[] = [];
    const { painter } = start({ painter: recordedWorker(sent), presenter: heardPresenter(replies) });
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'green')));
    painter.setView(zoomed(1));
    await expect.poll(() => painter.current).toBe(true);
    const draws = () => sent.filter((message) => message.kind === 'draw').length;
    const placed = () => replies.filter((reply) => reply.kind === 'placed');
    const drawsBefore = draws();
    replies.length = 0;

    // Three zoom steps, each put on screen by the presenter, none answered: one task less a step.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    for (const scale of [1.1, 1.2, 1.3]) {
      painter.setView(zoomed(scale));
      await frames(3);
    }
    expect(placed()).toEqual([]);
    // The zoom pauses: its drawing's arrival is the one word, and says the view is on screen.
    vi.advanceTimersByTime(ZOOM_SETTLE_MS);
    vi.useRealTimers();
    await expect.poll(() => painter.current).toBe(true);
    expect(placed()).toHaveLength(1);
    expect(placed()[0]).toMatchObject({ drawn: { view: { viewport: { scale: 1.3 } } } });

    // A zoom that ends at the scale drawn: no drawing comes, so the presenter is asked for its word.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    painter.setView(zoomed(1.4));
    painter.setView(zoomed(1.3));
    vi.advanceTimersByTime(ZOOM_SETTLE_MS);
    vi.useRealTimers();
    await expect.poll(() => painter.current).toBe(true);
    expect(draws()).toBe(drawsBefore + 1);
  });

  it('asks the presenter for its word when a zoom’s drawing reached it before the view it was drawn for', async () => {
    const replies: PresenterReply[] = [];
    const { painter } = start({ presenter: lateViewsPresenter(replies) });
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'green')));
    painter.setView(zoomed(1));
    await expect.poll(() => painter.current).toBe(true);
    // The zoom's view, sent without an echo, reaches the presenter after the drawing made for it.
    painter.setView(zoomed(1.3));
    await expect.poll(() => painter.current).toBe(true);
    const [drawn, asked] = replies.filter((reply) => reply.kind === 'placed').slice(-2);
    expect(drawn).toMatchObject({ drawn: { view: { viewport: { scale: 1.3 } } } });
    expect(asked).toMatchObject({ drawn: null });
  });

  it('sends the worker only the notes that changed, and asks for no redraw when only hidden notes did', async () => {
    const sent: PainterRequest[] = [];
    const { canvas, painter } = start({ painter: recordedWorker(sent) });
    const notes = Array.from({ length: 50 }, (_, index) => noteAt(index * 10, 'yellow'));
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(...notes));
    painter.setView(view(0));
    await expect.poll(() => painter.current).toBe(true);
    const notesSent = () => sent.filter((message) => message.kind === 'notes');
    expect(notesSent()[0]).toMatchObject({ changed: notes, order: notes.map((note) => note.id) });

    // The first note selected: hidden on the paper, a redraw of a few ids, no notes sent.
    const selected = new Set([notes[0]?.id ?? '']);
    painter.setNotes({ ...notesScene(...notes), hidden: selected });
    expect(notesSent()[1]).toMatchObject({ changed: [], order: null, hidden: selected });
    await expect.poll(() => painter.current).toBe(true);

    // The selected note moved: the worker gets that note, and nothing is redrawn.
    const moved = [{ ...notes[0], y: 160, color: 'blue' } as (typeof notes)[number], ...notes.slice(1)];
    painter.setNotes({ ...notesScene(...moved), hidden: selected });
    expect(notesSent()[2]).toMatchObject({ changed: [moved[0]], order: null, version: null });
    expect(painter.current).toBe(true);

    // Deselected: drawn where it went.
    painter.setNotes(notesScene(...moved));
    await expect.poll(() => painter.current).toBe(true);
    await onScreen();
    expect(pixelOf(canvas, 10, 250).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
    // The same notes again (a new array, as after an unrelated edit): nothing is sent.
    const count = notesSent().length;
    painter.setNotes(notesScene(...moved));
    expect(notesSent()).toHaveLength(count);
  });
});

/** The RGBA of one pixel of a bitmap or an OffscreenCanvas, read through a 2D canvas. */
const pixelAt = (source: ImageBitmap | OffscreenCanvas, x: number, y: number): number[] => {
  const reader = new OffscreenCanvas(source.width, source.height).getContext('2d');
  if (!reader) throw new Error('No 2D context');
  reader.drawImage(source, 0, 0);
  return [...reader.getImageData(x, y, 1, 1).data];
};

describe('a drawing of the board', () => {
  it('is handed over as a copy, and the canvas keeps its pixels for the next drawing', async () => {
    const canvas = new OffscreenCanvas(1, 1);
    const { bitmap } = await paintToBitmap(canvas, EMPTY_GRID, notesScene(noteAt(100, 'yellow')), view(0));
    expect(pixelAt(bitmap, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.yellow.fill));
    // A canvas handed over by transfer would be blank here, and need new pixels for its next drawing.
    expect(pixelAt(canvas, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.yellow.fill));
    bitmap.close();
  });

  it('starts on a cleared canvas: nothing of the last drawing shows', async () => {
    const canvas = new OffscreenCanvas(1, 1);
    (await paintToBitmap(canvas, EMPTY_GRID, notesScene(noteAt(100, 'yellow')), view(0))).bitmap.close();
    const { bitmap } = await paintToBitmap(canvas, EMPTY_GRID, notesScene(), view(0));
    expect(pixelAt(bitmap, 110, 100)).toEqual([0, 0, 0, 0]);
    bitmap.close();
  });
});
