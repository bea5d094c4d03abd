import { type InsightRule, insight } from './insight.ts';
import { stageHolds, stageNotesOfKind } from './note-queries.ts';
import { IDEAL_EXPERIENCE } from './sources.ts';
import { quoted } from './wording.ts';

/** Seed 001: breakdown points are where the experience can fail; each needs a way to prevent it. */
export const breakdownWithoutOpportunity: InsightRule = (context) =>
  context.stages.flatMap((stage) => {
    if (stageHolds(context, stage.id, 'opportunity')) return [];
    return stageNotesOfKind(context, stage.id, 'breakdown').map((breakdown) =>
      insight(context, 'breakdown-without-opportunity', breakdown.id, {
        severity: 'warning',
        title: `Breakdown point ${quoted(breakdown.text)} has no opportunity in ${stage.name || 'its stage'}`,
        detail:
          'Breakdown points are where the experience could fail; the map is for finding them and ' +
          `preventing them ${IDEAL_EXPERIENCE}. Add an opportunity in the same stage.`,
        noteIds: [breakdown.id],
        stageIds: [stage.id],
      }),
    );
  });
