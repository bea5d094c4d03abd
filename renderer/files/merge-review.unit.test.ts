import { beforeEach, describe, expect, test } from 'vitest';
import { deleteScenario } from '../../shared/journey/scenarios/scenario-edits.ts';
import { removeHeader } from '../../shared/journey/structure-edits.ts';
import { addDot, deleteVote, revealVote, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { type MergeConflict, merge } from '../../shared/merge/merge.ts';
import {
  addTouchpoints,
  change,
  currentAndIdeal,
  edit,
  merged,
  noteWith,
  persona,
  reopen,
  send,
  tonerMap,
} from '../../shared/merge/test-support.ts';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { addNote, deleteRecords, type MutableDocument, updateNote } from '../../shared/model/edits.ts';
import type {
  LaneRecord,
  PersonaRecord,
  ScenarioRecord,
  StageRecord,
} from '../../shared/model/journey-records.ts';
import type { MapRecord } from '../../shared/model/records.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import {
  choicesFor,
  conflictSentence,
  conflictTarget,
  differingFields,
  resolveConflict,
  reviewStore,
  startReview,
} from './merge-review.ts';

/**
 * Resolving what a merge could not decide: for a stage, lane, scenario, persona, vote or the
 * map's settings the facilitator keeps theirs or takes the copy's version; a record one side deleted
 * is deleted the way the app deletes it, or kept.
 */

/** The toner map with a persona, two touchpoints in the first cell of Current and a breakdown point. */
const journeyMap = (): JourneyDocument =>
  tonerMap((doc) => {
    doc.records.david = persona('david', 'David');
    addTouchpoints(doc, ['Web shop', 'Re-order email']);
    addNote(doc, { x: 40, y: 40, text: 'Ask sales', stageId: 'respond', laneId: 'breakdowns' }, 2_000);
  });

const scenarioIds = (doc: JourneyDocument) => {
  const { current, ideal } = currentAndIdeal(doc);
  return { current: current.id, ideal: ideal.id };
};

let store: BoardStore;

/**
 * The library sends its map; the library and the copy each change it; the library merges the
 * copy back, as File ▸ Merge a copy does. Returns the conflicts left to review.
 */
const mergeEdits = (
  ours: (draft: MutableDocument) => void,
  theirs: (draft: MutableDocument) => void,
  base: JourneyDocument = journeyMap(),
): { conflicts: readonly MergeConflict[]; copy: JourneyDocument } => {
  const sent = send(base);
  const copy = reopen(edit(sent.copy, theirs));
  const local = edit(sent.library, ours);
  store.getState().loadDocument(local);
  const result = merged(merge(local, copy, { now: 5_000 }));
  store.getState().edit('Merge a copy', (draft) => {
    for (const [id, record] of Object.entries(result.document.records))
      if (local.records[id] !== record) draft.records[id] = record;
  });
  startReview(local.id, 'copy.cxmap', result.summary, result.conflicts);
  return { conflicts: result.conflicts, copy };
};

const doc = (): JourneyDocument => {
  const current = store.getState().doc;
  if (!current) throw new Error('no map open');
  return current;
};

const only = (conflicts: readonly MergeConflict[]): MergeConflict => {
  expect(conflicts).toHaveLength(1);
  return conflicts[0] as MergeConflict;
};

const labels = (conflict: MergeConflict) => choicesFor(doc(), conflict).map(({ label }) => label);

beforeEach(() => {
  store = createBoardStore();
  reviewStore.setState({ mapId: null, summary: null, conflicts: [] });
});

describe('a stage both copies changed', () => {
  const both = () =>
    mergeEdits(
      (draft) => change<StageRecord>(draft, 'request', { name: 'Orders toner' }),
      (draft) => change<StageRecord>(draft, 'request', { width: 400, color: 'blue' }),
    );

  test('says which stage and what differs, and offers mine or theirs', () => {
    const conflict = only(both().conflicts);
    expect(conflict).toMatchObject({ kind: 'both-edited-record', recordType: 'stage' });
    expect(conflictSentence(doc(), conflict)).toBe(
      'Both copies changed the stage “Orders toner” (name, width, colour); yours is kept until you choose.',
    );
    expect(labels(conflict)).toEqual(['Keep mine', 'Use theirs']);
    expect(conflictTarget(doc(), conflict)).toEqual({
      kind: 'header',
      header: { kind: 'stage', id: 'request' },
    });
  });

  test('keeping theirs takes the copy’s stage, as one undo step, and merging the copy again finds nothing', () => {
    const { conflicts, copy } = both();
    const conflict = only(conflicts);
    const before = store.getState().past.length;
    resolveConflict(store, conflict, 'theirs');
    expect(doc().records.request).toMatchObject({
      name: 'Request',
      width: 400,
      color: 'blue',
      isDeleted: false,
    });
    expect(store.getState().past.length).toBe(before + 1);
    expect(reviewStore.getState().conflicts).toEqual([]);
    const again = merge(doc(), copy);
    expect(again.ok && again.conflicts).toEqual([]);
    store.getState().undo();
    expect(doc().records.request).toMatchObject({ name: 'Orders toner', width: 260, color: null });
  });

  test('keeping mine changes nothing and leaves nothing to decide', () => {
    const { conflicts } = both();
    const records = doc().records;
    const before = store.getState().past.length;
    resolveConflict(store, only(conflicts), 'mine');
    expect(doc().records).toBe(records);
    expect(store.getState().past.length).toBe(before);
    expect(reviewStore.getState().conflicts).toEqual([]);
  });
});

describe('other records both copies changed', () => {
  test('a scenario: theirs brings the copy’s emotion scores', () => {
    let ids = { current: '', ideal: '' };
    const { conflicts } = mergeEdits(
      (draft) => {
        ids = scenarioIds(draft);
        change<ScenarioRecord>(draft, ids.current, { emotions: { request: -2, respond: 1 } });
      },
      (draft) =>
        change<ScenarioRecord>(draft, scenarioIds(draft).current, {
          emotions: { request: 3 },
          name: 'Today',
        }),
    );
    const conflict = only(conflicts);
    expect(conflictSentence(doc(), conflict)).toBe(
      'Both copies changed the scenario “Current” (name, emotion score); yours is kept until you choose.',
    );
    expect(conflictTarget(doc(), conflict)).toEqual({ kind: 'scenario', id: ids.current });
    resolveConflict(store, conflict, 'theirs');
    expect(doc().records[ids.current]).toMatchObject({ name: 'Today', emotions: { request: 3 } });
  });

  test('a persona: theirs brings the copy’s card', () => {
    const { conflicts } = mergeEdits(
      (draft) => change<PersonaRecord>(draft, 'david', { goals: 'Never run out' }),
      (draft) =>
        change<PersonaRecord>(draft, 'david', { name: 'David, studio owner', quote: 'Striped prints!' }),
    );
    const conflict = only(conflicts);
    expect(conflictSentence(doc(), conflict)).toBe(
      'Both copies changed the persona “David” (name, description of goals, quote); yours is kept until you choose.',
    );
    expect(conflictTarget(doc(), conflict)).toBeNull();
    resolveConflict(store, conflict, 'theirs');
    expect(doc().records.david).toMatchObject({
      name: 'David, studio owner',
      goals: '',
      quote: 'Striped prints!',
    });
  });

  test('the map’s settings: theirs brings the copy’s thresholds', () => {
    const { conflicts } = mergeEdits(
      (draft) => change<MapRecord>(draft, draft.id, { showCategories: true }),
      (draft) =>
        change<MapRecord>(draft, draft.id, {
          insightSettings: { maxTouchpoints: 8, maxStampShare: 0.34, lowEmotion: -2 },
        }),
    );
    const conflict = only(conflicts);
    expect(conflictSentence(doc(), conflict)).toBe(
      'Both copies changed the map “Toner refill” (category setting, insight threshold); yours is kept until you choose.',
    );
    resolveConflict(store, conflict, 'theirs');
    expect(mapRecordOf(doc())).toMatchObject({
      showCategories: false,
      insightSettings: { maxTouchpoints: 8, lowEmotion: -2 },
    });
  });
});

describe('a vote both copies changed', () => {
  /** The journey map with a vote begun before the file was sent, and the vote's id. */
  const votedMap = () => {
    let id = '';
    const base = edit(journeyMap(), (draft) => {
      const started = startVote(draft, {
        question: 'Which breakdowns hurt most?',
        scenarioId: scenarioIds(draft).current,
        voters: 3,
        dotsPerVoter: 2,
      });
      if (started.ok) id = started.id;
    });
    return { base, id };
  };
  const dot = (text: string, voteId: string) => (draft: MutableDocument) => {
    addDot(draft, voteId, noteWith(draft, text).id);
  };

  test('says which vote and that its dots differ, and theirs brings the copy’s dots', () => {
    const { base, id } = votedMap();
    const { conflicts } = mergeEdits(dot('Web shop', id), dot('Re-order email', id), base);
    const conflict = only(conflicts);
    expect(conflict).toMatchObject({ kind: 'both-edited-record', recordType: 'vote' });
    expect(conflictSentence(doc(), conflict)).toBe(
      'Both copies changed the vote “Which breakdowns hurt most?” (dots); yours is kept until you choose.',
    );
    expect(labels(conflict)).toEqual(['Keep mine', 'Use theirs']);
    expect(conflictTarget(doc(), conflict)).toBeNull();
    resolveConflict(store, conflict, 'theirs');
    expect(doc().records[id]).toMatchObject({ ballots: [{ [noteWith(doc(), 'Re-order email').id]: 1 }] });
  });

  test('a vote revealed here and deleted there: deleting it deletes the vote', () => {
    const { base, id } = votedMap();
    const { conflicts } = mergeEdits(
      (draft) => revealVote(draft, id),
      (draft) => deleteVote(draft, id),
      base,
    );
    const conflict = only(conflicts);
    expect(conflictSentence(doc(), conflict)).toBe(
      'You changed the vote “Which breakdowns hurt most?”; the file deleted it.',
    );
    resolveConflict(store, conflict, 'theirs');
    expect(doc().records[id]).toMatchObject({ isDeleted: true, revealed: true });
  });
});

describe('a record one copy deleted and the other changed', () => {
  test('a lane renamed here and deleted there: deleting it keeps its notes, out of the grid', () => {
    const { conflicts } = mergeEdits(
      (draft) => change<LaneRecord>(draft, 'breakdowns', { name: 'Pain points' }),
      // Deleted as the app deletes a lane: its notes move out of the grid, each an edit of its own.
      (draft) => removeHeader(draft, 'breakdowns', 'move-out', () => undefined),
    );
    const conflict = only(conflicts);
    expect(conflict).toEqual({
      kind: 'edited-here-deleted-there',
      localId: 'breakdowns',
      incomingId: 'breakdowns',
    });
    expect(conflictSentence(doc(), conflict)).toBe(
      'You changed the lane “Pain points”; the file deleted it.',
    );
    expect(labels(conflict)).toEqual(['Keep my edit', 'Delete it']);
    resolveConflict(store, conflict, 'theirs');
    expect(doc().records.breakdowns).toMatchObject({ isDeleted: true });
    expect(noteWith(doc(), 'Ask sales')).toMatchObject({ isDeleted: false, stageId: null, laneId: null });
  });

  test('a stage deleted here and changed there: keeping their edit keeps the stage', () => {
    const { conflicts } = mergeEdits(
      (draft) => deleteRecords(draft, ['respond']),
      (draft) => change<StageRecord>(draft, 'respond', { name: 'Delivers' }),
    );
    const conflict = only(conflicts);
    expect(conflictSentence(doc(), conflict)).toBe('You deleted the stage “Delivers”; the file changed it.');
    expect(labels(conflict)).toEqual(['Delete it', 'Keep their edit']);
    resolveConflict(store, conflict, 'theirs');
    expect(doc().records.respond).toMatchObject({ name: 'Delivers', isDeleted: false });
  });

  test('a scenario deleted here and changed there: deleting it again says it takes its notes', () => {
    let ideal = '';
    let current = '';
    const { conflicts } = mergeEdits(
      (draft) => {
        ({ ideal, current } = scenarioIds(draft));
        deleteRecords(draft, [ideal]);
      },
      (draft) => {
        const id = scenarioIds(draft).ideal;
        change<ScenarioRecord>(draft, id, { name: 'Ideal (lead)' });
        addNote(draft, { x: 0, y: 0, text: 'Locker next door', scenarioId: id }, 4_000);
      },
    );
    const conflict = only(conflicts);
    expect(labels(conflict)).toEqual(['Delete it and its note', 'Keep their edit']);
    store.getState().setScenario(ideal);
    resolveConflict(store, conflict, 'mine');
    expect(doc().records[ideal]).toMatchObject({ isDeleted: true });
    expect(noteWith(doc(), 'Locker next door')).toMatchObject({ isDeleted: true });
    // The board showed the scenario just deleted: it shows the one left.
    expect(store.getState().scenarioId).toBe(current);
  });

  test('the last scenario of a map is never offered for deletion', () => {
    let ids = { current: '', ideal: '' };
    const { conflicts } = mergeEdits(
      (draft) => {
        ids = scenarioIds(draft);
        change<ScenarioRecord>(draft, ids.current, { name: 'Now' });
      },
      // Deleted as the app deletes a scenario: with its notes.
      (draft) => deleteScenario(draft, scenarioIds(draft).current),
    );
    const conflict = only(conflicts);
    store.getState().edit('Delete Ideal', (draft) => deleteRecords(draft, [ids.ideal]));
    expect(labels(conflict)).toEqual(['Keep my edit']);
  });
});

describe('a note both copies changed', () => {
  test('keeping theirs puts their note in the place of mine, in its cell and order', () => {
    const { conflicts } = mergeEdits(
      (draft) => updateNote(draft, noteWith(draft, 'Web shop').id, { text: 'Web shop (ours)' }),
      (draft) => updateNote(draft, noteWith(draft, 'Web shop').id, { text: 'Web shop (theirs)' }),
    );
    const conflict = only(conflicts);
    const mine = noteWith(doc(), 'Web shop (ours)');
    expect(conflictTarget(doc(), conflict)).toEqual({
      kind: 'notes',
      scenarioId: mine.scenarioId,
      ids: [conflict.localId, conflict.incomingId],
    });
    expect(conflictSentence(doc(), conflict)).toBe(
      'Both copies changed this note: “Web shop (ours)” here, “Web shop (theirs)” in the file.',
    );
    resolveConflict(store, conflict, 'theirs');
    expect(doc().records[mine.id]).toMatchObject({ isDeleted: true });
    const theirs = noteWith(doc(), 'Web shop (theirs)');
    expect(theirs).toMatchObject({ stageId: 'request', laneId: 'touch', slot: mine.slot });
    expect(theirs.conflictOf).toBeUndefined();
  });
});

describe('differingFields', () => {
  test('names nothing for a record equal in content, whatever the order of its scores', () => {
    const { current } = currentAndIdeal(journeyMap());
    const scored = { ...current, emotions: { a: 1, b: 2 } };
    expect(differingFields(scored, { ...scored, emotions: { b: 2, a: 1 }, version: 9 })).toEqual([]);
  });
});
