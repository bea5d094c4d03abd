import { describe, expect, it } from 'vitest';
import { stamps } from './stamps.ts';
import { testMap } from './test-map.ts';

const STAGES = ['Brand awareness', 'Interest', 'Purchase', 'Use', 'Referral'];

/** A map with `total` touchpoints of which the first `wows` are stamps of authenticity. */
const withStamps = (total: number, wows: number) => {
  const map = testMap();
  const ids = Array.from({ length: total }, (_, i) =>
    map.note('touchpoint', STAGES[i % STAGES.length] ?? 'Use', { wow: i < wows }),
  );
  return { map, ids, wowIds: ids.slice(0, wows) };
};

describe('stamps of authenticity', () => {
  it('says nothing before there is any touchpoint', () => {
    const map = testMap();
    map.note('breakdown', 'Purchase');
    expect(map.check(stamps)).toEqual([]);
  });

  it('suggests picking the few touchpoints that wow customers when none is marked', () => {
    const { map, ids } = withStamps(4, 0);
    const found = map.check(stamps);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'stamps',
      severity: 'info',
      title: 'Pick the few touchpoints that wow customers',
    });
    expect(found[0]?.detail).toContain('invest');
    expect(new Set(found[0]?.noteIds)).toEqual(new Set(ids));
  });

  it('is satisfied by one or a few stamps', () => {
    expect(withStamps(4, 1).map.check(stamps)).toEqual([]);
    expect(withStamps(9, 3).map.check(stamps)).toEqual([]);
  });

  it('tolerates two stamps however few the touchpoints', () => {
    expect(withStamps(2, 2).map.check(stamps)).toEqual([]);
  });

  it('warns when so many are stamps that none stands out, pointing at the stamps', () => {
    const { map, wowIds } = withStamps(6, 3);
    const found = map.check(stamps);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      title: '3 of 6 touchpoints are stamps of authenticity: none stands out',
    });
    expect(new Set(found[0]?.noteIds)).toEqual(new Set(wowIds));
  });

  it('follows the share the facilitator sets', () => {
    const { map } = withStamps(6, 3);
    map.setSettings({ maxStampShare: 0.5 });
    expect(map.check(stamps)).toEqual([]);
    map.setSettings({ maxStampShare: 0.4 });
    expect(map.check(stamps)[0]?.detail).toContain('up to 40%');
    const { map: strict } = withStamps(9, 3);
    strict.setSettings({ maxStampShare: 0.3 });
    expect(strict.check(stamps)).toHaveLength(1);
  });

  it('ignores deleted stamps, stamps of other scenarios and wow on notes that are no touchpoint', () => {
    const { map, wowIds } = withStamps(6, 3);
    map.remove(wowIds[0] ?? '');
    expect(map.check(stamps)).toEqual([]);

    const other = testMap();
    other.note('touchpoint', 'Use');
    other.note('touchpoint', 'Use', { wow: true, scenarioId: other.ideal });
    other.note('idea', 'Use', { wow: true });
    expect(other.check(stamps)[0]?.title).toBe('Pick the few touchpoints that wow customers');
  });
});
