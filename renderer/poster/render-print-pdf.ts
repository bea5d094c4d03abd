/**
 * The poster on office-printer pages: shared/poster/print-pages.ts splits the page into
 * overlapping pieces; each sheet is drawn here (its piece of the poster by drawPosterRegion,
 * then trim, alignment and registration marks and its number in the margins) and added to a
 * streamed PDF, one sheet at a time. Memory stays around one sheet's canvas (at most 600 DPI,
 * print-pages.ts): its pixels are read back, checked and compressed a band of rows at a time,
 * with a yield to the event loop between bands so the board stays responsive.
 */

import type { Orientation, Paper, PixelSize } from '../../shared/poster/paper.ts';
import { createPdfWriter, createRgbRowPredictor } from '../../shared/poster/pdf-pages.ts';
import { type PrintPage, type PrintTilingPlan, planPrintPages } from '../../shared/poster/print-pages.ts';
import { createZlibSink } from '../../shared/poster/zlib-sink.ts';
import { font } from '../drawing/font.ts';
import { drawPosterRegion, PAPER, type PosterPicture } from './draw-poster.ts';
import { checkCancelled, PosterRenderError, RENDER_MESSAGES, targetSliceRows } from './render-poster.ts';
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

/**
 * The drawn sheet as its PDF image's zlib stream. Rows are read back, checked to be opaque (a
 * canvas over its memory limit reads back transparent) and compressed by the platform's zlib
 * band by band; only the compressed sheet, a few MB, is held whole.
 */
const compressSheet = async (
  ctx: OffscreenCanvasRenderingContext2D,
  sheet: PixelSize,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> => {
  const { width, height } = sheet;
  const parts: Uint8Array[] = [];
  const zlib = createZlibSink('native', 6, (bytes) => parts.push(bytes));
  const predict = createRgbRowPredictor(width);
  const bandRows = targetSliceRows(width);
  try {
    for (let y = 0; y < height; y += bandRows) {
      const rgba = ctx.getImageData(0, y, width, Math.min(bandRows, height - y)).data;
      for (let i = 3; i < rgba.length; i += 4) {
        if (rgba[i] !== 255) throw new PosterRenderError(RENDER_MESSAGES.failedTile);
      }
      await zlib.write(predict(rgba));
      await yieldToEventLoop();
      checkCancelled(signal);
    }
    await zlib.end();
  } catch (error) {
    zlib.abort();
    throw error;
  }
  const data = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return data;
};

export const renderPrintPdf = async (options: RenderPdfOptions): Promise<number> => {
  const { picture, sheet, signal } = options;
  const plan = planPrintFor(picture, sheet);
  if (!plan.ok) throw new PosterRenderError(plan.error);
  const { tiling } = plan;
  const { width, height } = tiling.sheet;
  const writer = createPdfWriter(options.onChunk);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new PosterRenderError(RENDER_MESSAGES.failedTile);
  const points = 72 / picture.layout.dpi;
  for (const page of tiling.pages) {
    checkCancelled(signal);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    drawPrintSheet(ctx, picture, page, tiling.sheet);
    const data = await compressSheet(ctx, tiling.sheet, signal);
    writer.addImagePage({ widthPt: width * points, heightPt: height * points, width, height, data });
    await options.drain?.();
    options.onProgress?.(page.number, tiling.pages.length);
    // The progress bar shows this sheet done before the next one is drawn.
    await yieldToEventLoop();
  }
  writer.finish();
  return writer.pages;
};
