/**
 * Renders a poster into a streamed PNG. The page is drawn in full-width bands, each band in
 * canvas-sized tiles (shared/poster/tiles.ts), each tile by drawPosterRegion at the print
 * resolution; the band's rows go to the PNG encoder a slice at a time, with a yield to the event
 * loop after each, so the board and the dialog stay responsive and memory stays around one band
 * however large the poster. A blank image, a tile that failed to draw (a canvas over its limit
 * reads back transparent; caught at its band, not after the rest is drawn) or a short image is
 * an error, and the caller then discards the file.
 */
import { createPngStream, type PngSummary } from '../../shared/poster/png-stream.ts';
import { copyTileIntoBand, planBands, type TileOptions } from '../../shared/poster/tiles.ts';
import { drawPosterRegion, type PosterPicture } from './draw-poster.ts';
import { yieldToEventLoop } from './yield.ts';

export type TileCanvasFactory = (width: number, height: number) => OffscreenCanvas;

export interface RenderPngOptions {
  readonly picture: PosterPicture;
  /** The .cxmap text embedded in the PNG. */
  readonly map: string;
  /** Receives the PNG's bytes in order, synchronously; `drain` is awaited after each slice. */
  readonly onChunk: (bytes: Uint8Array) => void;
  readonly drain?: () => Promise<void>;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly tiles?: TileOptions;
  /** Tests stand in a canvas that fails; the app uses OffscreenCanvas. */
  readonly createCanvas?: TileCanvasFactory;
}

export class PosterRenderError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'PosterRenderError';
  }
}

export const RENDER_MESSAGES = {
  cancelled: 'The export was cancelled.',
  blank: 'The poster came out blank, so it was not saved. Try a lower DPI or smaller paper.',
  failedTile:
    'Part of the poster could not be drawn (the browser ran out of canvas memory), so it was not saved. Try a lower DPI.',
} as const;

/** Rows handed to the encoder between yields: a few million pixels, tens of milliseconds. */
export const targetSliceRows = (width: number) => Math.max(16, Math.floor(2_000_000 / width));

const newCanvas: TileCanvasFactory = (width, height) => new OffscreenCanvas(width, height);

export const checkCancelled = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new PosterRenderError(RENDER_MESSAGES.cancelled, true);
};

export const renderPosterPng = async (options: RenderPngOptions): Promise<PngSummary> => {
  const { picture, signal } = options;
  const { page, dpi } = picture.layout;
  const bands = planBands(page, options.tiles);
  const stream = createPngStream({
    width: page.width,
    height: page.height,
    dpi,
    map: options.map,
    // Chromium's zlib, about four times faster than fflate's.
    engine: typeof CompressionStream === 'undefined' ? 'fflate' : 'native',
    onChunk: options.onChunk,
  });
  const createCanvas = options.createCanvas ?? newCanvas;
  let canvas: OffscreenCanvas | null = null;
  const sliceRows = targetSliceRows(page.width);
  try {
    for (const band of bands) {
      checkCancelled(signal);
      const widest = band.tiles.reduce((most, tile) => Math.max(most, tile.width), 0);
      // One canvas serves every tile (only the last band is lower): reading back the pixels
      // drops whatever a tile does not cover.
      if (!canvas || canvas.width < widest || canvas.height < band.height) {
        canvas = createCanvas(widest, band.height);
      }
      const rows = await drawBand(band, page.width, picture, canvas);
      for (let row = 0; row < band.height; row += sliceRows) {
        const take = Math.min(sliceRows, band.height - row);
        await stream.pushRows(rows.subarray(row * page.width * 4, (row + take) * page.width * 4));
        if (stream.translucentPixels > 0) throw new PosterRenderError(RENDER_MESSAGES.failedTile);
        await options.drain?.();
        options.onProgress?.(band.y + row + take, page.height);
        await yieldToEventLoop();
        checkCancelled(signal);
      }
    }
    const summary = await stream.finish();
    if (summary.uniform) throw new PosterRenderError(RENDER_MESSAGES.blank);
    return summary;
  } catch (error) {
    stream.abort();
    throw error;
  }
};

/** One band's RGBA rows, its tiles drawn one after another on the reused canvas. */
const drawBand = async (
  band: ReturnType<typeof planBands>[number],
  width: number,
  picture: PosterPicture,
  canvas: OffscreenCanvas,
): Promise<Uint8ClampedArray> => {
  let rows: Uint8ClampedArray | null = null;
  for (const tile of band.tiles) {
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new PosterRenderError(RENDER_MESSAGES.failedTile);
    ctx.setTransform(1, 0, 0, 1, -tile.x, -tile.y);
    drawPosterRegion(ctx, picture, tile);
    const pixels = ctx.getImageData(0, 0, tile.width, tile.height).data;
    // A band of one tile is that tile's pixels; otherwise the tiles are copied side by side.
    if (band.tiles.length === 1) return pixels;
    rows ??= new Uint8ClampedArray(width * band.height * 4);
    copyTileIntoBand(rows, width, pixels, tile.x, tile.width);
    await yieldToEventLoop();
  }
  return rows ?? new Uint8ClampedArray(0);
};
