/**
 * Plans how a poster is drawn: in full-width bands (what the PNG encoder takes, top to bottom),
 * each drawn as one or more tiles small enough for a canvas. One Chromium canvas holds at most
 * 268,435,456 pixels and 32,767 on a side, and memory runs out long before that, so a band's
 * size is bounded by a byte budget, not by the canvas limit.
 */
import type { PixelSize } from './paper.ts';

export interface Tile {
  /** Position and size in page pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Band {
  readonly index: number;
  readonly y: number;
  readonly height: number;
  /** Left to right, together exactly covering the band. */
  readonly tiles: readonly Tile[];
}

export const CANVAS_LIMITS = { maxPixels: 268_435_456, maxSide: 32_767 } as const;

/**
 * Every tile redraws the scene, so a plan of more tiles than this is a mistake in the options
 * (tiny tiles or bands), refused before it allocates millions of rectangles.
 */
export const MAX_TILES = 20_000;

export interface TileOptions {
  readonly maxTileWidth?: number;
  readonly maxTileHeight?: number;
  /** Bytes of one full-width band as RGBA, which the renderer holds while the encoder takes it. */
  readonly maxBandBytes?: number;
}

/** 4096² tiles (64 MiB as RGBA) and bands up to 64 MiB keep an A0 at 300 DPI to 27 tiles. */
export const TILE_DEFAULTS = {
  maxTileWidth: 4096,
  maxTileHeight: 4096,
  maxBandBytes: 64 * 1024 * 1024,
} as const;

export const planBands = (page: PixelSize, options: TileOptions = {}): readonly Band[] => {
  const maxTileWidth = options.maxTileWidth ?? TILE_DEFAULTS.maxTileWidth;
  const maxTileHeight = options.maxTileHeight ?? TILE_DEFAULTS.maxTileHeight;
  const maxBandBytes = options.maxBandBytes ?? TILE_DEFAULTS.maxBandBytes;
  for (const [name, value] of [
    ['page width', page.width],
    ['page height', page.height],
    ['tile width', maxTileWidth],
    ['tile height', maxTileHeight],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`The ${name} must be a positive whole number`);
  }
  if (
    maxTileWidth > CANVAS_LIMITS.maxSide ||
    maxTileHeight > CANVAS_LIMITS.maxSide ||
    maxTileWidth * maxTileHeight > CANVAS_LIMITS.maxPixels
  ) {
    throw new RangeError(`A ${maxTileWidth} × ${maxTileHeight} tile is larger than a canvas can hold`);
  }

  const bandHeight = Math.max(
    1,
    Math.min(maxTileHeight, page.height, Math.floor(maxBandBytes / (page.width * 4))),
  );
  const columns = Math.ceil(page.width / maxTileWidth);
  const tileCount = columns * Math.ceil(page.height / bandHeight);
  if (tileCount > MAX_TILES) {
    throw new RangeError(
      `These tile limits would draw the page in ${tileCount} tiles; the most is ${MAX_TILES}`,
    );
  }
  // Equal columns rather than full tiles and a sliver: every tile costs a redraw of the scene.
  const columnWidth = Math.ceil(page.width / columns);
  const bands: Band[] = [];
  for (let y = 0, index = 0; y < page.height; y += bandHeight, index++) {
    const height = Math.min(bandHeight, page.height - y);
    const tiles: Tile[] = [];
    for (let x = 0; x < page.width; x += columnWidth) {
      tiles.push({ x, y, width: Math.min(columnWidth, page.width - x), height });
    }
    bands.push({ index, y, height, tiles });
  }
  return bands;
};

/**
 * The canvas transform (as for setTransform(a, 0, 0, d, e, f)) that draws the board onto a
 * canvas whose top-left corner is the page pixel (originX, originY).
 */
export const boardToCanvas = (
  layout: { readonly scale: number; readonly offsetX: number; readonly offsetY: number },
  originX: number,
  originY: number,
): { readonly a: number; readonly d: number; readonly e: number; readonly f: number } => ({
  a: layout.scale,
  d: layout.scale,
  e: layout.offsetX - originX,
  f: layout.offsetY - originY,
});

/**
 * Copies a tile's RGBA pixels (from getImageData) into its band at the tile's column, so the
 * encoder gets full-width rows.
 */
export const copyTileIntoBand = (
  band: Uint8Array | Uint8ClampedArray,
  bandWidth: number,
  tile: Uint8Array | Uint8ClampedArray,
  tileX: number,
  tileWidth: number,
): void => {
  const rows = tile.length / (tileWidth * 4);
  if (!Number.isInteger(rows) || tileX + tileWidth > bandWidth || rows * bandWidth * 4 > band.length) {
    throw new RangeError('The tile does not fit its band');
  }
  for (let row = 0; row < rows; row++) {
    band.set(tile.subarray(row * tileWidth * 4, (row + 1) * tileWidth * 4), (row * bandWidth + tileX) * 4);
  }
};
