/**
 * The poster on office-printer pages: shared/poster/print-pages.ts splits the page into
 * overlapping pieces; each sheet is drawn here (its piece of the poster by drawPosterRegion,
 * then trim, alignment and registration marks and its number in the margins) and added to a
 * streamed PDF, one sheet at a time.
 */

import type { Orientation, Paper, PixelSize } from '../../shared/poster/paper.ts';
import { createPdfWriter, predictedRgbRows } from '../../shared/poster/pdf-pages.ts';
import { type PrintPage, type PrintTilingPlan, planPrintPages } from '../../shared/poster/print-pages.ts';
import { font } from '../drawing/fonts.ts';
import { drawPosterRegion, PAPER, type PosterPicture } from './draw-poster.ts';
import { PosterRenderError, RENDER_MESSAGES } from './render-poster.ts';
import { yieldToEventLoop } from './yield.ts';

export interface PrintSheet {
  readonly paper: Paper;
  readonly orientation: Orientation;
  /** Millimetres each piece shares with its neighbours. */
  readonly overlap: number;
  /** Millimetres of white the printer needs around each piece. */
  readonly margin: number;
}

export const DEFAULT_PRINT_SHEET = { overlap: 10, margin: 10 } as const;

export const planPrintFor = (picture: PosterPicture, sheet: PrintSheet): PrintTilingPlan =>
  planPrintPages({
    poster: picture.layout.page,
    dpi: picture.layout.dpi,
    sheet: sheet.paper,
    orientation: sheet.orientation,
    overlap: sheet.overlap,
    margin: sheet.margin,
  });

export interface RenderPdfOptions {
  readonly picture: PosterPicture;
  readonly sheet: PrintSheet;
  readonly onChunk: (bytes: Uint8Array) => void;
  readonly drain?: () => Promise<void>;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

const MARK_INK = '#000000';

/** Draws one sheet: its piece of the poster in place, marks and label in the margins. */
export const drawPrintSheet = (
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  picture: PosterPicture,
  page: PrintPage,
  sheet: PixelSize,
): void => {
  const mm = picture.layout.dpi / 25.4;
  const { source, target } = page;
  ctx.save();
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, sheet.width, sheet.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(target.x, target.y, target.width, target.height);
  ctx.clip();
  ctx.translate(target.x - source.x, target.y - source.y);
  drawPosterRegion(ctx, picture, source);
  ctx.restore();

  ctx.strokeStyle = MARK_INK;
  ctx.lineWidth = Math.max(1, 0.25 * mm);
  ctx.beginPath();
  for (const mark of [...page.trimMarks, ...page.alignMarks]) {
    ctx.moveTo(mark.from.x, mark.from.y);
    ctx.lineTo(mark.to.x, mark.to.y);
  }
  ctx.stroke();
  for (const { x, y } of page.registrationMarks) {
    const r = 2.5 * mm;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.moveTo(x - r * 1.6, y);
    ctx.lineTo(x + r * 1.6, y);
    ctx.moveTo(x, y - r * 1.6);
    ctx.lineTo(x, y + r * 1.6);
    ctx.stroke();
  }
  ctx.fillStyle = MARK_INK;
  ctx.font = font(3.5 * mm, 400);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(page.label, page.labelAt.x, page.labelAt.y);
  ctx.restore();
};

/** zlib-compresses with the platform's compressor (Chromium's zlib) off the JavaScript heap's hot path. */
const deflate = async (bytes: Uint8Array): Promise<Uint8Array> => {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

export const renderPrintPdf = async (options: RenderPdfOptions): Promise<number> => {
  const { picture, sheet, signal } = options;
  const plan = planPrintFor(picture, sheet);
  if (!plan.ok) throw new PosterRenderError(plan.error);
  const { tiling } = plan;
  const writer = createPdfWriter(options.onChunk);
  const canvas = new OffscreenCanvas(tiling.sheet.width, tiling.sheet.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new PosterRenderError(RENDER_MESSAGES.failedTile);
  const points = 72 / picture.layout.dpi;
  for (const page of tiling.pages) {
    if (signal?.aborted) throw new PosterRenderError(RENDER_MESSAGES.cancelled, true);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    drawPrintSheet(ctx, picture, page, tiling.sheet);
    const { width, height } = tiling.sheet;
    const rgba = ctx.getImageData(0, 0, width, height).data;
    for (let i = 3; i < rgba.length; i += 4) {
      if (rgba[i] !== 255) throw new PosterRenderError(RENDER_MESSAGES.failedTile);
    }
    const data = await deflate(predictedRgbRows(rgba, width, height));
    writer.addImagePage({ widthPt: width * points, heightPt: height * points, width, height, data });
    await options.drain?.();
    options.onProgress?.(page.number, tiling.pages.length);
    await yieldToEventLoop();
  }
  writer.finish();
  return writer.pages;
};
