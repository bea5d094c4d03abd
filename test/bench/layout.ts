import type { Page } from 'playwright-core';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import { captureBoard, colorAt } from '../e2e/support/board-pixels.ts';
import type { Point } from './input.ts';
import { boundsOfNotes, type SeedNote } from './seed-notes.ts';

export type View = 'fit' | '100%';

/** Zoom to fit's margin around the map, in screen pixels (as the app fits it). */
const FIT_MARGIN = 48;

export interface Layout {
  readonly centre: Point;
  readonly scale: number;
  /** The seeded note nearest the middle of the map, and where it is on screen. */
  readonly note: SeedNote;
  readonly noteOnScreen: Point;
}

/**
 * Where things are on screen. Zoom to fit centres the map in the board and 100% zooms about
 * that centre, so the middle of the map is the middle of the board in both views.
 */
export const layoutOf = async (page: Page, notes: readonly SeedNote[], view: View): Promise<Layout> => {
  const box = await page.getByTestId('board').boundingBox();
  if (!box) throw new Error('The board is not on screen');
  const width = Math.floor(box.width);
  const height = Math.floor(box.height);
  const bounds = boundsOfNotes(notes);
  const scale =
    view === '100%'
      ? 1
      : Math.max(
          0.05,
          Math.min(1, (width - 2 * FIT_MARGIN) / bounds.w, (height - 2 * FIT_MARGIN) / bounds.h),
        );
  const centre = { x: box.x + width / 2, y: box.y + height / 2 };
  const middle = { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 };
  const distance = (note: SeedNote) =>
    Math.hypot(note.x + note.w / 2 - middle.x, note.y + note.h / 2 - middle.y);
  const note = notes.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best));
  const noteOnScreen = {
    x: Math.round(centre.x + (note.x + note.w / 2 - middle.x) * scale),
    y: Math.round(centre.y + (note.y + note.h / 2 - middle.y) * scale),
  };
  // Most of a 5 × 5 patch at that point must be the note's colour (its text may cross the middle).
  const image = await captureBoard(page);
  let matching = 0;
  for (let dx = -2; dx <= 2; dx++)
    for (let dy = -2; dy <= 2; dy++)
      if (colorAt(image, noteOnScreen.x + dx, noteOnScreen.y + dy) === note.color) matching++;
  if (matching < 13) {
    throw new Error(
      `Expected the ${note.color} note (${NOTE_PALETTE[note.color].fill}) at ${noteOnScreen.x},${noteOnScreen.y}`,
    );
  }
  return { centre, scale, note, noteOnScreen };
};
