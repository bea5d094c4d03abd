import type { Channel, NoteKind } from '../model/journey-records.ts';
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
