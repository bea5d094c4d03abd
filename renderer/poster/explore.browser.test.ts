import { zlibSync } from 'fflate';
import { beforeAll, describe, it } from 'vitest';
import { realisticMap } from '../../shared/format/test-support/maps.ts';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { type JourneyDocument, scenariosOf } from '../../shared/model/document.ts';
import { createPngStream } from '../../shared/poster/png-stream.ts';
import { exampleMap } from '../../test/docs/example-map.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { FOOTER_HEIGHT, GLYPH_SIZE, hasFooter } from '../drawing/note-marks.ts';
import { noteDetail } from '../drawing/note.ts';
import { clearTextLayouts, headerTextLayout, noteTextLayout } from '../drawing/text-layout.ts';
import { toMapFile } from '../files/map-file.ts';
import type { PosterPicture } from './draw-poster.ts';
import { DEFAULT_POSTER_OPTIONS, type PosterOptions } from './poster-options.ts';
import { posterPictureOf } from './poster-picture.ts';
import { renderPosterPng } from './render-poster.ts';

beforeAll(async () => {
  await loadFonts();
  clearTextLayouts();
});

const currentOf = (doc: JourneyDocument) => scenariosOf(doc).find((s) => s.kind === 'current')?.id ?? '';

const blankBytes = async (width: number, height: number) => {
  let bytes = 0;
  const stream = createPngStream({ width, height, dpi: 150, engine: 'native', onChunk: (c) => (bytes += c.length) });
  const rows = Math.max(1, Math.floor(4_000_000 / width));
  const white = new Uint8Array(width * rows * 4).fill(255);
  for (let y = 0; y < height; y += rows) {
    await stream.pushRows(white.subarray(0, Math.min(rows, height - y) * width * 4));
  }
  // uniform is fine here
  return (await stream.finish(), bytes);
};

const bytesOf = async (picture: PosterPicture) => {
  try {
    const s = await renderPosterPng({ picture, map: '', onChunk: () => {} });
    return s.bytes;
  } catch {
    return 0;
  }
};

const features = (picture: PosterPicture) => {
  const { scale } = picture.layout;
  const f: Record<string, number> = {
    nFull: 0,
    nSketch: 0,
    nBlock: 0,
    perimFull: 0,
    perimOther: 0,
    areaNotes: 0,
    chars: 0,
    cf: 0,
    cf2: 0,
    lines: 0,
    linesF: 0,
    footerCF: 0,
    glyphs: 0,
    sketchBars: 0,
    headerCF: 0,
    headerCF2: 0,
    gridLines: 0,
    gridArea: 0,
  };
  for (const block of picture.scene.blocks) {
    for (const note of block.layout.notes) {
      const detail = noteDetail(note.h * scale);
      f.areaNotes += note.w * note.h * scale * scale;
      if (detail === 'block') {
        f.nBlock++;
        f.perimOther += 2 * (note.w + note.h) * scale;
        continue;
      }
      if (detail === 'sketch') {
        f.nSketch++;
        f.perimOther += 2 * (note.w + note.h) * scale;
        f.sketchBars += Math.min(3, Math.ceil(note.text.length / 24)) * (note.w - 24) * scale;
        continue;
      }
      f.nFull++;
      f.perimFull += 2 * (note.w + note.h) * scale;
      const layout = noteTextLayout({
        text: note.kind === 'quote' ? `\u201C${note.text}\u201D` : note.text,
        w: note.kind === 'note' ? note.w : note.w - GLYPH_SIZE - 4,
        h: hasFooter(note) ? note.h - FOOTER_HEIGHT : note.h,
      });
      const F = layout.fontSize * scale;
      for (const line of layout.lines) {
        f.chars += line.length;
        f.cf += line.length * F;
        f.cf2 += line.length * F * F;
        f.lines++;
        f.linesF += F;
      }
      if (hasFooter(note)) f.footerCF += 20 * 13 * scale;
      if (note.kind !== 'note') f.glyphs += GLYPH_SIZE * scale;
    }
    const { layout } = block;
    for (const column of layout.stages) {
      const h = headerTextLayout(column.stage.name, column.w - 24, GRID.headerHeight - 20);
      for (const line of h.lines) {
        f.headerCF += line.length * h.fontSize * scale;
        f.headerCF2 += line.length * (h.fontSize * scale) ** 2;
      }
    }
    for (const row of layout.lanes) {
      const h = headerTextLayout(row.lane.name, GRID.laneHeaderWidth - 32, Math.min(row.h - 24, 96));
      for (const line of h.lines) {
        f.headerCF += line.length * h.fontSize * scale;
        f.headerCF2 += line.length * (h.fontSize * scale) ** 2;
      }
    }
    const w = layout.width + GRID.laneHeaderWidth;
    const hh = layout.height + GRID.headerHeight;
    f.gridLines += ((layout.stages.length + 2) * hh + (layout.lanes.length + 2) * w) * scale;
    f.gridArea += w * hh * scale * scale;
  }
  return f;
};

describe('explore', () => {
  it('prints', async () => {
    const maps = [
      { name: 'example', doc: exampleMap() },
      { name: 'dense400', doc: realisticMap(400, { seed: 5, inCells: 1 }) },
      { name: 'dense150', doc: realisticMap(150, { seed: 3, inCells: 1 }) },
    ];
    const configs: [string, Partial<PosterOptions>][] = [];
    for (const [paper, dpi] of [
      ['a4', 72],
      ['a4', 150],
      ['a4', 300],
      ['a3', 150],
      ['a2', 150],
      ['a2', 300],
      ['a1', 150],
      ['a1', 300],
      ['a0', 150],
    ] as const) {
      configs.push([`${paper}@${dpi}`, { paper, dpi }]);
      configs.push([`${paper}@${dpi} stacked bare`, { paper, dpi, content: 'stacked', titleBlock: false, legend: false }]);
    }
    const out: string[] = [];
    const blanks = new Map<string, number>();
    for (const { name, doc } of maps) {
      const text = toMapFile(doc, Date.UTC(2026, 10, 28));
      const embedded = zlibSync(new TextEncoder().encode(text), { level: 9 }).length;
      for (const [label, options] of configs) {
        const full = { ...DEFAULT_POSTER_OPTIONS, ...options };
        const result = posterPictureOf(doc, currentOf(doc), full, Date.UTC(2026, 10, 28));
        if (!result.ok) throw new Error(result.error);
        const picture = result.picture;
        const bareResult = posterPictureOf(doc, currentOf(doc), { ...full, titleBlock: false, legend: false }, Date.UTC(2026, 10, 28));
        if (!bareResult.ok) throw new Error(bareResult.error);
        const bare = bareResult.picture;
        const { width, height } = picture.layout.page;
        const key = `${width}x${height}`;
        if (!blanks.has(key)) blanks.set(key, await blankBytes(width, height));
        const gridOnly: PosterPicture = {
          ...bare,
          scene: { ...bare.scene, blocks: bare.scene.blocks.map((b) => ({ ...b, layout: { ...b.layout, notes: [] } })) },
        };
        const notesOnly: PosterPicture = {
          ...bare,
          scene: {
            ...bare.scene,
            blocks: bare.scene.blocks.map((b) => ({ ...b, heading: null, layout: { ...b.layout, stages: [], lanes: [] } })),
          },
        };
        const row = {
          map: name,
          label,
          dpi: picture.layout.dpi,
          px: width * height,
          width,
          height,
          scale: picture.layout.scale,
          embedded,
          blank: blanks.get(key),
          full: await bytesOf(picture),
          bare: await bytesOf(bare),
          grid: await bytesOf(gridOnly),
          notes: await bytesOf(notesOnly),
          title: picture.layout.title,
          legend: picture.layout.legend,
          f: features(picture),
        };
        out.push(JSON.stringify(row));
      }
    }
    console.info(`DATA\n${out.join('\n')}\nEND`);
  }, 600_000);
});
