import { breakdownWithoutOpportunity } from './breakdown-without-opportunity.ts';
import { customerServiceEmpty } from './customer-service-empty.ts';
import { idealBreakdownUnchanged } from './ideal-breakdown-unchanged.ts';
import type { InsightRule } from './insight.ts';
import { lowEmotionWithoutOpportunity } from './low-emotion-without-opportunity.ts';
import { stageWithoutTouchpoint } from './stage-without-touchpoint.ts';
import { stamps } from './stamps.ts';
import { tooManyTouchpoints } from './too-many-touchpoints.ts';

/** Every rule the map checks, by id. Adding a rule is adding its module and one entry here. */
export const INSIGHT_RULES = {
  'too-many-touchpoints': tooManyTouchpoints,
  stamps,
  'stage-without-touchpoint': stageWithoutTouchpoint,
  'breakdown-without-opportunity': breakdownWithoutOpportunity,
  'low-emotion-without-opportunity': lowEmotionWithoutOpportunity,
  'customer-service-empty': customerServiceEmpty,
  'ideal-breakdown-unchanged': idealBreakdownUnchanged,
} as const satisfies Record<string, InsightRule>;

export type RuleId = keyof typeof INSIGHT_RULES;
