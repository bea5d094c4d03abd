import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RoomAddress, RoomInfo, RoomParticipant } from '../../shared/ipc/contract.ts';

/**
 * The room of the open map, as the facilitator's window knows it: session state, never saved
 * (the notes phones send go into the map itself). Main holds the real room; this mirrors it.
 */
export interface RoomState {
  /** The map whose room is open, with how phones join it; null while no room is open. */
  readonly open: { readonly mapId: string; readonly info: RoomInfo } | null;
  readonly opening: boolean;
  readonly participants: readonly RoomParticipant[];
  /** The laptop's networks, listed when the panel asks. */
  readonly addresses: readonly RoomAddress[];
  /** What went wrong last, in words for the facilitator; null when nothing did. */
  readonly problem: string | null;
}

export const CLOSED_ROOM: RoomState = {
  open: null,
  opening: false,
  participants: [],
  addresses: [],
  problem: null,
};

export const roomStore = createStore<RoomState>()(() => CLOSED_ROOM);

export type RoomStore = typeof roomStore;

export const useRoom = <T>(selector: (state: RoomState) => T): T => useStore(roomStore, selector);
