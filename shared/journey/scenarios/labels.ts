import type { Channel, NoteKind, TouchpointRatings } from '../../model/journey-records.ts';

/** The words the gap list uses for the model's values (the UI's words, from the domain glossary). */
export const KIND_LABELS: Readonly<Record<NoteKind, string>> = {
  note: 'Note',
  touchpoint: 'Touchpoint',
  breakdown: 'Breakdown point',
  opportunity: 'Opportunity',
  idea: 'Idea',
  question: 'Question',
  quote: 'Customer quote',
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  'in-person': 'In person',
  phone: 'Phone',
  web: 'Web',
  email: 'Email',
  chat: 'Chat',
  social: 'Social media',
  ad: 'Ad',
  other: 'Other channel',
};

export const RATING_KEYS = [
  'effortless',
  'productive',
  'painless',
] as const satisfies readonly (keyof TouchpointRatings)[];

export const OUTSIDE_THE_GRID = 'Outside the grid';

/** Emotion scores with their sign, so "+1" and "-1" read as the two sides of neutral. */
export const formatScore = (score: number | null): string =>
  score === null ? 'not scored' : score > 0 ? `+${score}` : String(score);
