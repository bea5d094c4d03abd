import { CHANNEL_LABELS } from '../../shared/journey/note-kinds.ts';
import type { NoteKind } from '../../shared/model/journey-records.ts';
import { NOTE_INK } from '../../shared/model/palette.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { font } from './font.ts';
import { BOARD_TEXT, drawsText, MARK_FONT_SIZES, type TextSizing } from './text-sizing.ts';

/**
 * The marks that make a note's meaning readable without colour (a projector across the room, a
 * black-and-white print): a glyph per kind in the top-right corner, a starburst for a stamp of
 * authenticity, the channel and the effortless / productive / painless ratings along the bottom.
 */
export const GLYPH_SIZE = 26;

/** The font size of the glyphs drawn as text (the question mark, the quotation marks). */
export const glyphFontSize = (size: number): number => size * 1.05;

/** Draws the kind's glyph centred on (cx, cy), `size` wide, in ink. */
export const drawKindGlyph = (
  ctx: CanvasRenderingContext2D,
  kind: NoteKind,
  cx: number,
  cy: number,
  size: number,
  sizing: TextSizing = BOARD_TEXT,
): void => {
  if (kind === 'note') return;
  const r = size / 2;
  ctx.save();
  ctx.fillStyle = NOTE_INK;
  ctx.strokeStyle = NOTE_INK;
  ctx.lineWidth = size / 9;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  switch (kind) {
    case 'touchpoint':
      // A target: a ring with a dot.
      ctx.arc(cx, cy, r * 0.8, 0, Math.PI * 2);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.3, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'breakdown':
      // A warning triangle with a bar.
      ctx.moveTo(cx, cy - r * 0.9);
      ctx.lineTo(cx + r * 0.95, cy + r * 0.8);
      ctx.lineTo(cx - r * 0.95, cy + r * 0.8);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = '#FFFFFF';
      ctx.fillRect(cx - r * 0.1, cy - r * 0.35, r * 0.2, r * 0.6);
      ctx.fillRect(cx - r * 0.1, cy + r * 0.38, r * 0.2, r * 0.2);
      break;
    case 'opportunity':
      // An upward arrow.
      ctx.moveTo(cx, cy - r * 0.9);
      ctx.lineTo(cx + r * 0.8, cy);
      ctx.lineTo(cx + r * 0.3, cy);
      ctx.lineTo(cx + r * 0.3, cy + r * 0.9);
      ctx.lineTo(cx - r * 0.3, cy + r * 0.9);
      ctx.lineTo(cx - r * 0.3, cy);
      ctx.lineTo(cx - r * 0.8, cy);
      ctx.closePath();
      ctx.fill();
      break;
    case 'idea':
      // A five-pointed star.
      for (let point = 0; point < 10; point++) {
        const radius = point % 2 === 0 ? r * 0.95 : r * 0.42;
        const angle = -Math.PI / 2 + (point * Math.PI) / 5;
        ctx.lineTo(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
      }
      ctx.closePath();
      ctx.fill();
      break;
    case 'question':
    case 'quote':
      if (!drawsText(glyphFontSize(size), sizing)) break;
      ctx.font = font(glyphFontSize(size), 700);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(kind === 'question' ? '?' : '\u201C\u201D', cx, cy + size * 0.08);
      break;
  }
  ctx.restore();
};

export const WOW_COLOR = '#C92A2A';

/**
 * A stamp of authenticity: a starburst badge reading WOW, pinned over the note's top-left corner
 * so that its points stay clear of the text, which starts NOTE_PADDING in from both edges.
 */
const drawWowBadge = (ctx: CanvasRenderingContext2D, note: NoteRecord, sizing: TextSizing): void => {
  const scale = sizing.markScale;
  const cx = note.x - 6 * scale;
  const cy = note.y - 6 * scale;
  ctx.save();
  ctx.fillStyle = WOW_COLOR;
  ctx.beginPath();
  for (let point = 0; point < 24; point++) {
    const radius = (point % 2 === 0 ? 20 : 15) * scale;
    const angle = (point * Math.PI) / 12;
    ctx.lineTo(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
  }
  ctx.closePath();
  ctx.fill();
  const size = MARK_FONT_SIZES.wow * scale;
  if (drawsText(size, sizing)) {
    ctx.fillStyle = '#FFFFFF';
    ctx.font = font(size, 700);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('WOW', cx, cy + scale, 28 * scale);
  }
  ctx.restore();
};

/** Height of the strip along a note's bottom that holds its channel and ratings. */
export const FOOTER_HEIGHT = 20;

/** The strip's height with its marks enlarged by `markScale` (see TextSizing). */
export const footerHeight = (markScale: number): number => FOOTER_HEIGHT * markScale;

export const hasFooter = (note: NoteRecord): boolean => note.channel !== null || note.ratings !== null;

/**
 * The ratings' names as the inspector and the legend spell them, and the short forms a note too
 * narrow for the words shows instead (the legend explains them).
 */
export const RATING_WORDS = [
  ['effortless', 'Effortless', 'Eff.'],
  ['productive', 'Productive', 'Prod.'],
  ['painless', 'Painless', 'Painl.'],
] as const;

/** The footer's text: channel, then the set ratings, in words or in short forms. */
export const footerText = (note: NoteRecord, short: boolean): string => {
  const parts: string[] = [];
  if (note.channel) parts.push(CHANNEL_LABELS[note.channel].toUpperCase());
  const ratings = note.ratings;
  if (ratings) {
    const rated = RATING_WORDS.flatMap(([key, word, abbreviation]) => {
      const value = ratings[key];
      return value === null ? [] : [`${short ? abbreviation : word} ${value}`];
    });
    if (rated.length > 0) parts.push(rated.join(' '));
  }
  return parts.join('  ·  ');
};

const drawFooter = (ctx: CanvasRenderingContext2D, note: NoteRecord, sizing: TextSizing): void => {
  const size = MARK_FONT_SIZES.footer * sizing.markScale;
  if (!drawsText(size, sizing)) return;
  ctx.save();
  ctx.font = font(size, 700);
  const room = note.w - 16;
  const full = footerText(note, false);
  const text = ctx.measureText(full).width <= room ? full : footerText(note, true);
  if (text === '') {
    ctx.restore();
    return;
  }
  const height = footerHeight(sizing.markScale);
  ctx.fillStyle = 'rgba(255,255,255,0.6)';
  ctx.fillRect(note.x, note.y + note.h - height, note.w, height);
  ctx.fillStyle = NOTE_INK;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, note.x + 8, note.y + note.h - height / 2, room);
  ctx.restore();
};

export const drawNoteMarks = (
  ctx: CanvasRenderingContext2D,
  note: NoteRecord,
  sizing: TextSizing = BOARD_TEXT,
): void => {
  drawKindGlyph(
    ctx,
    note.kind,
    note.x + note.w - GLYPH_SIZE / 2 - 6,
    note.y + GLYPH_SIZE / 2 + 8,
    GLYPH_SIZE,
    sizing,
  );
  if (note.kind === 'touchpoint' && note.wow) drawWowBadge(ctx, note, sizing);
  drawFooter(ctx, note, sizing);
};
