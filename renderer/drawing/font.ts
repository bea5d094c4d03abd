/**
 * Atkinson Hyperlegible ships with the app (assets/fonts, no network): it was designed for
 * low-vision readers, which is what the back row of a workshop room is. Its names only: this
 * module loads nothing, so the board painter's worker (which has no document) can use it too;
 * fonts.ts loads the faces in the window, worker-fonts.ts in a worker.
 */
export const FONT_FAMILY = '"Atkinson Hyperlegible", "DejaVu Sans", sans-serif';

export const font = (size: number, weight: 400 | 700 = 400): string => `${weight} ${size}px ${FONT_FAMILY}`;
