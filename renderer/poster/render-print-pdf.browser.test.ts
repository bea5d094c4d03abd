import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { paperById } from '../../shared/poster/paper.ts';
import { PRINT_MESSAGES } from '../../shared/poster/print-pages.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { textLayouts } from '../drawing/text-layout.ts';
import { DEFAULT_POSTER_OPTIONS } from './poster-options.ts';
import { posterPictureOf } from './poster-picture.ts';
import { RENDER_MESSAGES } from './render-poster.ts';
import { drawPrintSheet, type PrintSheet, planPrintFor, renderPrintPdf } from './render-print-pdf.ts';

beforeAll(async () => {
  await loadFonts();
  textLayouts.clear();
});

const realGetImageData = OffscreenCanvasRenderingContext2D.prototype.getImageData;

afterEach(() => {
  vi.restoreAllMocks();
});

const A4: PrintSheet = { paper: paperById('a4'), orientation: 'portrait', overlap: 10, margin: 10 };

/** A 150 × 200 mm poster: at 600 DPI one A4 sheet of 4961 × 7016 pixels (139 MB as RGBA) holds it. */
const smallPosterAt = (dpi: number) => {
  const map = testMap();
  map.put('Interest', 'Touchpoints', { text: 'Product page', kind: 'touchpoint', color: 'blue' });
  const result = posterPictureOf(map.doc, map.currentId, {
    ...DEFAULT_POSTER_OPTIONS,
    paper: 'custom',
    customWidth: 150,
    customHeight: 200,
    unit: 'mm',
    orientation: 'portrait',
    dpi,
  });
  if (!result.ok) throw new Error(result.error);
  return result.picture;
};

/** Records the pixels of every read-back from an offscreen canvas; `onRead` runs after each. */
const watchReads = (onRead: (count: number) => void = () => undefined) => {
  const reads: number[] = [];
  vi.spyOn(OffscreenCanvasRenderingContext2D.prototype, 'getImageData').mockImplementation(function (
    this: OffscreenCanvasRenderingContext2D,
    ...args: Parameters<OffscreenCanvasRenderingContext2D['getImageData']>
  ) {
    reads.push(args[2] * args[3]);
    const data = realGetImageData.apply(this, args);
    onRead(reads.length);
    return data;
  });
  return reads;
};

const joined = (parts: Uint8Array[]) => {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
};

const inflate = async (data: Uint8Array) =>
  new Uint8Array(
    await new Response(
      new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate')),
    ).arrayBuffer(),
  );

describe('print pages at the finest DPI', () => {
  it('reads each sheet back a band at a time, never whole, and the PDF holds it pixel for pixel', async () => {
    const picture = smallPosterAt(600);
    const plan = planPrintFor(picture, A4);
    if (!plan.ok) throw new Error(plan.error);
    const { width, height } = plan.tiling.sheet;
    expect([width, height, plan.tiling.pages.length]).toEqual([4961, 7016, 1]);

    const reads = watchReads();
    const parts: Uint8Array[] = [];
    expect(await renderPrintPdf({ picture, sheet: A4, onChunk: (bytes) => parts.push(bytes) })).toBe(1);
    vi.restoreAllMocks();
    // A few million pixels at a time, not the sheet's 35 million.
    expect(reads.length).toBeGreaterThan(10);
    expect(Math.max(...reads)).toBeLessThanOrEqual(2_000_000);

    const pdf = joined(parts);
    const text = new TextDecoder('latin1').decode(pdf);
    const head = /\/Width 4961 \/Height 7016 [\s\S]*?\/Length (\d+) >>\nstream\n/.exec(text);
    if (!head) throw new Error('no sheet image in the PDF');
    const start = head.index + head[0].length;
    const rows = await inflate(pdf.subarray(start, start + Number(head[1])));

    const reference = new OffscreenCanvas(width, height);
    const ctx = reference.getContext('2d');
    if (!ctx) throw new Error('no context');
    const page = plan.tiling.pages[0];
    if (!page) throw new Error('no page');
    drawPrintSheet(ctx, picture, page, plan.tiling.sheet);
    const expected = ctx.getImageData(0, 0, width, height).data;
    // Undo the PNG Up predictor row by row, as a PDF reader does, and compare.
    const rowBytes = width * 3;
    expect(rows.length).toBe((rowBytes + 1) * height);
    const previous = new Uint8Array(rowBytes);
    let different = 0;
    for (let y = 0; y < height; y++) {
      const at = y * (rowBytes + 1);
      expect(rows[at]).toBe(2);
      for (let i = 0; i < rowBytes; i++) {
        const value = ((rows[at + 1 + i] as number) + (previous[i] as number)) & 255;
        previous[i] = value;
        const pixel = (y * width + Math.floor(i / 3)) * 4 + (i % 3);
        if (value !== expected[pixel]) different++;
      }
    }
    expect(different).toBe(0);
  }, 120_000);

  it('stops within the sheet when cancelled, without reading the rest back', async () => {
    const controller = new AbortController();
    const reads = watchReads((count) => {
      if (count === 2) controller.abort();
    });
    await expect(
      renderPrintPdf({
        picture: smallPosterAt(600),
        sheet: A4,
        onChunk: () => {},
        signal: controller.signal,
      }),
    ).rejects.toThrow(RENDER_MESSAGES.cancelled);
    expect(reads).toHaveLength(2);
  });

  it('refuses a DPI above 600, saying why', async () => {
    await expect(
      renderPrintPdf({ picture: smallPosterAt(1200), sheet: A4, onChunk: () => {} }),
    ).rejects.toThrow(PRINT_MESSAGES.dpi);
  });
});
