import { beforeAll, describe, it } from 'vitest';
import { realisticMap } from '../../shared/format/test-support/maps.ts';
import { scenariosOf, type JourneyDocument } from '../../shared/model/document.ts';
import { exampleMap } from '../../test/docs/example-map.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { clearTextLayouts } from '../drawing/text-layout.ts';
import { toMapFile } from '../files/map-file.ts';
import type { PosterPicture } from './draw-poster.ts';
import { drawnPixelsOf, estimatePosterBytes } from './poster-estimate.ts';
import { DEFAULT_POSTER_OPTIONS, type PosterOptions } from './poster-options.ts';
import { posterPictureOf } from './poster-picture.ts';
import { renderPosterPng } from './render-poster.ts';
import { zlibSync } from 'fflate';

beforeAll(async () => {
  await loadFonts();
  clearTextLayouts();
});

const currentOf = (doc: JourneyDocument) => scenariosOf(doc).find((s) => s.kind === 'current')?.id ?? '';

const measure = async (picture: PosterPicture, map: string) => {
  let nonWhite = 0;
  let changed = 0;
  let prev: Uint8ClampedArray | null = null;
  const createCanvas = (width: number, height: number) => {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no ctx');
    const original = ctx.getImageData.bind(ctx);
    Object.defineProperty(ctx, 'getImageData', {
      value: (x: number, y: number, w: number, h: number) => {
        const image = original(x, y, w, h);
        const d = image.data;
        const row = w * 4;
        for (let r = 0; r < h; r++) {
          for (let i = r * row; i < (r + 1) * row; i += 4) {
            if (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255) nonWhite++;
            const above = r > 0 ? i - row : -1;
            if (above >= 0) {
              if (d[i] !== d[above] || d[i + 1] !== d[above + 1] || d[i + 2] !== d[above + 2]) changed++;
            } else if (prev) {
              const j = prev.length - row + (i - r * row);
              if (d[i] !== prev[j] || d[i + 1] !== prev[j + 1] || d[i + 2] !== prev[j + 2]) changed++;
            }
          }
        }
        prev = d.slice(d.length - row);
        return image;
      },
    });
    return canvas;
  };
  const summary = await renderPosterPng({
    picture,
    map,
    onChunk: () => {},
    createCanvas,
    tiles: { maxTileWidth: 16384, maxTileHeight: 1024, maxBandBytes: 16384 * 1024 * 4 },
  });
  return { bytes: summary.bytes, nonWhite, changed };
};

describe('explore', () => {
  it('prints', async () => {
    const example = exampleMap();
    const dense = realisticMap(400, { seed: 5, inCells: 1 });
    const maps = [
      { name: 'example', doc: example },
      { name: 'dense400', doc: dense },
    ];
    const configs: [string, Partial<PosterOptions>][] = [
      ['A4@150', { paper: 'a4', dpi: 150 }],
      ['A4@300', { paper: 'a4', dpi: 300 }],
      ['A1@150', { paper: 'a1', dpi: 150 }],
      ['A1@150 bare', { paper: 'a1', dpi: 150, titleBlock: false, legend: false }],
      ['A1@150 stacked', { paper: 'a1', dpi: 150, content: 'stacked' }],
      ['A2@300', { paper: 'a2', dpi: 300 }],
      ['A2@300 stacked bare', { paper: 'a2', dpi: 300, content: 'stacked', titleBlock: false, legend: false }],
      ['A3@72', { paper: 'a3', dpi: 72 }],
    ];
    const lines: string[] = [];
    for (const { name, doc } of maps) {
      const text = toMapFile(doc, Date.UTC(2026, 10, 28));
      const embedded = zlibSync(new TextEncoder().encode(text), { level: 9 }).length;
      for (const [label, options] of configs) {
        const result = posterPictureOf(doc, currentOf(doc), { ...DEFAULT_POSTER_OPTIONS, ...options }, Date.UTC(2026, 10, 28));
        if (!result.ok) throw new Error(result.error);
        const picture = result.picture;
        const started = performance.now();
        const m = await measure(picture, text);
        const ms = performance.now() - started;
        const estimate = estimatePosterBytes(picture, embedded);
        const px = picture.layout.page.width * picture.layout.page.height;
        lines.push(
          [
            name,
            label,
            px,
            picture.layout.scale.toFixed(3),
            m.bytes,
            embedded,
            estimate,
            (estimate / m.bytes).toFixed(2),
            Math.round(drawnPixelsOf(picture)),
            m.nonWhite,
            m.changed,
            Math.round(ms),
          ].join('\t'),
        );
      }
    }
    console.info(`map\tconfig\tpx\tscale\treal\tembedded\testimate\tratio\tdrawnEst\tnonWhite\tchanged\tms\n${lines.join('\n')}`);
  }, 300_000);
});
