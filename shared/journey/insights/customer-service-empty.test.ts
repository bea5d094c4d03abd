import { describe, expect, it } from 'vitest';
import { updateRecord } from '../../model/update.ts';
import { customerServiceEmpty } from './customer-service-empty.ts';
import { testMap } from './test-map.ts';

describe('customer service lane empty', () => {
  it('warns when the journey goes on after purchase and the customer service lane is empty', () => {
    const map = testMap();
    map.note('touchpoint', 'Interest');
    map.note('breakdown', 'Post-purchase', { text: 'No one answers the phone' });
    const found = map.check(customerServiceEmpty);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'customer-service-empty',
      severity: 'warning',
      title: 'Customer service is empty while the journey continues after purchase',
      laneIds: [map.lane('customer-service')],
      stageIds: [map.stage('Post-purchase')],
    });
    expect(found[0]?.detail).toContain('“The Ideal Customer Experience”');
  });

  it('says nothing once customer service holds a note of the scenario', () => {
    const map = testMap();
    map.note('touchpoint', 'Use');
    map.note('note', 'Interest', { lane: 'customer-service', text: 'Chat answers questions' });
    expect(map.check(customerServiceEmpty)).toEqual([]);
  });

  it('says nothing while the journey stops at the purchase', () => {
    const map = testMap();
    map.note('touchpoint', 'Brand awareness');
    map.note('touchpoint', 'Purchase');
    expect(map.check(customerServiceEmpty)).toEqual([]);
  });

  it("does not count deleted notes or other scenarios' notes, in either lane", () => {
    const map = testMap();
    map.note('touchpoint', 'Use', { scenarioId: map.ideal });
    map.remove(map.note('touchpoint', 'Referral'));
    expect(map.check(customerServiceEmpty)).toEqual([]);

    map.note('touchpoint', 'Use');
    map.note('note', 'Use', { lane: 'customer-service', scenarioId: map.ideal });
    map.remove(map.note('note', 'Use', { lane: 'customer-service' }));
    expect(map.check(customerServiceEmpty)).toHaveLength(1);
  });

  it('finds the purchase by name when the stages have no categories', () => {
    const map = testMap('lifecycle');
    const growth = map.doc.records[map.stage('Growth')];
    if (growth?.type !== 'stage') throw new Error('no stage');
    map.doc.records[growth.id] = updateRecord(growth, { name: 'First purchase' });
    const lane = map.doc.records[map.lane('metrics')];
    if (lane?.type !== 'lane') throw new Error('no lane');
    map.doc.records[lane.id] = updateRecord(lane, { role: 'customer-service', name: 'Help desk' });
    map.note('touchpoint', 'Maturity');
    expect(map.check(customerServiceEmpty)[0]?.title).toBe(
      'Help desk is empty while the journey continues after purchase',
    );
  });

  it('says nothing without a customer service lane, or when that lane is hidden', () => {
    const plain = testMap('lifecycle');
    plain.note('touchpoint', 'Maturity');
    expect(plain.check(customerServiceEmpty)).toEqual([]);

    const map = testMap();
    map.note('touchpoint', 'Use');
    map.hideLane('customer-service');
    expect(map.check(customerServiceEmpty)).toEqual([]);
  });
});
