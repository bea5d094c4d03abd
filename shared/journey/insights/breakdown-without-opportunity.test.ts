import { describe, expect, it } from 'vitest';
import { breakdownWithoutOpportunity } from './breakdown-without-opportunity.ts';
import { testMap } from './test-map.ts';

describe('breakdown point without opportunity', () => {
  it('warns about each breakdown point with no opportunity in its stage', () => {
    const map = testMap();
    const late = map.note('breakdown', 'Purchase', { text: '  Toner arrives   late ' });
    const wrong = map.note('breakdown', 'Use', { text: 'Wrong cartridge' });
    const found = map.check(breakdownWithoutOpportunity);
    expect(found.map((insight) => insight.title)).toEqual([
      'Breakdown point “Toner arrives late” has no opportunity in Purchase',
      'Breakdown point “Wrong cartridge” has no opportunity in Use',
    ]);
    expect(found.map((insight) => insight.noteIds)).toEqual([[late], [wrong]]);
    expect(found.map((insight) => insight.stageIds)).toEqual([[map.stage('Purchase')], [map.stage('Use')]]);
    expect(found.every((insight) => insight.severity === 'warning')).toBe(true);
    expect(found[0]?.detail).toContain('“The Ideal Customer Experience”');
  });

  it('is answered by an opportunity anywhere in the same stage', () => {
    const map = testMap();
    map.note('breakdown', 'Purchase', { text: 'Toner arrives late' });
    map.note('opportunity', 'Purchase', { text: 'Ship before the old one runs out', lane: 'backstage' });
    expect(map.check(breakdownWithoutOpportunity)).toEqual([]);
  });

  it('is not answered by an opportunity in another stage, another scenario, or a deleted one', () => {
    const map = testMap();
    const late = map.note('breakdown', 'Purchase', { text: 'Toner arrives late' });
    map.note('opportunity', 'Use');
    map.note('opportunity', 'Purchase', { scenarioId: map.ideal });
    map.note('opportunity', null);
    map.remove(map.note('opportunity', 'Purchase'));
    expect(map.check(breakdownWithoutOpportunity).map((insight) => insight.noteIds)).toEqual([[late]]);
  });

  it("ignores deleted breakdown points and other scenarios' ones", () => {
    const map = testMap();
    map.remove(map.note('breakdown', 'Purchase'));
    map.note('breakdown', 'Purchase', { scenarioId: map.ideal });
    expect(map.check(breakdownWithoutOpportunity)).toEqual([]);
    expect(map.check(breakdownWithoutOpportunity, map.ideal)).toHaveLength(1);
  });

  it('names an empty breakdown point as such and shortens a long one', () => {
    const map = testMap();
    map.note('breakdown', 'Interest');
    map.note('breakdown', 'Use', {
      text: 'The printer says the cartridge is empty while half the toner is still in it',
    });
    expect(map.check(breakdownWithoutOpportunity).map((insight) => insight.title)).toEqual([
      'Breakdown point an empty note has no opportunity in Interest',
      'Breakdown point “The printer says the cartridge is empty…” has no opportunity in Use',
    ]);
  });
});
