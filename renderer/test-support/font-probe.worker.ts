/** For worker-fonts.browser.test.ts: measures a text in a worker, with the shipped faces loaded as the board painter loads them. */
import { font } from '../drawing/font.ts';
import { loadShippedFaces } from '../drawing/worker-fonts.ts';

self.onmessage = async (event: MessageEvent<string>) => {
  await loadShippedFaces((self as unknown as { fonts: FontFaceSet }).fonts);
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) throw new Error('no 2D context in the worker');
  context.font = font(40);
  self.postMessage(context.measureText(event.data).width);
};
