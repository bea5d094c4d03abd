import { describe, expect, it } from 'vitest';
import { lowEmotionWithoutOpportunity } from './low-emotion-without-opportunity.ts';
import { testMap } from './test-map.ts';

describe('emotion low point without opportunity', () => {
  it('warns about each stage scored at or below the low point with no opportunity', () => {
    const map = testMap();
    map.setEmotion('Interest', 1);
    map.setEmotion('Purchase', -1);
    map.setEmotion('Use', -3);
    map.setEmotion('Referral', 0);
    const found = map.check(lowEmotionWithoutOpportunity);
    expect(found.map((insight) => insight.title)).toEqual([
      'Emotion is low in Purchase (-1) and no opportunity is noted there',
      'Emotion is low in Use (-3) and no opportunity is noted there',
    ]);
    expect(found.map((insight) => insight.stageIds)).toEqual([[map.stage('Purchase')], [map.stage('Use')]]);
    expect(found.every((insight) => insight.severity === 'warning')).toBe(true);
    expect(found[0]?.laneIds).toEqual([map.lane('emotion')]);
    expect(found[0]?.detail).toContain('“Is the Best Customer Experience a sequence of Experiences?”');
  });

  it('says nothing where an opportunity is noted in the stage, or where no score is set', () => {
    const map = testMap();
    map.setEmotion('Use', -3);
    map.note('opportunity', 'Use', { text: 'Video on changing the cartridge' });
    expect(map.check(lowEmotionWithoutOpportunity)).toEqual([]);
  });

  it('follows the low point the facilitator sets', () => {
    const map = testMap();
    map.setEmotion('Purchase', -1);
    map.setEmotion('Use', -2);
    map.setSettings({ lowEmotion: -2 });
    expect(map.check(lowEmotionWithoutOpportunity).map((insight) => insight.stageIds)).toEqual([
      [map.stage('Use')],
    ]);
    map.setSettings({ lowEmotion: 0 });
    expect(map.check(lowEmotionWithoutOpportunity)).toHaveLength(2);
    expect(map.check(lowEmotionWithoutOpportunity)[0]?.detail).toContain('at or below 0');
  });

  it("reads the checked scenario's scores and opportunities only", () => {
    const map = testMap();
    map.setEmotion('Use', -3, map.ideal);
    map.note('opportunity', 'Use');
    map.remove(map.note('opportunity', 'Use', { scenarioId: map.ideal }));
    expect(map.check(lowEmotionWithoutOpportunity)).toEqual([]);
    expect(map.check(lowEmotionWithoutOpportunity, map.ideal).map((insight) => insight.stageIds)).toEqual([
      [map.stage('Use')],
    ]);
  });

  it('says nothing while the emotion lane is hidden', () => {
    const map = testMap();
    map.setEmotion('Use', -3);
    map.hideLane('emotion');
    expect(map.check(lowEmotionWithoutOpportunity)).toEqual([]);
  });

  it('ignores scores of stages that were removed', () => {
    const map = testMap();
    map.setEmotion('Use', -3);
    map.remove(map.stage('Use'));
    expect(map.check(lowEmotionWithoutOpportunity)).toEqual([]);
  });
});
