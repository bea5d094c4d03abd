/**
 * Draws any rectangle of a poster onto a 2D context: white paper, the title block, the legend
 * and the map. The map is drawn by the board's own functions (drawGrid, drawNote) through a
 * transform from board units to page pixels, so the poster looks like the board and its text is
 * rasterised at the print resolution, never scaled up from a screen-sized bitmap. The exporter
 * calls this once per tile, the dialog's preview once for the whole page at a small scale.
 */
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { NOTE_KINDS, type NoteKind } from '../../shared/model/journey-records.ts';
import { NOTE_INK, NOTE_PALETTE } from '../../shared/model/palette.ts';
import type { PosterLayout, Rect } from '../../shared/poster/layout.ts';
import {
  VOTE_BOX,
  type VoteBoxSection,
  voteBoxFrameHeight,
  voteBoxGrid,
  voteBoxLines,
} from '../../shared/poster/vote-box.ts';
import { font } from '../drawing/font.ts';
import { drawGrid, GRID_COLORS } from '../drawing/grid.ts';
import { drawNote, noteDetail } from '../drawing/note.ts';
import { BOARD_TEXT } from '../drawing/text-sizing.ts';
import {
  drawKindSample,
  GLYPH_NAMES,
  KIND_SAMPLE_SIZE,
  MARK_SAMPLES,
  type MarkSample,
} from '../legend/legend-samples.ts';
import { HEADING_SIZE, type PosterScene } from './poster-scene.ts';

export interface TitleBlock {
  readonly name: string;
  readonly subtitle: string;
  readonly persona: string | null;
  readonly scenario: string;
  readonly date: string;
}

export interface PosterPicture {
  readonly layout: PosterLayout;
  readonly scene: PosterScene;
  /** Drawn in layout.title when both are there. */
  readonly title: TitleBlock | null;
  /** The results of the votes whose dots are on the notes, drawn in layout.results. */
  readonly votes: readonly VoteBoxSection[];
}

export const PAPER = '#FFFFFF';

/** Millimetres: grid lines on paper are as wide as 1.5 screen pixels at 100% (a 150 DPI pixel). */
const LINE_PIXEL_MM = 25.4 / 150;
/** Board units around a note that it may draw into (shadow, conflict frame, WOW badge). */
const NOTE_OVERHANG = 30;

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Draws the part of the poster inside `region` (page pixels). The context's transform must map
 * page pixels to its canvas; `resolution` is canvas pixels per page pixel (1 when exporting),
 * which decides how much detail small notes get, as zoom does on the board.
 */
export const drawPosterRegion = (
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  picture: PosterPicture,
  region: Rect,
  resolution = 1,
): void => {
  // The board's functions take the DOM context type; an OffscreenCanvas context draws the same.
  const context = ctx as CanvasRenderingContext2D;
  const { layout } = picture;
  context.save();
  context.fillStyle = PAPER;
  context.fillRect(region.x, region.y, region.width, region.height);
  if (picture.title && layout.title && overlaps(layout.title, region)) {
    drawTitleBlock(context, layout.title, picture.title, layout.dpi);
  }
  if (layout.legend && overlaps(layout.legend, region)) drawLegend(context, layout.legend);
  if (layout.results && overlaps(layout.results, region)) drawVoteBox(context, layout.results, picture.votes);
  if (overlaps(layout.content, region)) drawMap(context, picture, region, resolution);
  context.restore();
};

const drawMap = (ctx: CanvasRenderingContext2D, picture: PosterPicture, region: Rect, resolution: number) => {
  const { layout, scene } = picture;
  const { scale, offsetX, offsetY } = layout;
  ctx.save();
  ctx.transform(scale, 0, 0, scale, offsetX, offsetY);
  const pixel = (layout.dpi * LINE_PIXEL_MM) / 25.4 / scale;
  const view = {
    x: (region.x - offsetX) / scale - NOTE_OVERHANG,
    y: (region.y - offsetY) / scale - NOTE_OVERHANG,
    width: region.width / scale + 2 * NOTE_OVERHANG,
    height: region.height / scale + 2 * NOTE_OVERHANG,
  };
  for (const block of scene.blocks) {
    if (block.heading) {
      ctx.fillStyle = NOTE_INK;
      ctx.font = font(HEADING_SIZE, 700);
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(block.heading.text, block.heading.x, block.heading.y);
    }
    ctx.save();
    ctx.translate(0, block.dy);
    drawGrid(ctx, {
      layout: block.layout,
      showCategories: scene.showCategories,
      connectedType: scene.connectedType,
      scenario: block.scenario,
      lowEmotion: scene.lowEmotion,
      pixel,
    });
    const blockView = { ...view, y: view.y - block.dy };
    for (const note of block.layout.notes) {
      if (!overlaps({ x: note.x, y: note.y, width: note.w, height: note.h }, blockView)) continue;
      drawNote(ctx, note, noteDetail(note.h * scale * resolution), BOARD_TEXT, block.dots.get(note.id) ?? 0);
    }
    ctx.restore();
  }
  ctx.restore();
};

const drawTitleBlock = (ctx: CanvasRenderingContext2D, rect: Rect, title: TitleBlock, dpi: number) => {
  const h = rect.height;
  const meta = [
    title.persona ? `Persona: ${title.persona}` : null,
    `Scenario: ${title.scenario}`,
    title.date,
  ].filter((part) => part !== null);
  const lines: { text: string; size: number; weight: 400 | 700; color: string }[] = [
    { text: title.name, size: h * 0.36, weight: 700, color: NOTE_INK },
    ...(title.subtitle.trim()
      ? [{ text: title.subtitle.trim(), size: h * 0.2, weight: 400 as const, color: NOTE_INK }]
      : []),
    { text: meta.join('  ·  '), size: h * 0.17, weight: 400, color: GRID_COLORS.muted },
  ];
  const gap = h * 0.06;
  const rule = Math.max(1, (dpi * 0.5) / 25.4);
  const used = lines.reduce((sum, line) => sum + line.size * 1.15, 0) + gap * (lines.length - 1);
  let y = rect.y + Math.max(0, (h - rule - used) / 2);
  ctx.save();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  for (const line of lines) {
    ctx.fillStyle = line.color;
    ctx.font = font(line.size, line.weight);
    ctx.fillText(line.text, rect.x, y, rect.width);
    y += line.size * 1.15 + gap;
  }
  ctx.fillStyle = GRID_COLORS.line;
  ctx.fillRect(rect.x, rect.y + h - rule, rect.width, rule);
  ctx.restore();
};

interface LegendItem {
  readonly label: string;
  readonly look: string;
  readonly size: { readonly w: number; readonly h: number };
  readonly draw: (ctx: CanvasRenderingContext2D) => void;
}

/** Short words for the marks; the side panel's longer descriptions do not fit a poster strip. */
const MARK_LOOKS: Readonly<Record<MarkSample['id'], string>> = {
  stamp: 'Red WOW: a moment that stands out',
  footer: 'Channel; Effortless, Productive, Painless 1–5 (Eff., Prod., Painl.)',
  'breakdown-edge': 'A breakdown point',
  conflict: 'A merge conflict still to resolve',
};

const LEGEND_ITEMS: readonly LegendItem[] = [
  ...NOTE_KINDS.map(
    (kind: NoteKind): LegendItem => ({
      label: KIND_STYLES[kind].label,
      look: `${NOTE_PALETTE[KIND_STYLES[kind].color].label}, ${GLYPH_NAMES[kind]}`,
      size: KIND_SAMPLE_SIZE,
      draw: (ctx) => drawKindSample(ctx, kind),
    }),
  ),
  ...MARK_SAMPLES.map(
    (sample): LegendItem => ({
      label: sample.label,
      look: MARK_LOOKS[sample.id],
      size: sample,
      draw: (ctx) => drawNote(ctx, sample.note, 'full'),
    }),
  ),
];

/** An item is a sample 2.2 units wide and 1 high, then its words; rows are 1.3 apart. */
const ITEM = { sample: 2.2, words: 6, gap: 0.4, row: 1.35 } as const;
const ITEM_WIDTH = ITEM.sample + ITEM.gap + ITEM.words + ITEM.gap * 2;

/** The largest item height at which every item fits the rect, over every number of rows. */
const legendGrid = (rect: Rect, count: number) => {
  let best = { rows: 1, columns: count, unit: 0 };
  for (let rows = 1; rows <= count; rows++) {
    const columns = Math.ceil(count / rows);
    const unit = Math.min(rect.height / (rows * ITEM.row), rect.width / (columns * ITEM_WIDTH));
    if (unit > best.unit) best = { rows, columns, unit };
  }
  return best;
};

const drawLegend = (ctx: CanvasRenderingContext2D, rect: Rect) => {
  const { rows, columns, unit } = legendGrid(rect, LEGEND_ITEMS.length);
  const left = rect.x + (rect.width - columns * ITEM_WIDTH * unit) / 2;
  const top = rect.y + (rect.height - rows * ITEM.row * unit) / 2 + (ITEM.row - 1) * unit * 0.5;
  LEGEND_ITEMS.forEach((item, index) => {
    const x = left + (index % columns) * ITEM_WIDTH * unit;
    const y = top + Math.floor(index / columns) * ITEM.row * unit;
    const fit = Math.min((ITEM.sample * unit) / item.size.w, unit / item.size.h);
    ctx.save();
    ctx.translate(x + (ITEM.sample * unit - item.size.w * fit) / 2, y + (unit - item.size.h * fit) / 2);
    ctx.scale(fit, fit);
    item.draw(ctx);
    ctx.restore();
    const wordsX = x + (ITEM.sample + ITEM.gap) * unit;
    const wordsWidth = ITEM.words * unit;
    ctx.save();
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillStyle = NOTE_INK;
    ctx.font = font(unit * 0.36, 700);
    ctx.fillText(item.label, wordsX, y + unit * 0.08, wordsWidth);
    ctx.fillStyle = GRID_COLORS.muted;
    ctx.font = font(unit * 0.28, 400);
    ctx.fillText(item.look, wordsX, y + unit * 0.56, wordsWidth);
    ctx.restore();
  });
};

const VOTE_BOX_STYLES = {
  question: { weight: 700, color: NOTE_INK },
  facts: { weight: 400, color: GRID_COLORS.muted },
  row: { weight: 400, color: NOTE_INK },
} as const;

/**
 * The votes' results in a framed box, line after line down each column: every vote's question,
 * who voted, then its top notes ranked.
 */
const drawVoteBox = (ctx: CanvasRenderingContext2D, rect: Rect, votes: readonly VoteBoxSection[]) => {
  const grid = voteBoxGrid(rect.width, rect.height);
  const { text, columnWidth, rowsPerColumn } = grid;
  const pad = VOTE_BOX.padding * text;
  const inset = pad / 2;
  const lines = voteBoxLines(votes, grid.columns * rowsPerColumn);
  const height = voteBoxFrameHeight(grid, lines.length, rect.height);
  ctx.save();
  ctx.strokeStyle = GRID_COLORS.line;
  ctx.lineWidth = Math.max(1, text * 0.08);
  ctx.strokeRect(rect.x + inset, rect.y + inset, rect.width - 2 * inset, height - 2 * inset);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  lines.forEach((line, index) => {
    const column = Math.floor(index / rowsPerColumn);
    const x = rect.x + column * columnWidth + pad;
    const y = rect.y + pad + (index % rowsPerColumn) * VOTE_BOX.lineHeight * text;
    const style = VOTE_BOX_STYLES[line.style];
    ctx.fillStyle = style.color;
    ctx.font = font(text, style.weight);
    ctx.fillText(line.text, x, y, columnWidth - 2 * pad);
  });
  ctx.restore();
};
