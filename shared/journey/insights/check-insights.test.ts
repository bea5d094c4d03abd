import { describe, expect, it } from 'vitest';
import { checkInsights } from './check-insights.ts';
import { INSIGHT_RULES } from './rules.ts';
import { testMap } from './test-map.ts';

/** A current scenario that breaks every rule that can apply to it. */
const troubledMap = () => {
  const map = testMap();
  for (let i = 0; i < 11; i++) map.note('touchpoint', i % 2 === 0 ? 'Interest' : 'Use', { text: `T${i}` });
  map.note('breakdown', 'Purchase', { text: 'Toner arrives late' });
  map.setEmotion('Use', -2);
  return map;
};

describe('checkInsights', () => {
  it('runs every rule on the scenario and lists warnings before the rest, with ids unique', () => {
    const map = troubledMap();
    const found = checkInsights(map.doc, map.current);
    expect(new Set(found.map((insight) => insight.rule))).toEqual(
      new Set([
        'too-many-touchpoints',
        'stamps',
        'stage-without-touchpoint',
        'breakdown-without-opportunity',
        'low-emotion-without-opportunity',
        'customer-service-empty',
      ]),
    );
    const severities = found.map((insight) => insight.severity);
    expect(severities.indexOf('info')).toBe(severities.lastIndexOf('warning') + 1);
    expect(new Set(found.map((insight) => insight.id)).size).toBe(found.length);
  });

  it('shows a facilitator no internal reference numbers, only article titles', () => {
    const found = checkInsights(troubledMap().doc, troubledMap().current);
    for (const insight of found) expect(`${insight.title} ${insight.detail}`).not.toMatch(/\bseed\b/i);
  });

  it('keeps the rules in registry order within a severity', () => {
    const map = troubledMap();
    const order = Object.keys(INSIGHT_RULES);
    const warnings = checkInsights(map.doc, map.current).filter((insight) => insight.severity === 'warning');
    const ranks = warnings.map((insight) => order.indexOf(insight.rule));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('checks the scenario asked for, with its own kind', () => {
    const map = troubledMap();
    const origin = map.note('breakdown', 'Referral', { text: 'No reason to recommend' });
    map.note('breakdown', 'Referral', { text: 'No reason to recommend', scenarioId: map.ideal, origin });
    const ideal = checkInsights(map.doc, map.ideal);
    expect(ideal.map((insight) => insight.rule)).toContain('ideal-breakdown-unchanged');
    expect(ideal.map((insight) => insight.rule)).not.toContain('too-many-touchpoints');
    expect(checkInsights(map.doc, map.current).map((insight) => insight.rule)).not.toContain(
      'ideal-breakdown-unchanged',
    );
  });

  it('finds nothing for a scenario that is missing or deleted', () => {
    const map = troubledMap();
    expect(checkInsights(map.doc, 'no-such-scenario')).toEqual([]);
    expect(checkInsights(map.doc, map.stage('Use'))).toEqual([]);
    map.remove(map.current);
    expect(checkInsights(map.doc, map.current)).toEqual([]);
  });

  it('finds nothing on a blank map', () => {
    const map = testMap('blank');
    expect(checkInsights(map.doc, map.current)).toEqual([]);
  });
});
