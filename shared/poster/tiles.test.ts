import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PixelSize } from './paper.ts';
import { fixturePoster } from './poster-fixture.ts';
import {
  type Band,
  boardToCanvas,
  CANVAS_LIMITS,
  copyTileIntoBand,
  MAX_TILES,
  planBands,
  TILE_DEFAULTS,
} from './tiles.ts';

/**
 * Every page pixel is covered by exactly one tile, bands run top to bottom, tiles left to
 * right. Collects problems rather than asserting per tile: plans run to thousands of tiles.
 */
const expectExactCover = (page: PixelSize, bands: readonly Band[]) => {
  const problems: string[] = [];
  let y = 0;
  bands.forEach((band, index) => {
    if (band.index !== index || band.y !== y) problems.push(`band ${index} starts at ${band.y}, not ${y}`);
    let x = 0;
    for (const tile of band.tiles) {
      if (tile.x !== x || tile.y !== band.y || tile.height !== band.height || tile.width < 1) {
        problems.push(`band ${index}: tile ${JSON.stringify(tile)} does not continue at x ${x}`);
      }
      x += tile.width;
    }
    if (x !== page.width) problems.push(`band ${index} is ${x} wide`);
    y += band.height;
  });
  if (y !== page.height) problems.push(`bands end at ${y}`);
  expect(problems).toEqual([]);
};

describe('planning the tiles', () => {
  it('draws A0 at 300 DPI in 27 canvas-sized tiles, in bands of at most 64 MiB', () => {
    const page = { width: 9933, height: 14043 };
    const bands = planBands(page);
    expectExactCover(page, bands);
    expect(bands.flatMap((band) => band.tiles)).toHaveLength(27);
    for (const band of bands) {
      expect(page.width * band.height * 4).toBeLessThanOrEqual(TILE_DEFAULTS.maxBandBytes);
      for (const tile of band.tiles) expect(tile.width).toBeLessThanOrEqual(4096);
    }
  });

  it('draws the 36 × 120 in banner (389 Mpx, over the canvas limit) in tiles a canvas holds', () => {
    const page = { width: 36000, height: 10800 };
    expect(page.width * page.height).toBeGreaterThan(CANVAS_LIMITS.maxPixels);
    const bands = planBands(page);
    expectExactCover(page, bands);
    for (const tile of bands.flatMap((band) => band.tiles)) {
      expect(tile.width * tile.height).toBeLessThanOrEqual(CANVAS_LIMITS.maxPixels);
      expect(Math.max(tile.width, tile.height)).toBeLessThanOrEqual(4096);
    }
    // Equal columns: 9 of 4000 rather than 8 of 4096 and a sliver.
    expect(bands[0]?.tiles.map((tile) => tile.width)).toEqual(Array(9).fill(4000));
  });

  it('covers any page exactly, within the tile and band limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40_000 }),
        fc.integer({ min: 1, max: 40_000 }),
        fc.integer({ min: 512, max: 8192 }),
        fc.integer({ min: 512, max: 8192 }),
        fc.integer({ min: 1, max: 256 * 1024 * 1024 }),
        (width, height, maxTileWidth, maxTileHeight, maxBandBytes) => {
          const page = { width, height };
          const rowsPerBand = Math.max(1, Math.min(maxTileHeight, Math.floor(maxBandBytes / (width * 4))));
          fc.pre(Math.ceil(width / maxTileWidth) * Math.ceil(height / rowsPerBand) <= MAX_TILES);
          const bands = planBands(page, { maxTileWidth, maxTileHeight, maxBandBytes });
          expectExactCover(page, bands);
          // A band is never less than a row, even when one row is over the budget.
          const oversized = bands.filter(
            (band) =>
              band.height > maxTileHeight ||
              (band.height > 1 && width * band.height * 4 > maxBandBytes) ||
              band.tiles.some((tile) => tile.width > maxTileWidth),
          );
          expect(oversized).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses tiles no canvas can hold', () => {
    expect(() => planBands({ width: 100, height: 100 }, { maxTileWidth: 40_000 })).toThrow(
      'A 40000 × 4096 tile is larger than a canvas can hold',
    );
    expect(() =>
      planBands({ width: 100, height: 100 }, { maxTileWidth: 20_000, maxTileHeight: 20_000 }),
    ).toThrow(RangeError);
    expect(() => planBands({ width: 0, height: 100 })).toThrow(
      'The page width must be a positive whole number',
    );
    expect(() => planBands({ width: 60_000, height: 60_000 }, { maxTileWidth: 64, maxBandBytes: 1 })).toThrow(
      'These tile limits would draw the page in 56280000 tiles; the most is 20000',
    );
  });
});

describe('drawing tiles', () => {
  it('puts a board point at the same page pixel whichever tile draws it', () => {
    const layout = { scale: 2.5, offsetX: 120.25, offsetY: -40 };
    const board = { x: 813.2, y: 377.9 };
    const page = { x: board.x * layout.scale + layout.offsetX, y: board.y * layout.scale + layout.offsetY };
    for (const origin of [
      { x: 0, y: 0 },
      { x: 1024, y: 512 },
      { x: 2000, y: 900 },
    ]) {
      const t = boardToCanvas(layout, origin.x, origin.y);
      expect(board.x * t.a + t.e).toBeCloseTo(page.x - origin.x, 9);
      expect(board.y * t.d + t.f).toBeCloseTo(page.y - origin.y, 9);
    }
  });

  it('assembles tiles into full-width bands identical to the page', () => {
    const page = { width: 700, height: 230 };
    const image = fixturePoster({ ...page, dpi: 72, seed: 2 }).band(0, page.height);
    const bands = planBands(page, { maxTileWidth: 256, maxTileHeight: 64 });
    expect(bands[0]?.tiles.length).toBe(3);
    for (const band of bands) {
      const assembled = new Uint8ClampedArray(page.width * band.height * 4);
      for (const tile of band.tiles) {
        // What getImageData returns for this tile.
        const pixels = new Uint8ClampedArray(tile.width * tile.height * 4);
        for (let row = 0; row < tile.height; row++) {
          const from = ((tile.y + row) * page.width + tile.x) * 4;
          pixels.set(image.subarray(from, from + tile.width * 4), row * tile.width * 4);
        }
        copyTileIntoBand(assembled, page.width, pixels, tile.x, tile.width);
      }
      const expected = image.subarray(band.y * page.width * 4, (band.y + band.height) * page.width * 4);
      expect(Buffer.compare(Buffer.from(assembled), Buffer.from(expected))).toBe(0);
    }
  });

  it('refuses a tile that does not fit its band', () => {
    expect(() => copyTileIntoBand(new Uint8Array(10 * 2 * 4), 10, new Uint8Array(4 * 2 * 4), 8, 4)).toThrow(
      'The tile does not fit its band',
    );
    expect(() => copyTileIntoBand(new Uint8Array(10 * 2 * 4), 10, new Uint8Array(4 * 3 * 4), 0, 4)).toThrow(
      RangeError,
    );
  });
});
