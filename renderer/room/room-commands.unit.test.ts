import { beforeEach, describe, expect, it } from 'vitest';
import type { RoomEvent, RoomInfo } from '../../shared/ipc/contract.ts';
import { hiddenNotes, roundsOf } from '../../shared/journey/rounds/round-queries.ts';
import { scenariosOf } from '../../shared/model/document.ts';
import { addNote, newMapDocument } from '../../shared/model/edits.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { applyRoomEvent, revealInbox, startRound } from './room-commands.ts';
import { CLOSED_ROOM, roomStore } from './room-store.ts';

let board: BoardStore;
const info: RoomInfo = {
  code: 'K7MQ4P',
  url: 'http://192.168.1.20:51234/j/abcdefghijklmnopqrstuv',
  address: '192.168.1.20',
  port: 51234,
};

const mapId = () => board.getState().doc?.id ?? '';

const noteEvent = (text: string, id = `id-${text.length}-abcdef`): RoomEvent => {
  const round = roundsOf(board.getState().doc ?? { id: '', records: {} })[0];
  return {
    type: 'note',
    participantId: 'phone-ana-0001',
    name: 'Ana',
    received: 5000,
    note: { type: 'note', id, roundId: round?.id ?? 'none', text, stageId: null, laneId: null, kind: 'note' },
  };
};

const roundNow = () => {
  const doc = board.getState().doc;
  const round = doc ? roundsOf(doc)[0] : undefined;
  if (!round) throw new Error('no round');
  return round;
};

beforeEach(() => {
  board = createBoardStore();
  board.getState().loadDocument(newMapDocument('Workshop'));
  const doc = board.getState().doc;
  const scenario = doc ? scenariosOf(doc)[0] : undefined;
  if (scenario) board.getState().setScenario(scenario.id);
  roomStore.setState({ ...CLOSED_ROOM, open: { mapId: mapId(), info } });
});

describe('notes arriving from the room', () => {
  it('join the inbox of the room’s map once, and are no undo step', () => {
    startRound(board, { prompt: 'What happens first?' });
    board.getState().edit('Add a note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Mine' });
    });
    applyRoomEvent(noteEvent('From a phone'), roomStore, board);
    applyRoomEvent(noteEvent('From a phone'), roomStore, board);
    expect(hiddenNotes(roundNow()).map((note) => note.text)).toEqual(['From a phone']);
    board.getState().undo();
    expect(hiddenNotes(roundNow())).toHaveLength(1);
  });

  it('never take back the inbox when the round’s opening is undone: that step is forgotten', () => {
    startRound(board, { prompt: 'What happens first?' });
    applyRoomEvent(noteEvent('Kept'), roomStore, board);
    board.getState().undo();
    expect(roundsOf(board.getState().doc ?? { id: '', records: {} })).toHaveLength(1);
    expect(hiddenNotes(roundNow()).map((note) => note.text)).toEqual(['Kept']);
  });

  it('cut the undo history at the round’s last step: undo stops there rather than skipping it', () => {
    board.getState().edit('Add a note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Before the round' });
    });
    startRound(board, { prompt: 'What happens first?' });
    board.getState().edit('Add a note', (draft) => {
      addNote(draft, { x: 300, y: 0, text: 'During the round' });
    });
    applyRoomEvent(noteEvent('From a phone'), roomStore, board);
    expect(board.getState().past.map((entry) => entry.label)).toEqual(['Add a note']);
    board.getState().undo();
    board.getState().undo();
    const texts = Object.values(board.getState().doc?.records ?? {}).flatMap((record) =>
      record.type === 'note' && !record.isDeleted ? [record.text] : [],
    );
    expect(texts).toEqual(['Before the round']);
  });

  it('land only in the map whose room is open', () => {
    startRound(board, { prompt: 'What happens first?' });
    roomStore.setState({ open: { mapId: 'another-map', info } });
    applyRoomEvent(noteEvent('Elsewhere'), roomStore, board);
    expect(roundNow().inbox).toEqual([]);
  });

  it('are revealed onto the board as one undo step', () => {
    startRound(board, { prompt: 'What happens first?' });
    applyRoomEvent(noteEvent('Revealed'), roomStore, board);
    revealInbox(board, roundNow().id, false);
    const texts = () =>
      Object.values(board.getState().doc?.records ?? {}).flatMap((record) =>
        record.type === 'note' && !record.isDeleted ? [record.text] : [],
      );
    expect(texts()).toEqual(['Revealed']);
    board.getState().undo();
    expect(texts()).toEqual([]);
    expect(hiddenNotes(roundNow())).toHaveLength(1);
  });

  it('show who is in the room, and a room that stopped says why', () => {
    applyRoomEvent(
      { type: 'participants', participants: [{ id: 'phone-ana-0001', name: 'Ana', connected: true }] },
      roomStore,
      board,
    );
    expect(roomStore.getState().participants).toEqual([
      { id: 'phone-ana-0001', name: 'Ana', connected: true },
    ]);
    applyRoomEvent({ type: 'closed', reason: 'The network went away.' }, roomStore, board);
    expect(roomStore.getState()).toMatchObject({
      open: null,
      participants: [],
      problem: 'The network went away.',
    });
  });
});
