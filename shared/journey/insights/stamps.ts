import { type InsightRule, insight } from './insight.ts';
import { notesOfKind, stageIdsHolding } from './note-queries.ts';
import { count } from './wording.ts';

/** Two or three stamps stand out whatever the share; the share matters only past that. */
const FEW_STAMPS = 2;

/**
 * Seed 002: the stamps of authenticity are the few touchpoints that engage customers most; a map
 * with none has not chosen where to invest, and one where most touchpoints are stamps has none.
 */
export const stamps: InsightRule = (context) => {
  const touchpoints = notesOfKind(context, 'touchpoint');
  if (touchpoints.length === 0) return [];
  const wows = touchpoints.filter((note) => note.wow);
  if (wows.length === 0) {
    return [
      insight(context, 'stamps', 'none', {
        severity: 'info',
        title: 'Pick the few touchpoints that wow customers',
        detail:
          'Stamps of authenticity are the touchpoints that engage customers most and set the business ' +
          'apart: mark the few where the workshop wants to invest.',
        noteIds: touchpoints.map((note) => note.id),
        stageIds: stageIdsHolding(context, touchpoints),
      }),
    ];
  }
  const maxShare = context.settings.maxStampShare;
  if (wows.length <= FEW_STAMPS || wows.length / touchpoints.length <= maxShare) return [];
  return [
    insight(context, 'stamps', 'too-many', {
      severity: 'warning',
      title: `${wows.length} of ${count(touchpoints.length, 'touchpoint')} are stamps of authenticity: none stands out`,
      detail:
        `Don't make every touchpoint a "wow" factor: concentrate on a few stamps of authenticity and ` +
        `invest there. This map allows up to ${Math.round(maxShare * 100)}% of touchpoints.`,
      noteIds: wows.map((note) => note.id),
      stageIds: stageIdsHolding(context, wows),
    }),
  ];
};
