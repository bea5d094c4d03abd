import { afterEach, describe, expect, it } from 'vitest';
import { noteRecord } from '../../../shared/model/edits.ts';
import { NOTE_PALETTE } from '../../../shared/model/palette.ts';
import type { NoteColor } from '../../../shared/model/records.ts';
import { BoardPainter, OVERSCAN_PX } from './board-painter.ts';
import type { GridScene, NotesScene, PaintView } from './paint-board.ts';
import type { PainterRequest } from './painter-messages.ts';

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

const hex = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));

/**
 * A CSS pixel of the view at x 0 on a bitmaprenderer canvas (drawn OVERSCAN_PX beyond the view's
 * edges), read by copying it onto a 2D canvas.
 */
const pixelOf = (canvas: HTMLCanvasElement, x: number, y: number): number[] => {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d');
  context?.drawImage(canvas, 0, 0);
  return [...(context?.getImageData(x + OVERSCAN_PX, y + OVERSCAN_PX, 1, 1).data ?? [])];
};

const painters: BoardPainter[] = [];

/** A painter on a canvas of its own, with what it reports; on the shared worker unless given another. */
const start = (startWorker?: () => Worker) => {
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const painted: PaintView[] = [];
  const failures: Error[] = [];
  const painter = new BoardPainter(
    canvas,
    { painted: (drawn) => painted.push(drawn), failed: (error) => failures.push(error) },
    startWorker,
  );
  painters.push(painter);
  return { canvas, painter, painted, failures };
};

afterEach(() => {
  for (const painter of painters.splice(0)) painter.dispose();
  for (const canvas of document.querySelectorAll('canvas')) canvas.remove();
});

describe('the board painter', () => {
  it('draws the scene at the view, off the window’s thread, and says when it is current', async () => {
    const { canvas, painter, painted } = start();
    painter.setView(view(0));
    // Nothing is drawn before the scene is there: no blank drawing is ever put up.
    expect(painter.current).toBe(false);
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'blue')));
    await expect.poll(() => painter.current).toBe(true);
    expect(painted).toHaveLength(1);
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
    expect(painter.current).toBe(true);
    painter.setView(view(OVERSCAN_PX + 1));
    expect(painter.current).toBe(false);
    await expect.poll(() => painter.current).toBe(true);
    expect(painted).toHaveLength(2);
  });

  it('during a fast gesture keeps one draw in flight and draws the newest view next, skipping those between', async () => {
    const { canvas, painter, painted } = start();
    painter.setGrid(EMPTY_GRID);
    painter.setNotes(notesScene(noteAt(100, 'green')));
    for (let x = 0; x <= 6000; x += 600) painter.setView(view(x));
    await expect.poll(() => painter.current).toBe(true);
    // The first view asked for, then the last: the 9 views in between were never drawn.
    expect(painted.map((drawn) => drawn.viewport.x - OVERSCAN_PX)).toEqual([0, 6000]);
    expect(painter.shownViewport).toEqual({ x: 6000 + OVERSCAN_PX, y: OVERSCAN_PX, scale: 1 });
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
    ['cannot load its worker', () => new Worker('/no-such-board-painter.worker.js', { type: 'module' })],
    [
      'may not make a worker at all',
      (): Worker => {
        throw new DOMException('Workers are forbidden here', 'SecurityError');
      },
    ],
  ])(
    'where it %s, draws the board on the window’s thread instead, with nothing missing',
    async (_, startWorker) => {
      const { canvas, painter, failures } = start(startWorker);
      painter.setGrid(EMPTY_GRID);
      painter.setNotes(notesScene(noteAt(100, 'blue')));
      painter.setView(view(0));
      await expect.poll(() => painter.current).toBe(true);
      expect(painter.drawingHere).toBe(true);
      expect(failures).toEqual([]);
      expect(pixelOf(canvas, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
      // Later changes are drawn here too.
      painter.setNotes(notesScene(noteAt(100, 'pink')));
      await expect.poll(() => painter.current).toBe(true);
      expect(pixelOf(canvas, 110, 100).slice(0, 3)).toEqual(hex(NOTE_PALETTE.pink.fill));
    },
  );

  it('sends the worker only the notes that changed, and asks for no redraw when only hidden notes did', async () => {
    const sent: PainterRequest[] = [];
    const { canvas, painter } = start(() => {
      const worker = new Worker(new URL('./board-painter.worker.ts', import.meta.url), { type: 'module' });
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (message: PainterRequest) => {
        sent.push(message);
        post(message);
      };
      return worker;
    });
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
    expect(pixelOf(canvas, 10, 250).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
    // The same notes again (a new array, as after an unrelated edit): nothing is sent.
    const count = notesSent().length;
    painter.setNotes(notesScene(...moved));
    expect(notesSent()).toHaveLength(count);
  });
});
