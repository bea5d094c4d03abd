import { describe, expect, it } from 'vitest';
import { deleteRecords } from '../../model/edits.ts';
import type { RoundRecord } from '../../model/journey-records.ts';
import { FILE_LIMITS } from '../../model/limits.ts';
import type { NoteRecord } from '../../model/records.ts';
import { lanesOf, stagesOf } from '../layout.ts';
import { testMap } from '../scenarios/test-support.ts';
import {
  type Arrival,
  DEFAULT_PROMPT,
  endRound,
  openRound,
  RESTORED_PROMPT,
  receiveNote,
  revealRound,
} from './round-edits.ts';
import { authorsOf, hiddenNotes, roundView, runningRound, writersOf } from './round-queries.ts';

const roundIn = (doc: { records: Record<string, unknown> }, id: string): RoundRecord => {
  const record = doc.records[id] as RoundRecord | undefined;
  if (record?.type !== 'round') throw new Error(`no round ${id}`);
  return record;
};

const setUp = () => {
  const map = testMap();
  const opened = openRound(
    map.doc,
    { prompt: 'What happens before they call us?', scenarioId: map.currentId, kinds: ['note', 'breakdown'] },
    1000,
  );
  if (!opened.ok) throw new Error('not opened');
  let count = 0;
  const use = map.stageId('Use');
  const thoughts = map.laneId('Thoughts and feelings');
  const arrive = (changes: Partial<Arrival> = {}) =>
    receiveNote(map.doc, {
      roundId: opened.id,
      participantId: 'phone-ana-0001',
      author: 'Ana',
      id: `note-${++count}-abcdef`,
      text: 'Prints come out striped',
      kind: 'note',
      stageId: use,
      laneId: thoughts,
      received: 2000 + count,
      ...changes,
    });
  return { map, roundId: opened.id, arrive };
};

const notesOfCell = (map: ReturnType<typeof testMap>, stage: string, lane: string): NoteRecord[] =>
  Object.values(map.doc.records).filter(
    (record): record is NoteRecord =>
      record.type === 'note' &&
      !record.isDeleted &&
      record.stageId === map.stageId(stage) &&
      record.laneId === map.laneId(lane),
  );

describe('opening a writing round', () => {
  it('asks the prompt with the kinds chosen, and phones see every stage and lane in the map’s order', () => {
    const { map, roundId } = setUp();
    const round = roundIn(map.doc, roundId);
    expect(round).toMatchObject({
      prompt: 'What happens before they call us?',
      ended: false,
      inbox: [],
      endsAt: null,
    });
    const view = roundView(map.doc, round);
    expect(view.stages.map((stage) => stage.name)).toEqual(stagesOf(map.doc).map((stage) => stage.name));
    expect(view.lanes.map((lane) => lane.id)).toEqual(lanesOf(map.doc).map((lane) => lane.id));
    expect(view.kinds).toEqual(['note', 'breakdown']);
  });

  it('for one stage offers only that stage; a blank prompt gets the default; minutes set when it ends', () => {
    const map = testMap();
    const opened = openRound(
      map.doc,
      { prompt: '   ', scenarioId: map.currentId, stageId: map.stageId('Use'), minutes: 5 },
      1000,
    );
    if (!opened.ok) throw new Error('not opened');
    const round = roundIn(map.doc, opened.id);
    expect(round).toMatchObject({ prompt: DEFAULT_PROMPT, kinds: ['note'], endsAt: 1000 + 5 * 60_000 });
    expect(roundView(map.doc, round).stages.map((stage) => stage.name)).toEqual(['Use']);
  });

  it('ends the round still running: phones write for one round at a time', () => {
    const { map, roundId } = setUp();
    const next = openRound(map.doc, { prompt: 'And after?', scenarioId: map.currentId }, 5000);
    if (!next.ok) throw new Error('not opened');
    expect(roundIn(map.doc, roundId).ended).toBe(true);
    expect(runningRound(map.doc)?.id).toBe(next.id);
  });
});

describe('notes arriving from phones', () => {
  it('wait in the inbox, not on the board, each counted once however often the phone resends it', () => {
    const { map, roundId, arrive } = setUp();
    const notesBefore = Object.keys(map.doc.records).length;
    expect(arrive({ id: 'same-note-id' })).toBe('added');
    expect(arrive({ id: 'same-note-id' })).toBe('duplicate');
    expect(arrive({ id: 'same-note-id', participantId: 'phone-ben-0002', author: 'Ben' })).toBe('added');
    const round = roundIn(map.doc, roundId);
    expect(hiddenNotes(round)).toHaveLength(2);
    expect(writersOf(round.inbox)).toBe(2);
    expect(Object.keys(map.doc.records)).toHaveLength(notesBefore);
  });

  it('are kept when they reach an ended round (written in time on a phone that was offline)', () => {
    const { map, roundId, arrive } = setUp();
    endRound(map.doc, roundId, 3000);
    expect(arrive()).toBe('added');
    expect(roundIn(map.doc, roundId).inbox).toHaveLength(1);
  });

  it('are refused past the inbox limit', () => {
    const { map, roundId, arrive } = setUp();
    const round = roundIn(map.doc, roundId);
    const full = Array.from({ length: FILE_LIMITS.maxInboxNotes }, (_, index) => ({
      id: `n${index}-abcdefgh`,
      participantId: 'phone-full-001',
      author: '',
      text: 'x',
      kind: 'note' as const,
      stageId: null,
      laneId: null,
      received: 1,
      noteId: null,
    }));
    map.doc.records[roundId] = { ...round, inbox: full };
    expect(arrive()).toBe('full');
  });

  it('bring back a round that is gone (its opening undone, or deleted), ended, to hold the note', () => {
    const { map, roundId, arrive } = setUp();
    deleteRecords(map.doc, [roundId]);
    expect(arrive({ text: 'Written before the undo' })).toBe('added');
    expect(roundIn(map.doc, roundId)).toMatchObject({ isDeleted: false, ended: true });
    delete map.doc.records[roundId];
    expect(arrive({ text: 'Written before the undo', id: 'another-note-1' })).toBe('added');
    expect(roundIn(map.doc, roundId)).toMatchObject({
      prompt: RESTORED_PROMPT,
      ended: true,
      inbox: [{ text: 'Written before the undo' }],
    });
    // An id that names a stage is no round to bring back.
    expect(arrive({ roundId: map.stageId('Use') })).toBe('no-round');
  });

  it('take a kind the round offers and forget a stage the map no longer has', () => {
    const { map, roundId, arrive } = setUp();
    const use = map.stageId('Use');
    deleteRecords(map.doc, [use]);
    arrive({ kind: 'idea', stageId: use });
    expect(roundIn(map.doc, roundId).inbox[0]).toMatchObject({ kind: 'note', stageId: null });
  });
});

describe('revealing a round', () => {
  it('puts each note in the cell its writer chose, after the notes there, grouping exact duplicates', () => {
    const { map, roundId, arrive } = setUp();
    arrive({ text: 'Prints come out striped' });
    arrive({ text: '  prints come OUT   striped ', participantId: 'phone-ben-0002', author: 'Ben' });
    arrive({
      text: 'Hold music for 20 minutes',
      kind: 'breakdown',
      stageId: map.stageId('Purchase'),
      laneId: map.laneId('Breakdown points'),
    });
    const result = revealRound(map.doc, roundId, true, 9000);
    expect(result).toEqual({ revealed: 3, placed: 2 });
    const striped = notesOfCell(map, 'Use', 'Thoughts and feelings');
    expect(striped.map((note) => note.text)).toEqual(['Prints come out striped']);
    const [hold] = notesOfCell(map, 'Purchase', 'Breakdown points');
    expect(hold).toMatchObject({ text: 'Hold music for 20 minutes', kind: 'breakdown', color: 'pink' });
    const round = roundIn(map.doc, roundId);
    expect(hiddenNotes(round)).toEqual([]);
    expect(round.ended).toBe(true);
    expect(authorsOf(map.doc, striped[0]?.id ?? '')).toEqual(['Ana', 'Ben']);
  });

  it('anonymously forgets who wrote what for good', () => {
    const { map, roundId, arrive } = setUp();
    arrive();
    revealRound(map.doc, roundId, false, 9000);
    const round = roundIn(map.doc, roundId);
    expect(round.inbox.map((note) => note.author)).toEqual(['']);
    expect(authorsOf(map.doc, round.inbox[0]?.noteId ?? '')).toEqual([]);
  });

  it('reveals late notes on a second reveal, leaving the first ones where they are', () => {
    const { map, roundId, arrive } = setUp();
    arrive({ text: 'First' });
    revealRound(map.doc, roundId, true, 9000);
    arrive({ text: 'Late' });
    expect(revealRound(map.doc, roundId, true, 9500)).toEqual({ revealed: 1, placed: 1 });
    const cell = notesOfCell(map, 'Use', 'Thoughts and feelings').sort((a, b) => a.slot - b.slot);
    expect(cell.map((note) => note.text)).toEqual(['First', 'Late']);
  });

  it('gives a plain note the kind its lane asks for, as typing into the lane does', () => {
    const { map, roundId, arrive } = setUp();
    arrive({ text: 'Reorder page', laneId: map.laneId('Touchpoints') });
    revealRound(map.doc, roundId, true, 9000);
    expect(notesOfCell(map, 'Use', 'Touchpoints')[0]).toMatchObject({
      kind: 'touchpoint',
      text: 'Reorder page',
    });
  });

  it('puts a note whose cell is gone below the grid, in the round’s scenario', () => {
    const { map, roundId, arrive } = setUp();
    arrive({ stageId: null, laneId: null, text: 'No cell' });
    revealRound(map.doc, roundId, true, 9000);
    const placed = Object.values(map.doc.records).find(
      (record): record is NoteRecord => record.type === 'note' && record.text === 'No cell',
    );
    expect(placed).toMatchObject({ stageId: null, laneId: null, scenarioId: map.currentId });
    expect(placed?.y).toBeGreaterThan(0);
  });
});
