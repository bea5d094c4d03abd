import { type InsightRule, insight } from './insight.ts';
import { stageHolds } from './note-queries.ts';

/** Seed 002: touchpoints are the interactions along the whole journey; a stage with none is a gap. */
export const stageWithoutTouchpoint: InsightRule = (context) =>
  context.stages
    .filter((stage) => !stageHolds(context, stage.id, 'touchpoint'))
    .map((stage) =>
      insight(context, 'stage-without-touchpoint', stage.id, {
        severity: 'info',
        title: `${stage.name || 'A stage'} has no touchpoint`,
        detail:
          'Touchpoints are every interaction customers have with the business along the journey: ' +
          'where does the customer meet you in this stage?',
        stageIds: [stage.id],
      }),
    );
