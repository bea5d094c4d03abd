/**
 * What the dialog says about the file before it is made: its pixel size, its size on paper and
 * an estimate of its bytes (shared/poster/file-size.ts). A poster's PNG is mostly flat colour
 * that compresses to almost nothing; its bytes come from text and from the edges of what is drawn.
 * So the estimate walks the picture as draw-poster.ts draws it, without drawing: every line of
 * text (its characters and size on the page, from the same text layouts the drawing uses) and
 * the outlines of notes, headers, rules and marks. Checked against real exports of real maps in
 * poster-estimate.browser.test.ts; keep the walk in step with the drawing code.
 */

import { GRID } from '../../shared/journey/grid-geometry.ts';
import type { StageColumn } from '../../shared/journey/layout.ts';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { NOTE_KINDS } from '../../shared/model/journey-records.ts';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { estimatePngBytes, type PosterInk, textUnits } from '../../shared/poster/file-size.ts';
import type { Rect } from '../../shared/poster/layout.ts';
import { MM_PER_INCH } from '../../shared/poster/paper.ts';
import {
  type VoteBoxSection,
  voteBoxFrameHeight,
  voteBoxGrid,
  voteBoxLines,
} from '../../shared/poster/vote-box.ts';
import { DOT_BADGE_RADIUS } from '../drawing/dot-badge-style.ts';
import { CATEGORY_COLORS } from '../drawing/grid.ts';
import { noteDetail, noteTextBox } from '../drawing/note.ts';
import { footerText, GLYPH_SIZE, hasFooter } from '../drawing/note-marks.ts';
import { NOTE_PADDING, textLayouts } from '../drawing/text-layout.ts';
import { GLYPH_NAMES, MARK_SAMPLES } from '../legend/legend-samples.ts';
import type { PosterPicture, TitleBlock } from './draw-poster.ts';
import { HEADING_SIZE, type SceneBlock } from './poster-scene.ts';

/** Sums what is drawn: lines of text (characters at a size in page pixels) and outlines. */
class Ink {
  text = 0;
  edges = 0;
  private readonly shapes = new Set<string>();
  addText(characters: number, fontPixels: number): void {
    this.text += textUnits(characters, fontPixels);
  }
  /** A shape's outline, unless the same shape was already drawn on the same rows (see noteInk). */
  addShape(key: string, outline: number): void {
    if (this.shapes.has(key)) return;
    this.shapes.add(key);
    this.edges += outline;
  }
  addBox(width: number, height: number): void {
    this.edges += 2 * (Math.abs(width) + Math.abs(height));
  }
}

const fraction = (value: number) => value - Math.floor(value);

/** The text and outlines of a picture: with its page size, what its PNG's bytes depend on. */
export const posterInkOf = ({ layout, scene, title, votes }: PosterPicture): PosterInk => {
  const ink = new Ink();
  const s = layout.scale;
  for (const block of scene.blocks) {
    if (block.heading) ink.addText(block.heading.text.length, HEADING_SIZE * s);
    gridInk(ink, block, scene.showCategories, scene.connectedType !== null, s);
    for (const note of block.layout.notes) {
      noteInk(ink, note, s, fraction(note.x * s + layout.offsetX), (note.y + block.dy) * s + layout.offsetY);
      badgeInk(ink, block.dots.get(note.id) ?? 0, noteDetail(note.h * s) !== 'block', s);
    }
  }
  if (title && layout.title) titleInk(ink, layout.title, title, layout.dpi);
  if (layout.legend) legendInk(ink, layout.legend);
  if (layout.results) voteBoxInk(ink, layout.results, votes);
  return { text: ink.text, edges: ink.edges };
};

/** As drawGrid (renderer/drawing/grid.ts) draws it. */
const gridInk = (ink: Ink, block: SceneBlock, categories: boolean, continuum: boolean, s: number) => {
  const { stages, lanes } = block.layout;
  if (stages.length === 0 && lanes.length === 0) return;
  const width = Math.max(block.layout.width, GRID.minStageWidth);
  const height = Math.max(block.layout.height, GRID.minLaneHeight);
  // Lane header column; the rules between stages and lanes.
  ink.addBox(GRID.laneHeaderWidth * s, (GRID.headerHeight + height) * s);
  ink.edges += (lanes.length + 2) * (GRID.laneHeaderWidth + width) * s;
  ink.edges += (stages.length + 2) * (GRID.headerHeight + height) * s;
  if (categories) categoryInk(ink, stages, s);
  else if (continuum) {
    // The connected-experience band: four steps' names, about 48 characters, and the end's.
    ink.addBox(width * s, GRID.categoryHeight * s);
    ink.addText(48, 18 * s);
    ink.addText(20, 16 * s);
  }
  for (const { stage, w } of stages) {
    ink.addBox(w * s, 6 * s);
    const text = textLayouts.header(stage.name, w - 24, GRID.headerHeight - 20);
    for (const line of text.lines) ink.addText(line.length, text.fontSize * s);
  }
  for (const { lane, h } of lanes) {
    if (lane.color) ink.addBox(10 * s, h * s);
    const text = textLayouts.header(lane.name, GRID.laneHeaderWidth - 32, Math.min(h - 24, 96));
    for (const line of text.lines) ink.addText(line.length, text.fontSize * s);
  }
  const emotion = lanes.find((row) => row.lane.role === 'emotion');
  if (emotion) {
    // The dashed baseline, the curve, a dot and a score per stage.
    ink.edges += 2 * width * s;
    ink.addBox(width * s, (emotion.h / 2) * s);
    for (const { stage } of stages) {
      if (block.scenario.emotions[stage.id] === undefined) continue;
      ink.addBox(18 * s, 18 * s);
      ink.addText(2, 15 * s);
    }
  }
};

const categoryInk = (ink: Ink, stages: readonly StageColumn[], s: number) => {
  for (let index = 0; index < stages.length; ) {
    const first = stages[index] as StageColumn;
    let last = first;
    while (stages[index + 1]?.stage.category === first.stage.category) last = stages[++index] ?? last;
    index++;
    const category = first.stage.category;
    if (!category) continue;
    ink.addBox((last.x + last.w - first.x) * s, GRID.categoryHeight * s);
    ink.addText(CATEGORY_COLORS[category].label.length, 16 * s);
  }
};

/** As drawNote (renderer/drawing/note.ts) draws it at the detail its size on the page gets. */
const noteInk = (ink: Ink, note: NoteRecord, s: number, phaseX: number, pageY: number) => {
  const detail = noteDetail(note.h * s);
  // The same shape on the same rows at the same sub-pixel offset comes out as the same pixels
  // (notes side by side in a row of cells, when the scale is a round number), which deflate
  // stores as a back-reference: only the first one counts.
  const at = `${Math.round(pageY * 8)} ${Math.round(phaseX * 8) % 8} ${note.color}`;
  // Shadow and fill; the top edge strip, a breakdown point's teeth, a conflict's frame.
  let outline = 2 * (note.w + note.h) * s;
  if (detail !== 'block') {
    outline += 2 * note.w * s;
    if (note.kind === 'breakdown') outline += 2 * note.w * s;
    if (note.conflictOf) outline += 4 * (note.w + note.h) * s;
    if (detail === 'full' && hasFooter(note)) outline += 2 * note.w * s;
  }
  ink.addShape(
    `${at} ${detail} ${note.w} ${note.h} ${note.kind === 'breakdown'} ${note.conflictOf ? 1 : 0}`,
    outline,
  );
  if (detail === 'sketch' && note.text.trim() !== '') {
    const bars = Math.min(3, Math.ceil(note.text.length / 24));
    const width = note.w - 2 * NOTE_PADDING;
    for (let bar = 0; bar < bars; bar++) {
      const barWidth = bar === bars - 1 && bars > 1 ? width * 0.6 : width;
      ink.addShape(`${at} bar ${bar} ${barWidth}`, 2 * (barWidth + 12) * s);
    }
  }
  if (detail !== 'full') return;
  const text = textLayouts.note(noteTextBox(note));
  for (const line of text.lines) ink.addText(line.length, text.fontSize * s);
  // The kind's glyph, about one bold character of its size; a WOW badge; the footer's words.
  if (note.kind !== 'note') ink.addText(1, GLYPH_SIZE * s);
  if (note.wow && note.kind === 'touchpoint') ink.addText(4, 20 * s);
  if (hasFooter(note)) ink.addText(footerText(note, false).length, 13 * s);
};

/** As drawDotBadge (renderer/drawing/dot-badge.ts) draws a note's dots: a ringed disc and its count. */
const badgeInk = (ink: Ink, dots: number, withCount: boolean, s: number) => {
  if (dots <= 0) return;
  ink.edges += 4 * Math.PI * DOT_BADGE_RADIUS * s;
  if (withCount) ink.addText(String(dots).length, 16 * s);
};

/** As draw-poster.ts draws the vote results box: its frame and the lines that fit. */
const voteBoxInk = (ink: Ink, rect: Rect, votes: readonly VoteBoxSection[]) => {
  const grid = voteBoxGrid(rect.width, rect.height);
  const lines = voteBoxLines(votes, grid.columns * grid.rowsPerColumn);
  ink.addBox(rect.width, voteBoxFrameHeight(grid, lines.length, rect.height));
  for (const line of lines) ink.addText(line.text.length, grid.text);
};

/** As draw-poster.ts draws the title block: the name, the subtitle, the facts line and a rule. */
const titleInk = (ink: Ink, rect: Rect, title: TitleBlock, dpi: number) => {
  const h = rect.height;
  ink.addText(title.name.length, h * 0.36);
  ink.addText(title.subtitle.trim().length, h * 0.2);
  const facts = [
    title.persona ? `Persona: ${title.persona}` : null,
    `Scenario: ${title.scenario}`,
    title.date,
  ];
  ink.addText(facts.filter((part) => part !== null).join('  ·  ').length, h * 0.17);
  ink.addBox(rect.width, Math.max(1, (dpi * 0.5) / 25.4));
};

/** The legend's items, laid out as draw-poster.ts lays them out (same item proportions). */
const ITEM = { sample: 2.2, words: 6, gap: 0.4, row: 1.35 } as const;
const ITEM_WIDTH = ITEM.sample + ITEM.gap + ITEM.words + ITEM.gap * 2;
const LEGEND_WORDS = [
  ...NOTE_KINDS.map((kind) => {
    const { label, color } = KIND_STYLES[kind];
    return [label.length, `${NOTE_PALETTE[color].label}, ${GLYPH_NAMES[kind]}`.length] as const;
  }),
  // The marks' descriptions on the poster are about 40 characters.
  ...MARK_SAMPLES.map((sample) => [sample.label.length, 40] as const),
];

const legendInk = (ink: Ink, rect: Rect) => {
  const count = LEGEND_WORDS.length;
  let unit = 0;
  for (let rows = 1; rows <= count; rows++) {
    const columns = Math.ceil(count / rows);
    unit = Math.max(unit, Math.min(rect.height / (rows * ITEM.row), rect.width / (columns * ITEM_WIDTH)));
  }
  for (const [label, look] of LEGEND_WORDS) {
    // The sample: a small note with its glyph; then the label and what the mark looks like.
    ink.addBox(ITEM.sample * unit, unit);
    ink.addText(1, unit * 0.5);
    ink.addText(label, unit * 0.36);
    ink.addText(look, unit * 0.28);
  }
};

export const estimatePosterBytes = (picture: PosterPicture, embeddedBytes: number): number =>
  estimatePngBytes({
    width: picture.layout.page.width,
    height: picture.layout.page.height,
    ink: posterInkOf(picture),
    embeddedBytes,
  });

/** "59.4 × 84.1 cm" or "24 × 36 in", from the pixels and the DPI (exact for what is printed). */
export const printedSize = (picture: PosterPicture, unit: 'mm' | 'in'): string => {
  const { page, dpi } = picture.layout;
  if (unit === 'in') {
    const inches = (pixels: number) => Math.round((pixels / dpi) * 10) / 10;
    return `${inches(page.width)} × ${inches(page.height)} in`;
  }
  const cm = (pixels: number) => Math.round((((pixels / dpi) * MM_PER_INCH) / 10) * 10) / 10;
  return `${cm(page.width)} × ${cm(page.height)} cm`;
};
