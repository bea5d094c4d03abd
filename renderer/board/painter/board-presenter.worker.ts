/**
 * Puts the board painter's drawings on screen (see board-painter.ts). It owns the board's paper
 * canvas (handed over with transferControlToOffscreen), so each frame it shows goes to the
 * compositor from this thread: the window's thread never commits a new drawing, which on a
 * software-rendered screen cost it a frame's worth of copying and collecting per drawing.
 *
 * It keeps the newest drawing and shows it at the live view on every animation frame the view
 * changes in, scaled and moved as the view is from the view it was drawn at, so a pan or zoom is
 * shown at once and the drawing at the new view replaces it when it comes. It never draws the
 * board itself, so it is never busy for more than one copy of a bitmap.
 */

import type { PaintView } from './paint-board.ts';
import type { Drawn, PresenterReply, PresenterRequest, ToPresenter } from './painter-messages.ts';
import { placedDrawing } from './placed-drawing.ts';

let context: OffscreenCanvasRenderingContext2D | null = null;
/** Drawings of draws before this one were asked for by an earlier board: never shown here. */
let firstDraw = 0;
/** The newest drawing: what it is of, and its pixels, copied into a canvas of this worker's own. */
let drawing: Omit<Drawn, 'bitmap'> | null = null;
const kept = new OffscreenCanvas(1, 1);
const keptContext = kept.getContext('2d');
let live: PaintView | null = null;
/** The window's number for the live view, echoed once a frame shows it (if asked, or with a drawing). */
let liveSeq = 0;
/** A drawing not yet on screen, which the window is told about once it is. */
let arrived = false;
/** A view the window wants to hear is on screen, though no drawing comes with it. */
let echo = false;
let scheduled = false;

const reply = (message: PresenterReply) => self.postMessage(message);

const present = () => {
  scheduled = false;
  if (!context || !live) return;
  const { canvas } = context;
  const width = Math.max(1, Math.round(live.size.width * live.pixelRatio));
  const height = Math.max(1, Math.round(live.size.height * live.pixelRatio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  if (drawing) {
    const { a, d, e, f } = placedDrawing(drawing.view, live);
    context.setTransform(a, 0, 0, d, e, f);
    context.drawImage(kept, 0, 0, drawing.view.size.width, drawing.view.size.height);
  }
  const shown = drawing && arrived ? drawing : null;
  arrived = false;
  if (!shown && !echo) return;
  echo = false;
  const placed: PresenterReply = {
    kind: 'placed',
    seq: liveSeq,
    drawn: shown && { id: shown.id, view: shown.view, version: shown.version, deferred: shown.deferred },
  };
  // Told once the frame is committed (at the end of this callback), not while it is drawn.
  setTimeout(() => reply(placed), 0);
};

/** Shown on the next animation frame, once however many changes come before it. */
const schedule = () => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(present);
};

const receive = (message: ToPresenter) => {
  if (message.kind === 'view') {
    live = message.view;
    liveSeq = message.seq;
    echo ||= message.echo;
  } else if (message.id < firstDraw) {
    message.bitmap.close();
    return;
  } else {
    keep(message);
    arrived = true;
  }
  schedule();
};

/**
 * Copies a drawing into the kept canvas and lets its bitmap go at once. Held until the next
 * drawing came, a bitmap's memory was not handed to the painter's next one, which then
 * page-faulted in a full-size bitmap of new memory: on a software canvas, about 50 ms of the
 * painter's worker per 2432×1592 drawing, against a few for the copy.
 */
const keep = ({ bitmap, ...drawn }: Drawn) => {
  if (!keptContext) throw new Error('This browser cannot draw on an OffscreenCanvas');
  if (kept.width !== bitmap.width) kept.width = bitmap.width;
  if (kept.height !== bitmap.height) kept.height = bitmap.height;
  keptContext.clearRect(0, 0, kept.width, kept.height);
  keptContext.drawImage(bitmap, 0, 0);
  // Reading a pixel makes the copy now, not at the next frame, so nothing holds the bitmap after this.
  keptContext.getImageData(0, 0, 1, 1);
  bitmap.close();
  drawing = drawn;
};

self.onmessage = (event: MessageEvent<PresenterRequest>) => {
  const request = event.data;
  if (request.kind === 'canvas') {
    context = request.canvas.getContext('2d');
    firstDraw = request.firstDraw;
    request.drawings.onmessage = (drawn: MessageEvent<ToPresenter>) => receive(drawn.data);
    schedule();
  } else receive(request);
};

reply({ kind: 'ready' });
