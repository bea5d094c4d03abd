import type { Migration } from './migration.ts';

/** The list format 4 adds, frozen as format 4 names it: a migration must not follow later renames. */
const ROUNDS = 'rounds';

/**
 * Format 4 adds writing rounds: prompts the room answered from their phones, with the notes
 * they sent. A format-3 map has held none, so it gets an empty list and nothing else changes. A
 * list of rounds a format-3 file carries anyway (a hand-edited file) is not read, and reported.
 */
export const writingRounds: Migration = {
  from: 3,
  to: 4,
  description: 'Maps gain writing rounds: prompts, and the notes participants sent from their phones.',
  up: (file) => ({
    ok: true,
    ignored: file[ROUNDS] === undefined ? [] : [`its ${ROUNDS}`],
    file: { ...file, formatVersion: 4, [ROUNDS]: [] },
  }),
};
