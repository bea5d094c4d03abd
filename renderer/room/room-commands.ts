import type { JourneywallBridge, RoomEvent } from '../../shared/ipc/contract.ts';
import {
  endRound,
  hasArrived,
  openRound,
  type RoundOptions,
  receiveNote,
  revealRound,
} from '../../shared/journey/rounds/round-edits.ts';
import { liveRound } from '../../shared/journey/rounds/round-queries.ts';
import { setPhoneBallot } from '../../shared/journey/votes/vote-edits.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';
import { CLOSED_ROOM, type RoomStore } from './room-store.ts';

type RoomBridge = Pick<
  JourneywallBridge,
  'roomAddresses' | 'openRoom' | 'closeRoom' | 'removeParticipant' | 'setRoomRound'
>;

/** Lists the networks the room can be opened on, the likeliest first. */
export const listNetworks = async (bridge: RoomBridge, room: RoomStore): Promise<void> => {
  const addresses = await bridge.roomAddresses();
  room.setState({ addresses });
};

/** Opens the map's room on a network; phones of an earlier room of this map reconnect by themselves. */
export const openRoomFor = async (
  bridge: RoomBridge,
  room: RoomStore,
  mapId: string,
  address: string,
  newAddress = false,
) => {
  room.setState({ opening: true, problem: null });
  try {
    const result = await bridge.openRoom(mapId, address, newAddress);
    if ('error' in result) room.setState({ opening: false, problem: result.error });
    else room.setState({ opening: false, open: { mapId, info: result }, participants: [] });
  } catch {
    room.setState({ opening: false, problem: 'The room could not be opened. Try another network.' });
  }
};

/** Closes the room: phones are told, and the laptop stops listening. */
export const closeRoom = async (bridge: RoomBridge, room: RoomStore): Promise<void> => {
  const { addresses } = room.getState();
  room.setState({ ...CLOSED_ROOM, addresses });
  await bridge.closeRoom();
};

export const removeParticipant = (bridge: RoomBridge, room: RoomStore, id: string): void => {
  room.setState({
    participants: room.getState().participants.filter((participant) => participant.id !== id),
  });
  void bridge.removeParticipant(id);
};

/**
 * What the room reports, applied: who is in it, and each note a phone sent put into its round's
 * inbox, in the map of the room only (a note never lands in another map), as no undo step.
 */
export const applyRoomEvent = (event: RoomEvent, room: RoomStore, board: BoardStore): void => {
  const open = room.getState().open;
  if (event.type === 'participants') {
    room.setState({ participants: event.participants });
    return;
  }
  if (event.type === 'closed') {
    room.setState({ ...CLOSED_ROOM, addresses: room.getState().addresses, problem: event.reason });
    return;
  }
  const { doc } = board.getState();
  if (!open || !doc || doc.id !== open.mapId) return;
  if (event.type === 'ballot') {
    const { ballot, participantId } = event;
    board.getState().receive((draft) => {
      setPhoneBallot(draft, ballot.voteId, participantId, ballot.dots, event.received);
    });
    return;
  }
  const { note, participantId, name, received } = event;
  // A resend or the journal's replay after a reopen: known already, so no edit at all.
  const round = liveRound(doc, note.roundId);
  if (round && hasArrived(round, { id: note.id, participantId })) return;
  board.getState().receive((draft) => {
    receiveNote(draft, { ...note, participantId, author: name, received });
  });
};

/** Opens a writing round on the shown scenario; phones are sent it by the room's sync. */
export const startRound = (board: BoardStore, options: Omit<RoundOptions, 'scenarioId'>): void => {
  const { scenarioId } = board.getState();
  if (!scenarioId) return;
  board.getState().edit('Open a writing round', (draft) => {
    const result = openRound(draft, { ...options, scenarioId });
    if (!result.ok) showNotice('This map already has as many writing rounds as a map can hold.');
  });
};

export const stopRound = (board: BoardStore, roundId: string): void =>
  board.getState().edit('End the writing round', (draft) => endRound(draft, roundId));

/** Puts the round's hidden notes on the board; says how many, grouping duplicates. */
export const revealInbox = (board: BoardStore, roundId: string, keepNames: boolean): void => {
  let result = { revealed: 0, placed: 0 };
  board.getState().edit('Reveal the notes', (draft) => {
    result = revealRound(draft, roundId, keepNames);
  });
  if (result.revealed > result.placed)
    showNotice(
      `Revealed ${result.revealed} notes as ${result.placed}: exact duplicates in one cell were put together.`,
    );
};
