import { describe, expect, test } from 'vitest';
import { migratedScenarioIds } from '../format/migrations/1-journey-to-2.ts';
import { type JourneyDocument, mapRecordOf, scenariosOf } from '../model/document.ts';
import { addNote, deleteRecords, type MutableDocument, updateNote } from '../model/edits.ts';
import type { LaneRecord, ScenarioRecord, StageRecord } from '../model/journey-records.ts';
import type { MapRecord } from '../model/records.ts';
import { updateRecord } from '../model/update.ts';
import { merge } from './merge.ts';
import {
  addTouchpoints,
  change,
  conflictCopyOf,
  currentAndIdeal,
  edit,
  merged,
  NOTHING,
  noteWith,
  persona,
  reopen,
  send,
  stage,
  tonerMap,
} from './test-support.ts';

/**
 * Merging the journey: stages, lanes, scenarios and personas merge record by record like notes;
 * a record of the structure both sides changed is a conflict that offers the copy's version.
 */

/** The toner map with three touchpoints in the first cell of Current, and a note outside the grid. */
const journeyMap = (): JourneyDocument =>
  tonerMap((doc) => {
    addTouchpoints(doc, ['Web shop', 'Re-order email', 'Hotline']);
    addNote(doc, { x: 900, y: 900, text: 'Outside the grid' }, 2_000);
  });

describe('merge: the structure of the map', () => {
  test("takes the copy's new stage and its renamed lane, and keeps the library's scores", () => {
    const { library, copy } = send(journeyMap());
    const { current } = currentAndIdeal(library);
    const ours = edit(library, (draft) =>
      change<ScenarioRecord>(draft, current.id, { emotions: { request: -2, respond: 1 } }),
    );
    const theirs = edit(copy, (draft) => {
      draft.records.repeat = stage('repeat', 'Repeat', 2);
      change<LaneRecord>(draft, 'breakdowns', { name: 'Pain points' });
    });
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.summary).toEqual({ ...NOTHING, added: 1, updated: 1 });
    expect(result.document.records.repeat).toMatchObject({ type: 'stage', name: 'Repeat' });
    expect(result.document.records.breakdowns).toMatchObject({ name: 'Pain points' });
    expect(result.document.records[current.id]).toMatchObject({ emotions: { request: -2, respond: 1 } });
  });

  test("keeps the library's stage when both changed it, and offers the copy's version", () => {
    const { library, copy } = send(journeyMap());
    const ours = edit(library, (draft) => change<StageRecord>(draft, 'request', { name: 'Orders toner' }));
    const theirs = reopen(
      edit(copy, (draft) => change<StageRecord>(draft, 'request', { width: 400, color: 'blue' })),
    );
    const result = merged(merge(ours, theirs));
    expect(result.summary).toEqual({ ...NOTHING, conflicts: 1 });
    expect(result.conflicts).toEqual([
      {
        kind: 'both-edited-record',
        localId: 'request',
        incomingId: 'request',
        recordType: 'stage',
        incoming: expect.objectContaining({ name: 'Request', width: 400, color: 'blue' }),
      },
    ]);
    expect(result.document.records.request).toMatchObject({ name: 'Orders toner', width: 260, color: null });
    // Merging the same copy again has nothing left to decide.
    expect(merged(merge(result.document, theirs)).conflicts).toEqual([]);
  });

  test('keeps alive a lane the copy deleted but the library renamed', () => {
    const { library, copy } = send(journeyMap());
    const ours = edit(library, (draft) => change<LaneRecord>(draft, 'breakdowns', { name: 'Pain points' }));
    const theirs = edit(copy, (draft) => deleteRecords(draft, ['breakdowns']));
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.conflicts).toEqual([
      { kind: 'edited-here-deleted-there', localId: 'breakdowns', incomingId: 'breakdowns' },
    ]);
    expect(result.document.records.breakdowns).toMatchObject({ isDeleted: false, name: 'Pain points' });
  });
});

describe('merge: scenarios, personas and the map settings', () => {
  /** Scores Current; returns its id. */
  const scores = (doc: MutableDocument, emotions: Record<string, number>) => {
    const { current } = currentAndIdeal(doc);
    change<ScenarioRecord>(doc, current.id, { emotions });
    return current.id;
  };

  test("takes the copy's emotion scores when only the copy scored", () => {
    const { library, copy } = send(journeyMap());
    let id = '';
    const theirs = edit(copy, (draft) => {
      id = scores(draft, { request: -3, respond: 2 });
    });
    const result = merged(merge(library, reopen(theirs)));
    expect(result.summary).toEqual({ ...NOTHING, updated: 1 });
    expect(result.document.records[id]).toMatchObject({ emotions: { request: -3, respond: 2 } });
  });

  test("a scenario both scored differently keeps the library's scores and offers the copy's", () => {
    const { library, copy } = send(journeyMap());
    let id = '';
    const ours = edit(library, (draft) => {
      id = scores(draft, { request: 1 });
    });
    const theirs = reopen(edit(copy, (draft) => scores(draft, { request: -2, respond: 3 })));
    const result = merged(merge(ours, theirs));
    expect(result.conflicts).toEqual([
      {
        kind: 'both-edited-record',
        localId: id,
        incomingId: id,
        recordType: 'scenario',
        incoming: expect.objectContaining({ emotions: { request: -2, respond: 3 } }),
      },
    ]);
    expect(result.conflicts[0]).not.toHaveProperty('incoming.synced');
    expect(result.document.records[id]).toMatchObject({ emotions: { request: 1 } });
  });

  test('the same scores set on both sides, in any order, are no conflict', () => {
    const { library, copy } = send(journeyMap());
    const ours = edit(library, (draft) => scores(draft, { request: 1, respond: -1 }));
    const theirs = edit(copy, (draft) => scores(draft, { respond: -1, request: 1 }));
    expect(merged(merge(ours, reopen(theirs))).conflicts).toEqual([]);
  });

  test('adds the persona the copy added; a persona both changed is a conflict offering theirs', () => {
    const start = edit(journeyMap(), (draft) => {
      draft.records.david = persona('david', 'David');
    });
    const { library, copy } = send(start);
    const ours = edit(library, (draft) => {
      draft.records.david = updateRecord(persona('david', 'David'), { goals: 'Never run out of toner' });
    });
    const theirs = edit(copy, (draft) => {
      draft.records.david = updateRecord(persona('david', 'David'), { quote: 'Striped prints again!' });
      draft.records.maria = persona('maria', 'Maria');
    });
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.summary).toEqual({ ...NOTHING, added: 1, conflicts: 1 });
    expect(result.document.records.maria).toMatchObject({ type: 'persona', name: 'Maria' });
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        kind: 'both-edited-record',
        recordType: 'persona',
        incoming: expect.objectContaining({ goals: '', quote: 'Striped prints again!' }),
      }),
    ]);
    expect(result.document.records.david).toMatchObject({ goals: 'Never run out of toner', quote: '' });
  });

  test("the map's settings both changed are a conflict on the map record", () => {
    const { library, copy } = send(journeyMap());
    const ours = edit(library, (draft) => change<MapRecord>(draft, draft.id, { showCategories: true }));
    const theirs = edit(copy, (draft) =>
      change<MapRecord>(draft, draft.id, { connectedType: 'coach-behaviour' }),
    );
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        kind: 'both-edited-record',
        localId: 'map-toner',
        recordType: 'map',
        incoming: expect.objectContaining({ showCategories: false, connectedType: 'coach-behaviour' }),
      }),
    ]);
    expect(mapRecordOf(result.document)).toMatchObject({ showCategories: true, connectedType: null });
  });
});

describe('merge: notes in cells', () => {
  test("puts the copy's version of a note both edited in the same cell, just after the local one", () => {
    const { library, copy } = send(journeyMap());
    const email = noteWith(library, 'Re-order email');
    const ours = edit(library, (draft) => updateNote(draft, email.id, { text: 'Re-order email, one click' }));
    const theirs = edit(copy, (draft) =>
      updateNote(draft, email.id, { text: 'Re-order email with the cartridge number', wow: true }),
    );
    const result = merged(merge(ours, reopen(theirs)));
    const copyId = conflictCopyOf(result);
    expect(result.conflicts).toEqual([{ kind: 'both-edited', localId: email.id, incomingId: copyId }]);
    expect(result.document.records[copyId]).toMatchObject({
      text: 'Re-order email with the cartridge number',
      wow: true,
      kind: 'touchpoint',
      scenarioId: email.scenarioId,
      stageId: 'request',
      laneId: 'touch',
      slot: 1.5,
      conflictOf: email.id,
    });
    expect(result.document.records[email.id]).toMatchObject({ slot: 1, text: 'Re-order email, one click' });
  });

  test('places the copy one slot after the last note of its cell', () => {
    const { library, copy } = send(journeyMap());
    const hotline = noteWith(library, 'Hotline');
    const ours = edit(library, (draft) => updateNote(draft, hotline.id, { text: 'Hotline (ours)' }));
    const theirs = edit(copy, (draft) => updateNote(draft, hotline.id, { text: 'Hotline (theirs)' }));
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.document.records[conflictCopyOf(result)]).toMatchObject({ stageId: 'request', slot: 3 });
  });

  test('moves out of the grid a note the library put in a stage the copy deleted, as a new edit', () => {
    const { library, copy } = send(journeyMap());
    const ours = edit(library, (draft) =>
      addNote(
        draft,
        { x: 300, y: 40, text: 'Courier missed him', stageId: 'respond', laneId: 'breakdowns' },
        4_000,
      ),
    );
    const theirs = edit(copy, (draft) => deleteRecords(draft, ['respond']));
    const result = merged(merge(ours, reopen(theirs), { now: 9_000 }));
    expect(result.summary).toEqual({ ...NOTHING, deleted: 1, notesMoved: 1 });
    const moved = noteWith(result.document, 'Courier missed him');
    expect(moved).toMatchObject({ stageId: null, laneId: null, x: 300, y: 40, version: 2, updated: 9_000 });
    // The copy that deleted the stage takes the move when it merges the result back.
    const back = merged(merge(reopen(theirs), reopen(result.document)));
    expect(noteWith(back.document, 'Courier missed him')).toMatchObject({ stageId: null, laneId: null });
    expect(back.conflicts).toEqual([]);
  });

  test('moves into the first scenario a note added to a scenario the copy deleted', () => {
    const { library, copy } = send(journeyMap());
    const { current, ideal } = currentAndIdeal(library);
    const ours = edit(library, (draft) =>
      addNote(draft, { x: 0, y: 0, text: 'Ideal: locker', scenarioId: ideal.id }),
    );
    const theirs = edit(copy, (draft) => deleteRecords(draft, [ideal.id]));
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.summary).toMatchObject({ deleted: 1, notesMoved: 1 });
    expect(noteWith(result.document, 'Ideal: locker')).toMatchObject({ scenarioId: current.id });
  });

  test('gives the map a Current scenario when each side deleted the one the other kept', () => {
    const { library, copy } = send(journeyMap());
    const { current, ideal } = currentAndIdeal(library);
    const ours = edit(library, (draft) => deleteRecords(draft, [current.id]));
    const theirs = edit(copy, (draft) => deleteRecords(draft, [ideal.id]));
    const result = merged(merge(ours, reopen(theirs), { now: 9_000 }));
    const scenarios = scenariosOf(result.document);
    expect(scenarios).toMatchObject([
      { id: migratedScenarioIds('map-toner').current, name: 'Current', kind: 'current', updated: 9_000 },
    ]);
    expect(noteWith(result.document, 'Hotline')).toMatchObject({
      scenarioId: scenarios[0]?.id,
      stageId: 'request',
    });
    expect(result.summary).toMatchObject({ added: 1, deleted: 1, notesMoved: 4 });
  });
});
