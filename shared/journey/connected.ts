import type { ConnectedType } from '../model/journey-records.ts';

/** The connected customer experience continuum's steps in the article's words (seed 000). */
export const CONNECTED_LABELS: Readonly<Record<ConnectedType, string>> = {
  'respond-to-desire': 'Respond to desire',
  'curated-offering': 'Curated offering',
  'coach-behaviour': 'Coach behaviour',
  'automatic-execution': 'Automatic execution',
};

/** The continuum's two ends: who is in control of the experience. */
export const CONNECTED_ENDS = { first: 'customer-controlled', last: 'business-controlled' } as const;
