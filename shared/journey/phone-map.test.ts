import { describe, expect, it } from 'vitest';
import { phoneMap } from './phone-map.ts';
import { testMap } from './scenarios/test-support.ts';

describe('the map on a phone', () => {
  it('reads stage by stage, lane by lane, the notes in their cell’s order, empty lanes left out', () => {
    const map = testMap();
    const striped = map.put('Use', 'Breakdown points', {
      text: 'Prints come out striped',
      kind: 'breakdown',
      slot: 1,
    });
    const courier = map.put('Use', 'Breakdown points', {
      text: 'Courier comes at the wrong time',
      kind: 'breakdown',
      slot: 0,
    });
    const shop = map.put('Purchase', 'Touchpoints', { text: 'Searches the shop', kind: 'touchpoint' });
    map.put('Purchase', 'Touchpoints', { text: 'An Ideal note', scenarioId: map.idealId });
    const view = phoneMap(map.doc, map.currentId);
    expect(view).toMatchObject({ name: 'Home printer toner', scenario: 'Current' });
    const shown = view.stages.filter((stage) => stage.lanes.length > 0);
    expect(shown).toEqual([
      {
        id: map.stageId('Purchase'),
        name: 'Purchase',
        lanes: [
          { name: 'Touchpoints', notes: [{ id: shop.id, text: 'Searches the shop', kind: 'touchpoint' }] },
        ],
      },
      {
        id: map.stageId('Use'),
        name: 'Use',
        lanes: [
          {
            name: 'Breakdown points',
            notes: [
              { id: courier.id, text: 'Courier comes at the wrong time', kind: 'breakdown' },
              { id: striped.id, text: 'Prints come out striped', kind: 'breakdown' },
            ],
          },
        ],
      },
    ]);
    expect(view.stages.map((stage) => stage.name)).toContain('Brand awareness');
  });
});
