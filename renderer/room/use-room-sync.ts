import { useEffect } from 'react';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { roundView, runningRound } from '../../shared/journey/rounds/round-queries.ts';
import type { RoundView } from '../../shared/room/protocol.ts';
import type { BoardStore } from '../store/index.ts';
import { applyRoomEvent, closeRoom } from './room-commands.ts';
import type { RoomStore } from './room-store.ts';

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
 * phones are sent the running round whenever it (or a stage or lane it offers) changes. Leaving
 * the board (another map, the library) closes the room: phones must not write into a map that
 * is no longer in front of the room.
 */
export const useRoomSync = (bridge: JourneywallBridge, room: RoomStore, board: BoardStore): void => {
  useEffect(() => {
    const stopEvents = bridge.onRoomEvent((event) => applyRoomEvent(event, room, board));
    let sent = 'null';
    const sync = () => {
      if (!room.getState().open) {
        sent = 'null';
        return;
      }
      const round = roundForPhones(board, room);
      const text = JSON.stringify(round);
      if (text === sent) return;
      sent = text;
      void bridge.setRoomRound(round);
    };
    const stopBoard = board.subscribe((state, previous) => {
      if (state.doc !== previous.doc) sync();
    });
    const stopRoom = room.subscribe((state, previous) => {
      if (state.open !== previous.open) {
        sent = '';
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
