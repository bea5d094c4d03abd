import { describe, expect, it } from 'vitest';
import { testMap } from './test-map.ts';
import { tooManyTouchpoints } from './too-many-touchpoints.ts';

const STAGES = ['Brand awareness', 'Interest', 'Purchase', 'Use', 'Referral'];

const withTouchpoints = (n: number) => {
  const map = testMap();
  const ids = Array.from({ length: n }, (_, i) =>
    map.note('touchpoint', STAGES[i % STAGES.length] ?? 'Use', { text: `Touchpoint ${i + 1}` }),
  );
  return { map, ids };
};

describe('too many touchpoints', () => {
  it('says nothing at ten touchpoints, the default limit', () => {
    const { map } = withTouchpoints(10);
    expect(map.check(tooManyTouchpoints)).toEqual([]);
  });

  it('warns at the eleventh touchpoint and points at all of them', () => {
    const { map, ids } = withTouchpoints(11);
    const [finding, ...others] = map.check(tooManyTouchpoints);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'too-many-touchpoints',
      severity: 'warning',
      title: "11 touchpoints: the map may describe your processes, not the customer's experience",
    });
    expect(finding?.detail).toContain('eight to ten major touchpoints');
    expect(new Set(finding?.noteIds)).toEqual(new Set(ids));
    expect(finding?.stageIds).toEqual(STAGES.map(map.stage));
  });

  it('follows the limit the facilitator sets', () => {
    const { map } = withTouchpoints(8);
    expect(map.check(tooManyTouchpoints)).toEqual([]);
    map.setSettings({ maxTouchpoints: 7 });
    expect(map.check(tooManyTouchpoints)[0]?.title).toMatch(/^8 touchpoints/);
    expect(map.check(tooManyTouchpoints)[0]?.detail).toContain('This map allows 7');

    const { map: busier } = withTouchpoints(12);
    expect(busier.check(tooManyTouchpoints)).toHaveLength(1);
    busier.setSettings({ maxTouchpoints: 12 });
    expect(busier.check(tooManyTouchpoints)).toEqual([]);
  });

  it('counts only live touchpoints of the scenario checked', () => {
    const { map, ids } = withTouchpoints(10);
    map.note('touchpoint', 'Use', { scenarioId: map.ideal });
    map.note('opportunity', 'Use');
    map.note('note', 'Use', { lane: 'touchpoints' });
    expect(map.check(tooManyTouchpoints)).toEqual([]);
    map.note('touchpoint', 'Referral');
    expect(map.check(tooManyTouchpoints)).toHaveLength(1);
    expect(map.check(tooManyTouchpoints, map.ideal)).toEqual([]);
    map.remove(ids[0] ?? '');
    expect(map.check(tooManyTouchpoints)).toEqual([]);
  });

  it('counts touchpoints outside the grid, but not those in a hidden lane', () => {
    const { map } = withTouchpoints(10);
    map.note('touchpoint', null, { text: 'Off-path call to a friend' });
    expect(map.check(tooManyTouchpoints)[0]?.title).toMatch(/^11 touchpoints/);
    map.hideLane('touchpoints');
    expect(map.check(tooManyTouchpoints)).toEqual([]);
  });

  it('keeps the same id while the warning stands', () => {
    const { map } = withTouchpoints(11);
    const before = map.check(tooManyTouchpoints)[0]?.id;
    map.note('touchpoint', 'Use');
    expect(map.check(tooManyTouchpoints)[0]?.id).toBe(before);
    expect(before).toContain(map.current);
  });
});
