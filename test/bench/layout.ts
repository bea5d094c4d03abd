import type { Page } from 'playwright-core';
import { fitBeside, toScreen, zoomAt } from '../../renderer/board/viewport.ts';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import { captureBoard, colorAt } from '../e2e/support/board-pixels.ts';
import { coveredEdges } from '../e2e/support/journeywall.ts';
import type { Point } from './input.ts';
import { boundsOfNotes, type SeedNote } from './seed-notes.ts';

export type View = 'fit' | '100%';

export interface Layout {
  readonly centre: Point;
  readonly scale: number;
  /** The seeded note nearest the middle of the map, and where it is on screen. */
  readonly note: SeedNote;
  readonly noteOnScreen: Point;
}

/**
 * Where things are on screen, worked out with the app's own viewport math: zoom to fit fits the
 * map beside the floating panels (fitBeside), and 100% zooms about the middle of the board.
 */
export const layoutOf = async (page: Page, notes: readonly SeedNote[], view: View): Promise<Layout> => {
  const box = await page.getByTestId('board').boundingBox();
  if (!box) throw new Error('The board is not on screen');
  const size = { width: Math.floor(box.width), height: Math.floor(box.height) };
  const bounds = boundsOfNotes(notes);
  const middleOfBoard = { x: size.width / 2, y: size.height / 2 };
  const fitted = fitBeside(bounds, size, await coveredEdges(page));
  const viewport = view === '100%' ? zoomAt(fitted, middleOfBoard, 1 / fitted.scale) : fitted;
  const centre = { x: box.x + middleOfBoard.x, y: box.y + middleOfBoard.y };
  const middle = { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 };
  const distance = (note: SeedNote) =>
    Math.hypot(note.x + note.w / 2 - middle.x, note.y + note.h / 2 - middle.y);
  const note = notes.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best));
  const onBoard = toScreen(viewport, { x: note.x + note.w / 2, y: note.y + note.h / 2 });
  const noteOnScreen = { x: Math.round(box.x + onBoard.x), y: Math.round(box.y + onBoard.y) };
  const scale = viewport.scale;
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
