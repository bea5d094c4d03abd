/**
 * Draws the board under the selection off the window's thread (see board-painter.ts): the grid
 * and every note but the selection, into an OffscreenCanvas handed as an ImageBitmap to the
 * board's presenter (or, where there is none, back to the window). A redraw of a full-window
 * canvas (the raster of thousands of notes, the text of hundreds) then costs the window's thread
 * nothing, so pans and zooms keep their frames however large the map.
 */
import type { NoteRecord } from '../../../shared/model/records.ts';
import { textLayouts } from '../../drawing/text-layout.ts';
import { type TextWarmer, warmTextLayouts } from '../../drawing/warm-text-layouts.ts';
import { loadShippedFaces } from '../../drawing/worker-fonts.ts';
import { visibleRect } from '../viewport.ts';
import { type GridScene, type NotesScene, type PaintView, paintToBitmap } from './paint-board.ts';
import type { Drawn, PainterReply, PainterRequest } from './painter-messages.ts';

let grid: GridScene | null = null;
let notes: NotesScene | null = null;
/** The notes as the window last sent them, by id, and their order bottom to top. */
const notesById = new Map<string, NoteRecord>();
let order: readonly string[] = [];
let version = 0;
let lastView: PaintView | null = null;
let warmer: TextWarmer | null = null;

// Text is measured and drawn with the shipped font once it has loaded; if it cannot load, the
// fallback faces still draw every word.
const fontsLoaded = loadShippedFaces((self as unknown as { fonts: FontFaceSet }).fonts).then(
  () => textLayouts.clear(),
  () => undefined,
);

const reply = (message: PainterReply) => self.postMessage(message);

/** The board presenter's port drawings go to; null: to the window. */
let presenter: MessagePort | null = null;

const warmView = () => {
  const view = lastView;
  return view
    ? { visible: visibleRect(view.viewport, view.size), scale: view.viewport.scale }
    : { visible: { x: 0, y: 0, w: 0, h: 0 }, scale: 1 };
};

const canvas = new OffscreenCanvas(1, 1);

/**
 * The scale and scene version of the last drawing, when it left texts sketched. Its sketch is on
 * its way to the screen: the next drawing of that scene at that scale lays out every text it
 * shows, without the budget. A budget's worth at a time would cost a full raster for each (on a
 * zoomed-out 5,000-note map, twenty of them, two seconds of a core, before the texts were sharp).
 * Another scene (an edit, the next board on this worker) or scale gets the budget again, so its
 * first drawing comes as soon as ever.
 */
let sketched: { readonly scale: number; readonly version: number } | null = null;

const draw = async (id: number, view: PaintView) => {
  // The scene drawn is this one, whatever the window sends while the copy is made.
  const drawnVersion = version;
  const again = sketched?.scale === view.viewport.scale && sketched.version === drawnVersion;
  const budget = again ? Number.POSITIVE_INFINITY : undefined;
  const { bitmap, deferred } = await paintToBitmap(canvas, grid, notes, view, budget);
  lastView = view;
  sketched = deferred ? { scale: view.viewport.scale, version: drawnVersion } : null;
  warmer?.wake();
  const drawn: Drawn = { kind: 'drawn', id, bitmap, view, version: drawnVersion, deferred };
  (presenter ?? self).postMessage(drawn, { transfer: [bitmap] });
};

self.onmessage = async (event: MessageEvent<PainterRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'grid') {
      grid = request.grid;
      version = request.version;
    } else if (request.kind === 'notes') {
      for (const note of request.changed) notesById.set(note.id, note);
      if (request.order) {
        order = request.order;
        const kept = new Set(order);
        for (const id of notesById.keys()) if (!kept.has(id)) notesById.delete(id);
      }
      const renewed = request.changed.length > 0 || request.order !== null;
      const list = renewed || !notes ? order.flatMap((id) => notesById.get(id) ?? []) : notes.notes;
      notes = { notes: list, hidden: request.hidden, marks: request.marks };
      if (request.version !== null) version = request.version;
      if (renewed) {
        warmer?.stop();
        warmer = warmTextLayouts(list, warmView);
      }
    } else if (request.kind === 'present-to') {
      presenter = request.port;
    } else {
      await fontsLoaded;
      await draw(request.id, request.view);
    }
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
