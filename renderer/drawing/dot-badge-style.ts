/** The look of a note's dot badge (drawDotBadge), apart so tests can find it in the board's pixels. */

/** The badge's radius in board units: big enough for "15" at a workshop's zoom. */
export const DOT_BADGE_RADIUS = 14;

/** A violet no note colour uses, so a badge stands out on every note. */
export const DOT_BADGE_FILL = '#5F3DC4';

/** An open badge's ring and plus (a note that can still get a dot): lighter, so dots stand out. */
export const DOT_BADGE_OPEN = '#9775FA';
