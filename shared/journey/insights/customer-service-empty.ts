import type { StageRecord } from '../../model/journey-records.ts';
import { type InsightRule, insight } from './insight.ts';
import { IDEAL_EXPERIENCE } from './sources.ts';

const isPurchase = (stage: StageRecord): boolean =>
  stage.category === 'purchase' || stage.name.toLowerCase().includes('purchase');

/**
 * Seed 001: customer service is not a stage but a thread through the journey from beginning to
 * end, so an empty customer service lane matters once the journey goes on past the purchase.
 */
export const customerServiceEmpty: InsightRule = (context) => {
  const purchaseAt = context.stages.findIndex(isPurchase);
  if (purchaseAt < 0) return [];
  const after = context.stages
    .slice(purchaseAt + 1)
    .filter((stage) => (context.notesByStage.get(stage.id)?.length ?? 0) > 0);
  if (after.length === 0) return [];
  return context.lanes
    .filter((lane) => lane.role === 'customer-service' && !lane.hidden && !context.notesByLane.has(lane.id))
    .map((lane) =>
      insight(context, 'customer-service-empty', lane.id, {
        severity: 'warning',
        title: `${lane.name || 'Customer service'} is empty while the journey continues after purchase`,
        detail:
          'Customer service is a thread that runs through the stages from beginning to end, not a ' +
          `stage of its own ${IDEAL_EXPERIENCE}: where do customers get help after they buy?`,
        stageIds: after.map((stage) => stage.id),
        laneIds: [lane.id],
      }),
    );
};
