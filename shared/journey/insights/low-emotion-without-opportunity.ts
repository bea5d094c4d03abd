import { type InsightRule, insight } from './insight.ts';
import { stageHolds } from './note-queries.ts';
import { SEQUENCE_OF_EXPERIENCES } from './sources.ts';

/**
 * Seed 004: the best experience has no friction; an emotional low point is where to improve.
 * Scores count only while the emotion curve is on the board, in a visible emotion lane.
 */
export const lowEmotionWithoutOpportunity: InsightRule = (context) => {
  const curve = context.lanes.find((lane) => lane.role === 'emotion' && !lane.hidden);
  if (!curve) return [];
  const threshold = context.settings.lowEmotion;
  return context.stages.flatMap((stage) => {
    const score = context.scenario.emotions[stage.id];
    if (score === undefined || score > threshold) return [];
    if (stageHolds(context, stage.id, 'opportunity')) return [];
    return [
      insight(context, 'low-emotion-without-opportunity', stage.id, {
        severity: 'warning',
        title: `Emotion is low in ${stage.name || 'a stage'} (${score}) and no opportunity is noted there`,
        detail:
          `The best experience is effortless, productive and painless ${SEQUENCE_OF_EXPERIENCES}: a low point on the ` +
          `emotion curve (at or below ${threshold}) is where an opportunity belongs.`,
        stageIds: [stage.id],
        laneIds: [curve.id],
      }),
    ];
  });
};
