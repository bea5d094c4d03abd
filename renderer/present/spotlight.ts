import type { NoteRecord } from '../../shared/model/records.ts';
import { type Size, toScreen } from '../board/viewport.ts';
import type { Viewport } from '../store/session-slice.ts';

/**
 * How much a spotlit note's box may grow, smallest first: a long customer quote, cut short on
 * the note, gets room for all its words, so it can be read out whole.
 */
const MOST_GROWTH = 4;
const GROWTHS = [1, 1.5, 2, 3, MOST_GROWTH] as const;

/** The spotlit note's share of the screen: large, with the step still around it. */
const SHARE = { width: 0.8, height: 0.55 } as const;

/** Space kept between the spotlit note and the screen's edges, in CSS pixels. */
const EDGE = 24;

export interface Spotlight {
  /** The note with its enlarged box, at the board's origin. */
  readonly note: NoteRecord;
  /** Where its top-left corner is on the screen, and its board units per CSS pixel. */
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/**
 * A note enlarged in place: its box grown until its text fits whole (`fitsWhole`), drawn as
 * large as the screen allows, centred where the note is and moved only as far as keeps it on
 * the screen.
 */
export const spotlightOf = (
  note: NoteRecord,
  viewport: Viewport,
  size: Size,
  fitsWhole: (note: NoteRecord) => boolean,
): Spotlight => {
  const grown = (growth: number): NoteRecord => ({
    ...note,
    x: 0,
    y: 0,
    w: note.w * growth,
    h: note.h * growth,
  });
  const growth = GROWTHS.find((candidate) => fitsWhole(grown(candidate))) ?? MOST_GROWTH;
  const enlarged = grown(growth);
  const scale = Math.min((size.width * SHARE.width) / enlarged.w, (size.height * SHARE.height) / enlarged.h);
  const centre = toScreen(viewport, { x: note.x + note.w / 2, y: note.y + note.h / 2 });
  const within = (at: number, length: number, screen: number) =>
    Math.max(EDGE, Math.min(at - length / 2, screen - EDGE - length));
  return {
    note: enlarged,
    x: within(centre.x, enlarged.w * scale, size.width),
    y: within(centre.y, enlarged.h * scale, size.height),
    scale,
  };
};
