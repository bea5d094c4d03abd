import pngjs from 'pngjs/browser.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { type VoteMap, voteMap } from '../../shared/journey/votes/test-support.ts';
import { addDot, nextVoter, revealVote } from '../../shared/journey/votes/vote-edits.ts';
import type { Rect } from '../../shared/poster/layout.ts';
import { paperById } from '../../shared/poster/paper.ts';
import { DOT_BADGE_FILL, DOT_BADGE_RADIUS } from '../drawing/dot-badge-style.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { textLayouts } from '../drawing/text-layout.ts';
import { toMapFile } from '../files/map-file.ts';
import type { PosterPicture } from './draw-poster.ts';
import { exportPoster } from './export-poster.ts';
import { DEFAULT_POSTER_OPTIONS, type PosterOptions } from './poster-options.ts';
import { posterPictureOf } from './poster-picture.ts';
import { drawPrintSheet, planPrintFor } from './render-print-pdf.ts';

beforeAll(async () => {
  await loadFonts();
  textLayouts.clear();
});

/** Five voters, three dots each: the courier gets a dot from everyone, the cartridge two. */
const votedMap = (options: { hidden: boolean; revealed: boolean }): VoteMap => {
  const map = voteMap();
  const id = map.vote({ hidden: options.hidden });
  for (let voter = 0; voter < 5; voter++) {
    if (voter > 0) nextVoter(map.doc, id);
    addDot(map.doc, id, map.courier.id);
    if (voter < 2) addDot(map.doc, id, map.cartridge.id);
  }
  if (options.revealed) revealVote(map.doc, id);
  return map;
};

const pictureOf = (map: VoteMap, options: Partial<PosterOptions> = {}): PosterPicture => {
  const result = posterPictureOf(map.doc, map.currentId, {
    ...DEFAULT_POSTER_OPTIONS,
    paper: 'a3',
    dpi: 150,
    ...options,
  });
  if (!result.ok) throw new Error(result.error);
  return result.picture;
};

/** Exports the poster through a shell that keeps what is written; the PNG's bytes. */
const exported = async (map: VoteMap, picture: PosterPicture): Promise<Uint8Array> => {
  const written: Uint8Array[] = [];
  const bridge = {
    beginExport: vi.fn(async () => ({ token: 'token', name: 'Toner poster.png' })),
    writeExport: vi.fn(async (_token: string, bytes: Uint8Array) => {
      written.push(bytes.slice());
      return null;
    }),
    finishExport: vi.fn(async () => ({ name: 'Toner poster.png' })),
    abortExport: vi.fn(async () => undefined),
  } satisfies Pick<JourneywallBridge, 'beginExport' | 'writeExport' | 'finishExport' | 'abortExport'>;
  const outcome = await exportPoster({
    bridge,
    picture,
    map: toMapFile(map.doc),
    suggestedName: 'Toner poster',
    output: { kind: 'poster-png' },
  });
  expect(outcome.status).toBe('saved');
  const png = new Uint8Array(written.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of written) {
    png.set(part, at);
    at += part.length;
  }
  return png;
};

/** The Buffer that pngjs's browser build brings with it (its images' data are of that class). */
const BundledBuffer = new pngjs.PNG({ width: 1, height: 1 }).data.constructor as typeof Buffer;

interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

/** pngjs, an independent decoder, with CRC checks on. */
const decodePng = (png: Uint8Array): Pixels =>
  pngjs.PNG.sync.read(BundledBuffer.from(png), { checkCRC: true });

const BADGE = [1, 3, 5].map((i) => Number.parseInt(DOT_BADGE_FILL.slice(i, i + 2), 16));

/** How many pixels of `rect` pass the test. */
const countIn = (pixels: Pixels, rect: Rect, test: (rgb: readonly number[]) => boolean): number => {
  let count = 0;
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(pixels.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(pixels.height, Math.ceil(rect.y + rect.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * pixels.width + x) * 4;
      if (test([pixels.data[i] ?? 0, pixels.data[i + 1] ?? 0, pixels.data[i + 2] ?? 0])) count++;
    }
  }
  return count;
};

const isBadge = (rgb: readonly number[]) =>
  rgb.every((channel, index) => Math.abs(channel - (BADGE[index] ?? 0)) <= 6);
const isInk = (rgb: readonly number[]) => rgb.every((channel) => channel < 120);
const isPaper = (rgb: readonly number[]) => rgb.every((channel) => channel >= 250);

const wholePage = (pixels: Pixels): Rect => ({ x: 0, y: 0, width: pixels.width, height: pixels.height });

/** The square around a note's badge on the page: its top right corner. */
const badgeSquare = (picture: PosterPicture, noteId: string): Rect => {
  const { scale, offsetX, offsetY } = picture.layout;
  const block = picture.scene.blocks[0];
  const note = block?.layout.notes.find((placed) => placed.id === noteId);
  if (!block || !note) throw new Error(`note ${noteId} is not on the poster`);
  const r = DOT_BADGE_RADIUS * scale;
  const x = (note.x + note.w - 2) * scale + offsetX;
  const y = (note.y + 2 + block.dy) * scale + offsetY;
  return { x: x - r, y: y - r, width: 2 * r, height: 2 * r };
};

describe('a vote on an exported poster', () => {
  it('puts the badge’s colour on the voted notes and fills the results box with text', async () => {
    const map = votedMap({ hidden: true, revealed: true });
    const picture = pictureOf(map);
    const pixels = decodePng(await exported(map, picture));

    for (const note of [map.courier, map.cartridge]) {
      const square = badgeSquare(picture, note.id);
      // A disc fills about 79% of its square; its white count takes a little of that.
      expect(countIn(pixels, square, isBadge), note.text).toBeGreaterThan(0.4 * square.width * square.height);
    }
    expect(countIn(pixels, badgeSquare(picture, map.striped.id), isBadge)).toBe(0);

    const box = picture.layout.results;
    if (!box) throw new Error('no results box');
    expect(countIn(pixels, box, (rgb) => !isPaper(rgb))).toBeGreaterThan(2000);
    expect(countIn(pixels, box, isInk)).toBeGreaterThan(500);
    // The box is beside the map, never over it.
    const { content } = picture.layout;
    const apart =
      box.y >= content.y + content.height ||
      box.x >= content.x + content.width ||
      box.y + box.height <= content.y ||
      box.x + box.width <= content.x;
    expect(apart).toBe(true);
  });

  it('draws no dots and no box for a hidden vote not yet revealed', async () => {
    const map = votedMap({ hidden: true, revealed: false });
    const picture = pictureOf(map);
    expect(picture.layout.results).toBeUndefined();
    const pixels = decodePng(await exported(map, picture));
    expect(countIn(pixels, wholePage(pixels), isBadge)).toBe(0);
  });

  it('draws no dots and no box with the option off', async () => {
    const map = votedMap({ hidden: false, revealed: true });
    const picture = pictureOf(map, { votes: false });
    expect(picture.layout.results).toBeUndefined();
    const pixels = decodePng(await exported(map, picture));
    expect(countIn(pixels, wholePage(pixels), isBadge)).toBe(0);
  });

  it('prints the dots and the box on the office-printer pages too', () => {
    const map = votedMap({ hidden: false, revealed: true });
    const picture = pictureOf(map, { dpi: 100 });
    const plan = planPrintFor(picture, {
      paper: paperById('a4'),
      orientation: 'portrait',
      overlap: 10,
      margin: 10,
    });
    if (!plan.ok) throw new Error(plan.error);
    const { width, height } = plan.tiling.sheet;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D context');
    let badge = 0;
    for (const page of plan.tiling.pages) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      drawPrintSheet(ctx, picture, page, plan.tiling.sheet);
      badge += countIn(ctx.getImageData(0, 0, width, height), { x: 0, y: 0, width, height }, isBadge);
    }
    const r = DOT_BADGE_RADIUS * picture.layout.scale;
    // Two badges, each drawn once or, where pieces overlap, twice.
    expect(badge).toBeGreaterThan(2 * 0.4 * (2 * r) ** 2);
  });
});
