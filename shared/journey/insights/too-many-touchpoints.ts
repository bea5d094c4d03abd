import { type InsightRule, insight } from './insight.ts';
import { notesOfKind, stageIdsHolding } from './note-queries.ts';

/** Seed 002: past eight to ten major touchpoints, a map describes processes, not the experience. */
export const tooManyTouchpoints: InsightRule = (context) => {
  const touchpoints = notesOfKind(context, 'touchpoint');
  const limit = context.settings.maxTouchpoints;
  if (touchpoints.length <= limit) return [];
  return [
    insight(context, 'too-many-touchpoints', 'scenario', {
      severity: 'warning',
      title: `${touchpoints.length} touchpoints: the map may describe your processes, not the customer's experience`,
      detail:
        `Past eight to ten major touchpoints, a map usually describes the organisation's processes ` +
        `rather than what the customer lives through. This map allows ${limit}: keep the ` +
        `major ones and fold the rest into them.`,
      noteIds: touchpoints.map((note) => note.id),
      stageIds: stageIdsHolding(context, touchpoints),
    }),
  ];
};
