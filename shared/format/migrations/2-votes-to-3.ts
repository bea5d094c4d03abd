import type { Migration } from './migration.ts';

/** The list format 3 adds, frozen as format 3 names it: a migration must not follow later renames. */
const VOTES = 'votes';

/**
 * Format 3 adds dot votes: a list of vote records beside the structure. A format-2 map has held
 * no vote, so it gets an empty list and nothing else changes: versions are kept, and everyone
 * who opens the same file gets the same map. A list of votes a format-2 file carries anyway (a
 * hand-edited file) is not read, and reported.
 */
export const dotVotes: Migration = {
  from: 2,
  to: 3,
  description: 'Maps gain dot votes: questions, which notes can get dots, voters and their dots.',
  up: (file) => ({
    ok: true,
    ignored: file[VOTES] === undefined ? [] : [`its ${VOTES}`],
    file: { ...file, formatVersion: 3, [VOTES]: [] },
  }),
};
