import { NOTE_INK, NOTE_PALETTE } from '../../shared/model/palette.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { drawDotBadge } from './dot-badge.ts';
import { font } from './font.ts';
import {
  drawNoteMarks,
  footerHeight,
  footerText,
  GLYPH_SIZE,
  glyphFontSize,
  hasFooter,
} from './note-marks.ts';
import { NOTE_PADDING, textLayouts } from './text-layout.ts';
import { BOARD_TEXT, drawsText, MARK_FONT_SIZES, type TextSizing } from './text-sizing.ts';

/**
 * How much detail a note gets, from its size on screen (or on paper): far out, the board draws
 * plain coloured blocks, which is what the eye sees anyway and keeps 5,000 notes cheap.
 */
export type NoteDetail = 'block' | 'sketch' | 'full';

export const noteDetail = (heightOnScreen: number): NoteDetail => {
  if (heightOnScreen < 14) return 'block';
  if (heightOnScreen < 44) return 'sketch';
  return 'full';
};

/**
 * Draws one note in board units on a context already transformed to the board. The board, the
 * poster exporter and present mode all draw notes with this function, so they look alike;
 * present mode passes its own text sizing (see TextSizing). `dots`: the note's dots in a vote,
 * drawn as a badge; `open`: it can get a dot now (see drawDotBadge).
 */
export const drawNote = (
  ctx: CanvasRenderingContext2D,
  note: NoteRecord,
  detail: NoteDetail,
  sizing: TextSizing = BOARD_TEXT,
  dots = 0,
  open = false,
): void => {
  drawNoteBody(ctx, note, detail, sizing);
  drawDotBadge(ctx, note, dots, detail !== 'block', open);
};

const drawNoteBody = (
  ctx: CanvasRenderingContext2D,
  note: NoteRecord,
  detail: NoteDetail,
  sizing: TextSizing,
): void => {
  const palette = NOTE_PALETTE[note.color];
  ctx.fillStyle = palette.fill;
  if (detail === 'block') {
    ctx.fillRect(note.x, note.y, note.w, note.h);
    return;
  }
  ctx.fillStyle = 'rgba(0,0,0,0.10)';
  ctx.fillRect(note.x + 2, note.y + 3, note.w, note.h);
  ctx.fillStyle = palette.fill;
  ctx.fillRect(note.x, note.y, note.w, note.h);
  ctx.fillStyle = palette.edge;
  ctx.fillRect(note.x, note.y, note.w, 4);
  if (note.conflictOf) drawConflictMark(ctx, note);
  if (note.kind === 'breakdown') drawBreakdownEdge(ctx, note);
  if (detail === 'sketch') {
    drawTextSketch(ctx, note);
    return;
  }
  drawNoteText(ctx, note, sizing);
  drawNoteMarks(ctx, note, sizing);
};

/** A breakdown point's jagged bottom edge: its shape says "broken" even in black and white. */
const drawBreakdownEdge = (ctx: CanvasRenderingContext2D, note: NoteRecord): void => {
  ctx.save();
  ctx.fillStyle = NOTE_PALETTE[note.color].edge;
  ctx.beginPath();
  const teeth = Math.max(4, Math.round(note.w / 20));
  const step = note.w / teeth;
  ctx.moveTo(note.x, note.y + note.h);
  for (let tooth = 0; tooth < teeth; tooth++) {
    ctx.lineTo(note.x + tooth * step + step / 2, note.y + note.h - 8);
    ctx.lineTo(note.x + (tooth + 1) * step, note.y + note.h);
  }
  ctx.closePath();
  ctx.fill();
  ctx.restore();
};

export const CONFLICT_COLOR = '#C92A2A';

/** A merge conflict's incoming copy: a red dashed frame, readable in black and white too. */
const drawConflictMark = (ctx: CanvasRenderingContext2D, note: NoteRecord): void => {
  ctx.save();
  ctx.strokeStyle = CONFLICT_COLOR;
  ctx.lineWidth = 4;
  ctx.setLineDash([10, 6]);
  ctx.strokeRect(note.x - 5, note.y - 5, note.w + 10, note.h + 10);
  ctx.restore();
};

const drawNoteText = (ctx: CanvasRenderingContext2D, note: NoteRecord, sizing: TextSizing): void => {
  const layout = textLayouts.note(noteTextBox(note, sizing.markScale));
  if (layout.lines.length === 0) return;
  if (!drawsText(layout.fontSize, sizing)) {
    drawTextSketch(ctx, note);
    return;
  }
  ctx.fillStyle = NOTE_INK;
  ctx.font = font(layout.fontSize);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  const top = note.y + NOTE_PADDING + (layout.lineHeight - layout.fontSize) / 2;
  layout.lines.forEach((line, index) => {
    ctx.fillText(line, note.x + NOTE_PADDING, top + index * layout.lineHeight);
  });
};

/** Grey bars where the lines of text would be: too small to read, still shows there is text. */
const drawTextSketch = (ctx: CanvasRenderingContext2D, note: NoteRecord): void => {
  if (note.text.trim() === '') return;
  const width = note.w - 2 * NOTE_PADDING;
  const bars = Math.min(3, Math.ceil(note.text.length / 24));
  ctx.fillStyle = 'rgba(27,27,31,0.35)';
  for (let bar = 0; bar < bars; bar++) {
    const barWidth = bar === bars - 1 && bars > 1 ? width * 0.6 : width;
    ctx.fillRect(note.x + NOTE_PADDING, note.y + NOTE_PADDING + bar * 22, barWidth, 12);
  }
};

/**
 * The text a note shows and the box it gets: the note less the glyph's column on the right and
 * the footer strip (as tall as `markScale` makes it), so marks never cover words.
 */
export const noteTextBox = (note: NoteRecord, markScale = 1) => ({
  text: note.kind === 'quote' ? `\u201C${note.text}\u201D` : note.text,
  w: note.kind === 'note' ? note.w : note.w - GLYPH_SIZE - 4,
  h: hasFooter(note) ? note.h - footerHeight(markScale) : note.h,
});

/**
 * The font sizes of the texts drawNote writes on a note at full detail, in board units: its
 * words, its channel and ratings, a glyph drawn as a character. Present mode zooms until the
 * smallest reaches the projector minimum. The stamp's WOW is not among them: the red starburst
 * marks the stamp, and its word is left out where it would be too small to read.
 */
export const noteTextSizes = (note: NoteRecord, markScale = 1): number[] => {
  const sizes: number[] = [];
  const layout = textLayouts.note(noteTextBox(note, markScale));
  if (layout.lines.length > 0) sizes.push(layout.fontSize);
  if (footerText(note, false) !== '') sizes.push(MARK_FONT_SIZES.footer * markScale);
  if (note.kind === 'question' || note.kind === 'quote') sizes.push(glyphFontSize(GLYPH_SIZE));
  return sizes;
};
