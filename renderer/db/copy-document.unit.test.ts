import { expect, test } from 'vitest';
import { addDot, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { rankedResults } from '../../shared/journey/votes/vote-results.ts';
import { firstScenarioId } from '../../shared/model/document.ts';
import { addNote, deleteRecords, type MutableDocument, newMapDocument } from '../../shared/model/edits.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import { copyDocument } from './copy-document.ts';

test("a copy of a map keeps its votes on the copy's notes, with their dots and results", () => {
  const base = newMapDocument('Toner refill', 1_000);
  const doc: MutableDocument = { id: base.id, records: { ...base.records } };
  const scenarioId = firstScenarioId(doc);
  const kept = addNote(doc, { x: 0, y: 0, text: 'Courier comes too early', kind: 'breakdown' });
  const gone = addNote(doc, { x: 0, y: 200, text: 'Fax order form', kind: 'breakdown' });
  const started = startVote(doc, {
    question: 'Which breakdowns hurt most?',
    scenarioId,
    noteIds: [kept.id, gone.id],
    voters: 3,
    dotsPerVoter: 3,
    stacking: true,
  });
  if (!started.ok) throw new Error(started.reason);
  addDot(doc, started.id, kept.id);
  addDot(doc, started.id, kept.id);
  addDot(doc, started.id, gone.id);
  deleteRecords(doc, [gone.id]);

  const copy = copyDocument(doc, 'Toner refill (copy)', 2_000);
  const [vote, ...others] = Object.values(copy.records).filter(
    (record): record is VoteRecord => record.type === 'vote',
  );
  expect(others).toEqual([]);
  const copiedNote = Object.values(copy.records).find((record) => record.type === 'note');
  if (!vote || !copiedNote) throw new Error('no vote or note copied');
  expect(vote).toMatchObject({
    question: 'Which breakdowns hurt most?',
    scenarioId: firstScenarioId(copy),
    noteIds: [copiedNote.id],
    ballots: [{ [copiedNote.id]: 2 }],
    version: 1,
  });
  expect(rankedResults(copy, vote).map((row) => [row.text, row.dots])).toEqual([
    ['Courier comes too early', 2],
  ]);
});
