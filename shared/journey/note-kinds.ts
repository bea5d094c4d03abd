import type { Channel, LaneRecord, LaneRole, NoteKind } from '../model/journey-records.ts';
import type { NoteColor } from '../model/records.ts';

/** What each note kind is called and which colour it takes when chosen. */
export const KIND_STYLES: Readonly<
  Record<NoteKind, { readonly label: string; readonly color: NoteColor; readonly hint: string }>
> = {
  note: { label: 'Note', color: 'yellow', hint: 'Anything the room calls out.' },
  touchpoint: {
    label: 'Touchpoint',
    color: 'blue',
    hint: 'An interaction with the business: website, ad, salesperson, phone…',
  },
  breakdown: { label: 'Breakdown point', color: 'pink', hint: 'Where the experience fails or could fail.' },
  opportunity: { label: 'Opportunity', color: 'green', hint: 'A way to make the experience better.' },
  idea: { label: 'Idea', color: 'orange', hint: 'A proposal to try.' },
  question: { label: 'Question', color: 'purple', hint: 'Something to find out.' },
  quote: { label: 'Customer quote', color: 'grey', hint: 'What a customer said: the voice of the customer.' },
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  'in-person': 'In person',
  phone: 'Phone',
  web: 'Web',
  email: 'Email',
  chat: 'Chat',
  social: 'Social',
  ad: 'Ad',
  other: 'Other',
};

/** The kind a lane's role suggests for the notes typed into it. */
const ROLE_NOTE_KINDS: Partial<Record<LaneRole, NoteKind>> = {
  touchpoints: 'touchpoint',
  breakdowns: 'breakdown',
  opportunities: 'opportunity',
};

/** The kind a note typed into the lane gets: the facilitator's choice, else its role's. */
export const laneNoteKind = (lane: Pick<LaneRecord, 'role' | 'noteKind'>): NoteKind =>
  lane.noteKind ?? ROLE_NOTE_KINDS[lane.role] ?? 'note';

/** Quotation marks a customer quote is typed with, in the languages of the room. */
const OPENING_QUOTES = /^\s*["“”„«»‹›'‘‚「『]/u;

/**
 * The kind of a note just typed into a lane: the lane's, except that a note typed in quotation
 * marks in a lane of plain notes (thoughts and feelings) is a customer quote.
 */
export const typedNoteKind = (lane: Pick<LaneRecord, 'role' | 'noteKind'>, text: string): NoteKind => {
  const kind = laneNoteKind(lane);
  return kind === 'note' && OPENING_QUOTES.test(text) ? 'quote' : kind;
};
