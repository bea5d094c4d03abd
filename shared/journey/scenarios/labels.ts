import { NOTE_KINDS, type NoteKind, type TouchpointRatings } from '../../model/journey-records.ts';
import { CHANNEL_LABELS, KIND_STYLES } from '../note-kinds.ts';

/** The gap list's words for kinds and channels are the board's (note-kinds.ts), so one name each. */
export const KIND_LABELS: Readonly<Record<NoteKind, string>> = Object.fromEntries(
  NOTE_KINDS.map((kind) => [kind, KIND_STYLES[kind].label]),
) as Record<NoteKind, string>;

export { CHANNEL_LABELS };

export const RATING_KEYS = [
  'effortless',
  'productive',
  'painless',
] as const satisfies readonly (keyof TouchpointRatings)[];

export const OUTSIDE_THE_GRID = 'Outside the grid';

/** Emotion scores with their sign, so "+1" and "-1" read as the two sides of neutral. */
export const formatScore = (score: number | null): string =>
  score === null ? 'not scored' : score > 0 ? `+${score}` : String(score);
