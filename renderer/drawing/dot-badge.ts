import type { NoteRecord } from '../../shared/model/records.ts';
import { DOT_BADGE_FILL, DOT_BADGE_RADIUS } from './dot-badge-style.ts';
import { font } from './fonts.ts';

/**
 * A note's dots in a vote: a filled circle on its top right corner with the count, half outside
 * the note so it covers neither the words nor the kind's glyph much. Far out (`withCount` false)
 * the circle alone still shows which notes have dots.
 */
export const drawDotBadge = (
  ctx: CanvasRenderingContext2D,
  note: NoteRecord,
  dots: number,
  withCount = true,
): void => {
  if (dots <= 0) return;
  const x = note.x + note.w - 2;
  const y = note.y + 2;
  ctx.save();
  ctx.fillStyle = DOT_BADGE_FILL;
  ctx.beginPath();
  ctx.arc(x, y, DOT_BADGE_RADIUS, 0, 2 * Math.PI);
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#FFFFFF';
  ctx.stroke();
  if (withCount) {
    ctx.fillStyle = '#FFFFFF';
    ctx.font = font(dots > 99 ? 11 : 16, 700);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(dots), x, y + 1);
  }
  ctx.restore();
};
