import { expect, it } from 'vitest';
import { testMap } from '../journey/scenarios/test-support.ts';
import { deleteRecords, updateNote } from './edits.ts';
import { countNotes, notesPerScenario, recountNotes } from './note-counts.ts';
import type { JourneyRecord } from './records.ts';

it('counts the notes of each scenario, and follows edits from the changed records alone', () => {
  const map = testMap('customer-experience', 'Toner');
  const first = map.put('Purchase', 'Touchpoints', { text: 'Order page' });
  map.put('Purchase', 'Touchpoints', { text: 'Payment page' });
  map.put('Use', 'Touchpoints', { text: 'Printer orders toner', scenarioId: map.idealId });
  const counts = countNotes(map.doc.records);
  expect(counts).toEqual({ total: 3, byScenario: { [map.currentId]: 2, [map.idealId]: 1 } });
  expect(notesPerScenario(map.doc, counts)).toEqual([
    { name: 'Current', notes: 2 },
    { name: 'Ideal', notes: 1 },
  ]);

  const before = { ...map.doc.records };
  updateNote(map.doc, first.id, { scenarioId: map.idealId });
  const second = Object.values(map.doc.records).find(
    (record) => record.type === 'note' && record.text === 'Payment page',
  );
  deleteRecords(map.doc, [second?.id ?? '']);
  const changes = Object.keys(map.doc.records)
    .filter((id) => before[id] !== map.doc.records[id])
    .map((id): [JourneyRecord | undefined, JourneyRecord | undefined] => [before[id], map.doc.records[id]]);
  const after = recountNotes(counts, changes);
  expect(after).toEqual(countNotes(map.doc.records));
  expect(notesPerScenario(map.doc, after)).toEqual([{ name: 'Ideal', notes: 2 }]);
});
