import type { NoteRecord } from '../../shared/model/records.ts';
import { DOT_BADGE_FILL, DOT_BADGE_OPEN, DOT_BADGE_RADIUS } from './dot-badge-style.ts';
import { font } from './font.ts';

/** Where a note's badge sits, in board units: its top right corner, half outside the note. */
export const dotBadgeCentre = (note: NoteRecord): { readonly x: number; readonly y: number } => ({
  x: note.x + note.w - 2,
  y: note.y + 2,
});

/**
 * Whether a point (board units) is on a note's badge drawn `radius` board units wide: what a
 * click gives a dot to. A little larger than the badge, so a quick click on its edge counts.
 */
export const hitsDotBadge = (
  note: NoteRecord,
  point: { readonly x: number; readonly y: number },
  radius = DOT_BADGE_RADIUS,
): boolean => {
  const centre = dotBadgeCentre(note);
  return Math.hypot(point.x - centre.x, point.y - centre.y) <= radius * 1.25;
};

/** How a badge is drawn: its dots, whether it may take one now (an open badge), its count shown. */
export interface DotBadge {
  readonly dots: number;
  /** A running vote's note that can get a dot: with none yet, an empty badge with a plus, to click. */
  readonly open: boolean;
  /** Far out the circle alone still shows which notes have dots. */
  readonly withCount: boolean;
}

/**
 * A badge drawn at a centre, `radius` wide, its count at `fontPx`: the board draws it in board
 * units (drawDotBadge), present mode in screen pixels at the projector's text size.
 */
export const drawDotBadgeAt = (
  ctx: CanvasRenderingContext2D,
  centre: { readonly x: number; readonly y: number },
  radius: number,
  fontPx: number,
  badge: DotBadge,
): void => {
  const { dots, open, withCount } = badge;
  if (dots <= 0 && !open) return;
  const empty = dots <= 0;
  ctx.save();
  ctx.fillStyle = empty ? '#FFFFFF' : DOT_BADGE_FILL;
  ctx.beginPath();
  ctx.arc(centre.x, centre.y, radius, 0, 2 * Math.PI);
  ctx.fill();
  ctx.lineWidth = radius / 7;
  ctx.strokeStyle = empty ? DOT_BADGE_OPEN : '#FFFFFF';
  ctx.stroke();
  if (withCount) {
    ctx.fillStyle = empty ? DOT_BADGE_OPEN : '#FFFFFF';
    ctx.font = font(dots > 99 ? fontPx * 0.7 : fontPx, 700);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(empty ? '+' : String(dots), centre.x, centre.y + fontPx / 16);
  }
  ctx.restore();
};

/**
 * A note's dots in a vote: a filled circle on its top right corner with the count, half outside
 * the note so it covers neither the words nor the kind's glyph much. While a vote runs, a note
 * that can still get a dot and has none shows an open badge to click (`open`).
 */
export const drawDotBadge = (
  ctx: CanvasRenderingContext2D,
  note: NoteRecord,
  dots: number,
  withCount = true,
  open = false,
): void => drawDotBadgeAt(ctx, dotBadgeCentre(note), DOT_BADGE_RADIUS, 16, { dots, open, withCount });
