/**
 * Draws the board under the selection off the window's thread (see board-painter.ts): the grid
 * and every unselected note, into an OffscreenCanvas handed back as an ImageBitmap. A redraw of
 * a full-window canvas (the raster of thousands of notes, the text of hundreds) then costs the
 * window's thread nothing, so pans and zooms keep their frames however large the map.
 */
import { textLayouts } from '../../drawing/text-layout.ts';
import { type TextWarmer, warmTextLayouts } from '../../drawing/warm-text-layouts.ts';
import { loadShippedFaces } from '../../drawing/worker-fonts.ts';
import { visibleRect } from '../viewport.ts';
import { type GridScene, type NotesScene, type PaintView, paintBoard } from './paint-board.ts';
import type { PainterReply, PainterRequest } from './painter-messages.ts';

let grid: GridScene | null = null;
let notes: NotesScene | null = null;
let version = 0;
let lastView: PaintView | null = null;
let warmer: TextWarmer | null = null;
let canvas: OffscreenCanvas | null = null;

// Text is measured and drawn with the shipped font once it has loaded; if it cannot load, the
// fallback faces still draw every word.
const fontsLoaded = loadShippedFaces((self as unknown as { fonts: FontFaceSet }).fonts).then(
  () => textLayouts.clear(),
  () => undefined,
);

const reply = (message: PainterReply, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

const warmView = () => {
  const view = lastView;
  return view
    ? { visible: visibleRect(view.viewport, view.size), scale: view.viewport.scale }
    : { visible: { x: 0, y: 0, w: 0, h: 0 }, scale: 1 };
};

const draw = (id: number, view: PaintView) => {
  const started = performance.now();
  const width = Math.max(1, Math.round(view.size.width * view.pixelRatio));
  const height = Math.max(1, Math.round(view.size.height * view.pixelRatio));
  canvas ??= new OffscreenCanvas(width, height);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  // The same drawing calls as a window's canvas: the drawing code is written against that type.
  const context = canvas.getContext('2d') as unknown as CanvasRenderingContext2D | null;
  if (!context) throw new Error('This browser cannot draw on a canvas off the window’s thread');
  const deferred = grid && notes ? paintBoard(context, grid, notes, view) : false;
  // Leaves the canvas blank for the next draw: every draw paints the whole board.
  const bitmap = canvas.transferToImageBitmap();
  lastView = view;
  warmer?.wake();
  reply(
    {
      kind: 'drawn',
      id,
      bitmap,
      view,
      version,
      complete: grid !== null && notes !== null,
      deferred,
      drawMs: performance.now() - started,
    },
    [bitmap],
  );
};

self.onmessage = async (event: MessageEvent<PainterRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'grid') {
      grid = request.grid;
      version = request.version;
    } else if (request.kind === 'notes') {
      notes = request.notes;
      warmer?.stop();
      warmer = warmTextLayouts(notes.notes, warmView);
      version = request.version;
    } else {
      await fontsLoaded;
      draw(request.id, request.view);
    }
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
