import { describe, expect, it } from 'vitest';
import { stagesOf } from '../layout.ts';
import { stageWithoutTouchpoint } from './stage-without-touchpoint.ts';
import { testMap } from './test-map.ts';

describe('stage without touchpoint', () => {
  it('names every stage without a touchpoint, left to right', () => {
    const map = testMap('lifecycle');
    map.note('touchpoint', 'Growth', { text: 'Loyalty card' });
    const found = map.check(stageWithoutTouchpoint);
    expect(found.map((insight) => insight.title)).toEqual([
      'Introduction has no touchpoint',
      'Maturity has no touchpoint',
    ]);
    expect(found.map((insight) => insight.stageIds)).toEqual([
      [map.stage('Introduction')],
      [map.stage('Maturity')],
    ]);
    expect(found.every((insight) => insight.severity === 'info' && insight.noteIds.length === 0)).toBe(true);
    expect(new Set(found.map((insight) => insight.id)).size).toBe(2);
  });

  it('says nothing when every stage has a touchpoint, in whichever lane', () => {
    const map = testMap('lifecycle');
    map.note('touchpoint', 'Introduction');
    map.note('touchpoint', 'Growth', { lane: 'actions' });
    map.note('touchpoint', 'Maturity', { lane: 'backstage' });
    expect(map.check(stageWithoutTouchpoint)).toEqual([]);
  });

  it('does not count other kinds, deleted touchpoints, other scenarios, or notes outside the grid or in a removed lane', () => {
    const map = testMap('lifecycle');
    map.note('touchpoint', 'Introduction');
    map.note('touchpoint', 'Maturity');
    map.note('opportunity', 'Growth', { lane: 'touchpoints' });
    map.note('touchpoint', 'Growth', { scenarioId: map.ideal });
    map.note('touchpoint', null);
    map.remove(map.note('touchpoint', 'Growth'));
    map.note('touchpoint', 'Growth', { lane: 'metrics' });
    map.remove(map.lane('metrics'));
    expect(map.check(stageWithoutTouchpoint).map((insight) => insight.stageIds)).toEqual([
      [map.stage('Growth')],
    ]);
  });

  it('lists every stage of an empty scenario and none of a map without stages', () => {
    const map = testMap('customer-experience');
    expect(map.check(stageWithoutTouchpoint, map.ideal)).toHaveLength(stagesOf(map.doc).length);
    expect(testMap('blank').check(stageWithoutTouchpoint)).toEqual([]);
  });
});
