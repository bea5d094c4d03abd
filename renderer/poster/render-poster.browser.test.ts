import pngjs from 'pngjs/browser.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { markShared } from '../../shared/format/document.ts';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import { pagePixels, paperById } from '../../shared/poster/paper.ts';
import { CANVAS_LIMITS } from '../../shared/poster/tiles.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { textLayouts } from '../drawing/text-layout.ts';
import { readMapFile, toMapFile } from '../files/map-file.ts';
import type { PosterPicture } from './draw-poster.ts';
import { DEFAULT_POSTER_OPTIONS, type PosterOptions } from './poster-options.ts';
import { posterPictureOf } from './poster-picture.ts';
import { RENDER_MESSAGES, renderPosterPng } from './render-poster.ts';

beforeAll(async () => {
  await loadFonts();
  textLayouts.clear();
});

/** A customer-experience map with three notes of known colours in known cells. */
const knownMap = () => {
  const map = testMap();
  const green = map.put('Brand awareness', 'Customer actions', { text: 'Sees an ad', color: 'green' });
  const pink = map.put('Purchase', 'Breakdown points', { text: 'Card refused', color: 'pink' });
  const purple = map.put('Referral', 'Opportunities', { text: 'Tell a friend', color: 'purple' });
  return { map, notes: [green, pink, purple] };
};

const pictureOf = (options: Partial<PosterOptions>, map = knownMap().map): PosterPicture => {
  const result = posterPictureOf(
    map.doc,
    map.currentId,
    { ...DEFAULT_POSTER_OPTIONS, ...options },
    Date.UTC(2026, 10, 28),
  );
  if (!result.ok) throw new Error(result.error);
  return result.picture;
};

const render = async (
  picture: PosterPicture,
  map: string,
  tiles?: Parameters<typeof renderPosterPng>[0]['tiles'],
) => {
  const parts: Uint8Array[] = [];
  const summary = await renderPosterPng({ picture, map, onChunk: (bytes) => parts.push(bytes), tiles });
  const png = new Uint8Array(summary.bytes);
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
};

/** The chunks of a PNG, read here apart from the encoder. */
const chunksOf = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    chunks.push({
      type: String.fromCharCode(...png.subarray(at + 4, at + 8)),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
};

/** The Buffer that pngjs's browser build brings with it (its images' data are of that class). */
const BundledBuffer = new pngjs.PNG({ width: 1, height: 1 }).data.constructor as typeof Buffer;

/** pngjs, an independent decoder, with CRC checks on. */
const decodePng = (png: Uint8Array) => pngjs.PNG.sync.read(BundledBuffer.from(png), { checkCRC: true });

const hex = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));

describe('a poster of a known map', () => {
  it('decodes with an independent decoder to the paper size at the DPI, with the notes where the map has them', async () => {
    const { map, notes } = knownMap();
    const picture = pictureOf({ paper: 'a3', dpi: 150, orientation: 'landscape' }, map);
    const png = await render(picture, toMapFile(map.doc));

    const decoded = decodePng(png);
    const expected = pagePixels(paperById('a3'), 'landscape', 150);
    expect([decoded.width, decoded.height]).toEqual([expected.width, expected.height]);
    expect([decoded.width, decoded.height]).toEqual([2480, 1754]);

    const phys = chunksOf(png).find((chunk) => chunk.type === 'pHYs');
    const physView = new DataView(phys?.data.buffer ?? new ArrayBuffer(9), phys?.data.byteOffset, 9);
    // 150 DPI is 5906 pixels per metre, in x and y, unit metre.
    expect([physView.getUint32(0), physView.getUint32(4), physView.getUint8(8)]).toEqual([5906, 5906, 1]);

    const pixel = (x: number, y: number) => {
      const i = (Math.round(y) * decoded.width + Math.round(x)) * 4;
      return [decoded.data[i], decoded.data[i + 1], decoded.data[i + 2]];
    };
    let ink = 0;
    for (let i = 0; i < decoded.data.length; i += 4 * 7) if ((decoded.data[i] ?? 255) < 250) ink++;
    expect(ink).toBeGreaterThan(1000);

    const { scale, offsetX, offsetY } = picture.layout;
    const drawn = picture.scene.blocks[0]?.layout.notes ?? [];
    for (const note of notes) {
      const placed = drawn.find((candidate) => candidate.id === note.id);
      if (!placed) throw new Error(`note ${note.text} is not on the poster`);
      // The lower part of a short note is its plain fill colour.
      const x = (placed.x + placed.w * 0.5) * scale + offsetX;
      const y = (placed.y + placed.h * 0.85) * scale + offsetY;
      expect(pixel(x, y), note.text).toEqual(hex(NOTE_PALETTE[note.color].fill));
    }

    // Opening the poster the way the app opens any file gives back the map, record for record.
    const reopened = readMapFile(png);
    if (!reopened.ok) throw new Error(reopened.message);
    expect(reopened.repairs).toEqual([]);
    expect(reopened.document).toEqual(markShared(map.doc));
  });

  it('comes out the same when drawn in many small tiles and bands: no seams, nothing missing', async () => {
    const { map } = knownMap();
    const picture = pictureOf({ paper: 'a4', dpi: 150, orientation: 'portrait' }, map);
    const text = toMapFile(map.doc);
    const whole = decodePng(await render(picture, text));
    const { width } = picture.layout.page;
    const tiled = decodePng(
      await render(picture, text, { maxTileWidth: 333, maxTileHeight: 4096, maxBandBytes: width * 4 * 97 }),
    );
    expect([tiled.width, tiled.height]).toEqual([whole.width, whole.height]);
    let different = 0;
    for (let i = 0; i < whole.data.length; i += 4) {
      const delta = Math.max(
        ...[0, 1, 2].map((c) => Math.abs((whole.data[i + c] ?? 0) - (tiled.data[i + c] ?? 0))),
      );
      if (delta > 0) different++;
    }
    // Glyph anti-aliasing may differ by a shade where a tile starts mid-word; a seam or a
    // missing tile would differ along whole rows or columns (thousands of pixels).
    expect(different).toBeLessThan(200);
  });
});

describe('a poster larger than one canvas can hold', () => {
  it('is drawn in tiles and streamed into one complete PNG', async () => {
    const { map, notes } = knownMap();
    // 10 m × 3.35 m at 72 DPI: 28346 × 9496 pixels, more than the 268,435,456 of a canvas.
    const picture = pictureOf(
      {
        paper: 'custom',
        customWidth: 10_000,
        customHeight: 3350,
        unit: 'mm',
        dpi: 72,
        orientation: 'landscape',
      },
      map,
    );
    const { width, height } = picture.layout.page;
    expect([width, height]).toEqual([28346, 9496]);
    expect(width * height).toBeGreaterThan(CANVAS_LIMITS.maxPixels);

    const png = await render(picture, toMapFile(map.doc));
    const chunks = chunksOf(png);
    expect(chunks.map((chunk) => chunk.type).filter((type) => type !== 'IDAT')).toEqual([
      'IHDR',
      'pHYs',
      'iTXt',
      'IEND',
    ]);
    const header = new DataView(
      chunks[0]?.data.buffer ?? new ArrayBuffer(13),
      chunks[0]?.data.byteOffset,
      13,
    );
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([width, height]);

    // Where each known note's fill shows, row by row, checked while decoding.
    const { scale, offsetX, offsetY } = picture.layout;
    const drawn = picture.scene.blocks[0]?.layout.notes ?? [];
    const samples = notes.map((note) => {
      const placed = drawn.find((candidate) => candidate.id === note.id);
      if (!placed) throw new Error(`note ${note.text} is not on the poster`);
      return {
        x: Math.round((placed.x + placed.w * 0.5) * scale + offsetX),
        y: Math.round((placed.y + placed.h * 0.85) * scale + offsetY),
        fill: hex(NOTE_PALETTE[note.color].fill),
      };
    });
    const seen: number[][] = [];
    let inked = 0;
    const rows = await streamRows(png, width, (y, row) => {
      for (const sample of samples) {
        if (sample.y === y) seen.push([...row.subarray(sample.x * 3, sample.x * 3 + 3)]);
      }
      if (y % 50 === 0) for (let x = 0; x < row.length; x += 3 * 31) if ((row[x] ?? 255) < 200) inked++;
    });
    expect(rows).toBe(height);
    expect(seen).toEqual(samples.map((sample) => sample.fill));
    expect(inked).toBeGreaterThan(100);
  }, 120_000);
});

describe('a failed render', () => {
  const failingCanvas = (pixels: (width: number, height: number) => Uint8ClampedArray) => () => {
    const canvas = new OffscreenCanvas(16, 16);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no context');
    Object.defineProperty(ctx, 'getImageData', {
      value: (_x: number, _y: number, width: number, height: number) => ({ data: pixels(width, height) }),
    });
    return canvas;
  };

  it('is refused when a tile reads back transparent, as a canvas over its limit does', async () => {
    const picture = pictureOf({ paper: 'a4', dpi: 72 });
    await expect(
      renderPosterPng({
        picture,
        map: '',
        onChunk: () => {},
        createCanvas: failingCanvas((width, height) => new Uint8ClampedArray(width * height * 4)),
      }),
    ).rejects.toThrow(RENDER_MESSAGES.failedTile);
  });

  it('stops at the band where a tile failed, without drawing the rest of the poster', async () => {
    const picture = pictureOf({ paper: 'a4', dpi: 72 });
    let tilesRead = 0;
    const progress: number[] = [];
    await expect(
      renderPosterPng({
        picture,
        map: '',
        onChunk: () => {},
        onProgress: (done) => progress.push(done),
        // Nine bands of 100 rows; only the first fails to draw.
        tiles: { maxBandBytes: picture.layout.page.width * 4 * 100 },
        createCanvas: failingCanvas((width, height) => {
          tilesRead++;
          return new Uint8ClampedArray(width * height * 4).fill(tilesRead === 1 ? 0 : 255);
        }),
      }),
    ).rejects.toThrow(RENDER_MESSAGES.failedTile);
    expect(tilesRead).toBe(1);
    expect(progress).toEqual([]);
  });

  it('is refused when the whole poster comes out one colour', async () => {
    const picture = pictureOf({ paper: 'a4', dpi: 72 });
    await expect(
      renderPosterPng({
        picture,
        map: '',
        onChunk: () => {},
        createCanvas: failingCanvas((width, height) => new Uint8ClampedArray(width * height * 4).fill(255)),
      }),
    ).rejects.toThrow(RENDER_MESSAGES.blank);
  });
});

/**
 * Decodes a truecolour PNG's rows with the platform's inflate and the specification's filter
 * reconstruction (PNG 9.2), holding two rows: enough to check an image of any size.
 */
const streamRows = async (png: Uint8Array, width: number, onRow: (y: number, row: Uint8Array) => void) => {
  const idat = chunksOf(png).filter((chunk) => chunk.type === 'IDAT');
  const inflated = new Blob(idat.map((chunk) => chunk.data as BlobPart))
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
    .getReader();
  const bpp = 3;
  let previous = new Uint8Array(width * bpp);
  let current = new Uint8Array(width * bpp);
  let filter = -1;
  let filled = 0;
  let rows = 0;
  for (;;) {
    const { done, value } = await inflated.read();
    if (done) break;
    for (let at = 0; at < value.length; ) {
      if (filter < 0) {
        filter = value[at++] as number;
        continue;
      }
      const take = Math.min(value.length - at, current.length - filled);
      current.set(value.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled < current.length) continue;
      unfilter(filter, current, previous, bpp);
      onRow(rows++, current);
      [previous, current] = [current, previous];
      filled = 0;
      filter = -1;
    }
  }
  return rows;
};

const unfilter = (filter: number, row: Uint8Array, previous: Uint8Array, bpp: number) => {
  for (let i = 0; i < row.length; i++) {
    const left = i >= bpp ? (row[i - bpp] as number) : 0;
    const up = previous[i] as number;
    const upLeft = i >= bpp ? (previous[i - bpp] as number) : 0;
    let predicted = 0;
    if (filter === 1) predicted = left;
    else if (filter === 2) predicted = up;
    else if (filter === 3) predicted = (left + up) >> 1;
    else if (filter === 4) {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    row[i] = ((row[i] as number) + predicted) & 0xff;
  }
};
