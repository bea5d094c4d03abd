/**
 * Draws the zoom level's label ("150%") on a canvas it owns (see zoom-label.ts), so a zoom step
 * changes nothing the window's thread paints.
 */
import { loadShippedFaces } from '../../drawing/worker-fonts.ts';
import { type ZoomLabelReply, type ZoomLabelRequest, zoomLabelText } from './zoom-label-messages.ts';

interface Label {
  readonly context: OffscreenCanvasRenderingContext2D;
  readonly font: string;
  readonly color: string;
  readonly width: number;
  readonly height: number;
  pixelRatio: number;
}

let label: Label | null = null;
let percent = 100;
let scheduled = false;
let told = false;

const reply = (message: ZoomLabelReply) => self.postMessage(message);

// Drawn only once the shipped font is in, so the label never shows in a fallback face first.
const fontsLoaded = loadShippedFaces((self as unknown as { fonts: FontFaceSet }).fonts).catch(
  () => undefined,
);

const draw = () => {
  scheduled = false;
  if (!label) return;
  const { context, pixelRatio } = label;
  const { canvas } = context;
  const width = Math.max(1, Math.round(label.width * pixelRatio));
  const height = Math.max(1, Math.round(label.height * pixelRatio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.font = label.font;
  context.fillStyle = label.color;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(zoomLabelText(percent), label.width / 2, label.height / 2);
  if (told) return;
  told = true;
  // Once the frame showing it is committed: the button then drops its own text.
  setTimeout(() => reply({ kind: 'shown' }), 0);
};

/** Drawn on the next animation frame, once however many zoom steps come before it. */
const schedule = () => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(draw);
};

self.onmessage = (event: MessageEvent<ZoomLabelRequest>) => {
  const request = event.data;
  if (request.kind === 'canvas') {
    const context = request.canvas.getContext('2d');
    if (!context) throw new Error('The zoom label’s canvas cannot be drawn on');
    const { font, color, width, height, pixelRatio } = request;
    percent = request.percent;
    label = { context, font, color, width, height, pixelRatio };
    void fontsLoaded.then(schedule);
    return;
  }
  if (request.kind === 'percent') percent = request.percent;
  else if (label) label.pixelRatio = request.pixelRatio;
  if (label) void fontsLoaded.then(schedule);
};

reply({ kind: 'ready' });
