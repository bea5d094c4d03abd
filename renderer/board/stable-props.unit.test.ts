import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../shared/journey/layout.ts';
import { addHeader, resizeHeader } from '../../shared/journey/structure-edits.ts';
import { firstScenarioId } from '../../shared/model/document.ts';
import { addNote, type MutableDocument, newMapDocument } from '../../shared/model/edits.ts';
import { sameGrid, sameItems } from './stable-props.ts';

const journey = (): MutableDocument => {
  const fresh = newMapDocument('Grid');
  const doc: MutableDocument = { id: fresh.id, records: { ...fresh.records } };
  addHeader(doc, 'stage', 'Discover');
  addHeader(doc, 'lane', 'Actions');
  return doc;
};

describe('what keeps a layer from redrawing', () => {
  it('the same items in the same order are the same list; any other item or order is not', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a, b], [a, { id: 'b' }])).toBe(false);
    expect(sameItems([a], [a, b])).toBe(false);
  });

  it('a grid with new notes is the same grid; a resized lane or a new stage is not', () => {
    const doc = journey();
    const scenarioId = firstScenarioId(doc);
    const before = layoutGrid(doc, scenarioId);
    addNote(doc, { x: 2000, y: 2000, text: 'Outside the grid' });
    expect(sameGrid(before, layoutGrid(doc, scenarioId))).toBe(true);

    const laneId = before.lanes[0]?.lane.id;
    if (!laneId) throw new Error('no lane');
    resizeHeader(doc, laneId, (before.lanes[0]?.h ?? 0) + 80);
    expect(sameGrid(before, layoutGrid(doc, scenarioId))).toBe(false);

    const resized = layoutGrid(doc, scenarioId);
    addHeader(doc, 'stage', 'Buy');
    expect(sameGrid(resized, layoutGrid(doc, scenarioId))).toBe(false);
  });
});
