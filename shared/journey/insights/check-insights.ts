import type { JourneyDocument } from '../../model/document.ts';
import { insightContext } from './context.ts';
import type { Insight } from './insight.ts';
import { INSIGHT_RULES } from './rules.ts';

const SEVERITY_ORDER: Readonly<Record<Insight['severity'], number>> = { warning: 0, info: 1, ok: 2 };

/**
 * What the map's rules say about one scenario: warnings first, then the rest, each group in rule
 * order. Nothing for a scenario that does not exist (any more).
 */
export const checkInsights = (doc: JourneyDocument, scenarioId: string): Insight[] => {
  const scenario = doc.records[scenarioId];
  if (scenario?.type !== 'scenario' || scenario.isDeleted) return [];
  const context = insightContext(doc, scenario);
  return Object.values(INSIGHT_RULES)
    .flatMap((rule) => rule(context))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
};
