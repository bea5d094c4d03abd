import type { Cell, GridLayout } from '../../../shared/journey/layout.ts';
import type { ConnectedType, ScenarioRecord } from '../../../shared/model/journey-records.ts';
import type { NoteRecord } from '../../../shared/model/records.ts';
import { drawGrid } from '../../drawing/grid.ts';
import { drawNote, noteDetail, noteTextBox } from '../../drawing/note.ts';
import { textLayouts } from '../../drawing/text-layout.ts';
import { BOARD_TEXT } from '../../drawing/text-sizing.ts';
import type { Viewport } from '../../store/session-slice.ts';
import { uncoveredNotes } from '../covered-notes.ts';
import { intersects, type Size, visibleRect } from '../viewport.ts';
import { isOpenFor, type VoteMarks } from '../vote-marks.ts';

/**
 * Milliseconds a draw may spend on notes before it stops laying out new text: the notes left are
 * sketched for one draw and drawn in full by a later one, so zooming in on a large map never holds
 * a draw for hundreds of texts at once (the warm-up lays out most beforehand).
 */
const LAYOUT_BUDGET_MS = 8;

/** The journey grid under the notes, as drawGrid takes it (its layout without the notes). */
export interface GridScene {
  readonly layout: GridLayout;
  readonly showCategories: boolean;
  readonly connectedType: ConnectedType | null;
  readonly scenario: ScenarioRecord | null;
  readonly lowEmotion: number;
  readonly selectedHeader: string | null;
  readonly selectedCell: Cell | null;
}

/** Notes to draw, bottom to top, with what they show of a vote. */
export interface NotesScene {
  readonly notes: readonly NoteRecord[];
  /** Notes left out: the selection (drawn on the layer over the paper), the one being edited (drawn by its editor). */
  readonly hidden: ReadonlySet<string>;
  readonly marks: VoteMarks;
}

/**
 * Draws the notes that `viewport` shows on a canvas of `size` CSS pixels, on a context already
 * transformed to the board. Culls notes out of view or under another, and picks each one's detail
 * from its size on screen. True when some texts were sketched to keep within `layoutBudgetMs`:
 * draw again to show them in full.
 */
export const drawNotesInView = (
  ctx: CanvasRenderingContext2D,
  scene: NotesScene,
  viewport: Viewport,
  size: Size,
  layoutBudgetMs = LAYOUT_BUDGET_MS,
): boolean => {
  const visible = visibleRect(viewport, size);
  const inView = scene.notes.filter((note) => !scene.hidden.has(note.id) && intersects(note, visible));
  // Started just before the first note, which so always comes within the budget: each draw lays
  // out at least one text, however slow the machine.
  const started = performance.now();
  let deferred = false;
  for (const note of uncoveredNotes(inView, viewport.scale)) {
    let detail = noteDetail(note.h * viewport.scale);
    if (
      detail === 'full' &&
      performance.now() - started > layoutBudgetMs &&
      !textLayouts.hasNote(noteTextBox(note))
    ) {
      detail = 'sketch';
      deferred = true;
    }
    const count = scene.marks.dots.get(note.id) ?? 0;
    drawNote(ctx, note, detail, BOARD_TEXT, count, count === 0 && isOpenFor(scene.marks, note));
  }
  return deferred;
};

/** Where and how large the board is drawn: its viewport, its size in CSS pixels, and the screen's pixel ratio. */
export interface PaintView {
  readonly viewport: Viewport;
  readonly size: Size;
  readonly pixelRatio: number;
}

/**
 * The board under the selection (the grid, then every note not selected) on a blank canvas of
 * the view's size times its pixel ratio. True when some texts were sketched (drawNotesInView).
 */
export const paintBoard = (
  ctx: CanvasRenderingContext2D,
  grid: GridScene,
  notes: NotesScene,
  view: PaintView,
  layoutBudgetMs = LAYOUT_BUDGET_MS,
): boolean => {
  const { viewport, pixelRatio } = view;
  ctx.setTransform(
    pixelRatio * viewport.scale,
    0,
    0,
    pixelRatio * viewport.scale,
    pixelRatio * viewport.x,
    pixelRatio * viewport.y,
  );
  drawGrid(ctx, { ...grid, pixel: 1 / viewport.scale });
  return drawNotesInView(ctx, notes, viewport, view.size, layoutBudgetMs);
};

/**
 * Paints the board (paintBoard, or a blank before the scene is there) into `canvas`, sized to the
 * view, and hands the drawing over as a copy: the canvas keeps its pixels, and is cleared for the
 * next drawing. Not transferToImageBitmap, which leaves the canvas without pixels: its next
 * drawing then waits for a new full-size backing, which a software canvas page-faults in, and a
 * 2432×1592 drawing paid about 50 ms of its worker for it on each redraw, against about 3 ms for
 * the copy.
 */
export const paintToBitmap = async (
  canvas: OffscreenCanvas,
  grid: GridScene | null,
  notes: NotesScene | null,
  view: PaintView,
  layoutBudgetMs = LAYOUT_BUDGET_MS,
): Promise<{ readonly bitmap: ImageBitmap; readonly deferred: boolean }> => {
  const width = Math.max(1, Math.round(view.size.width * view.pixelRatio));
  const height = Math.max(1, Math.round(view.size.height * view.pixelRatio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  // The same drawing calls as a window's canvas: the drawing code is written against that type.
  const context = canvas.getContext('2d') as unknown as CanvasRenderingContext2D | null;
  if (!context) throw new Error('This browser cannot draw on an OffscreenCanvas');
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  const deferred = grid && notes ? paintBoard(context, grid, notes, view, layoutBudgetMs) : false;
  return { bitmap: await createImageBitmap(canvas), deferred };
};
