import { useEffect } from 'react';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { roundView, runningRound } from '../../shared/journey/rounds/round-queries.ts';
import { voteOnPhones, voteView } from '../../shared/journey/votes/phone-vote.ts';
import type { RoundView, VoteView } from '../../shared/room/protocol.ts';
import type { BoardStore } from '../store/index.ts';
import { applyRoomEvent, closeRoom } from './room-commands.ts';
import type { RoomStore } from './room-store.ts';
import { sendWhenChanged } from './send-when-changed.ts';

/** The vote phones should show now: the room map's vote on phones, or none. */
const voteForPhones = (board: BoardStore, room: RoomStore): VoteView | null => {
  const { doc } = board.getState();
  const open = room.getState().open;
  if (!doc || !open || doc.id !== open.mapId) return null;
  const vote = voteOnPhones(doc);
  return vote ? voteView(doc, vote) : null;
};

/** The round phones should show now: the running round of the room's map, or none. */
const roundForPhones = (board: BoardStore, room: RoomStore): RoundView | null => {
  const { doc } = board.getState();
  const open = room.getState().open;
  if (!doc || !open || doc.id !== open.mapId) return null;
  const round = runningRound(doc);
  return round ? roundView(doc, round) : null;
};

/**
 * Connects the board to the room while the board is open: the room's events are applied, and
 * phones are sent the running round and the vote on phones whenever they (or what they offer) change. Leaving
 * the board (another map, the library) closes the room: phones must not write into a map that
 * is no longer in front of the room.
 */
export const useRoomSync = (bridge: JourneywallBridge, room: RoomStore, board: BoardStore): void => {
  useEffect(() => {
    const stopEvents = bridge.onRoomEvent((event) => applyRoomEvent(event, room, board));
    const round = sendWhenChanged(bridge.setRoomRound.bind(bridge));
    const vote = sendWhenChanged(bridge.setRoomVote.bind(bridge));
    const sync = () => {
      if (!room.getState().open) return;
      round.send(roundForPhones(board, room));
      vote.send(voteForPhones(board, room));
    };
    const stopBoard = board.subscribe((state, previous) => {
      if (state.doc !== previous.doc) sync();
    });
    const stopRoom = room.subscribe((state, previous) => {
      if (state.open !== previous.open) {
        round.forget();
        vote.forget();
        sync();
      }
    });
    return () => {
      stopEvents();
      stopBoard();
      stopRoom();
      if (room.getState().open) void closeRoom(bridge, room);
    };
  }, [bridge, room, board]);
};
