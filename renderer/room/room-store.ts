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
  /** Whether phones can read the map (the shown scenario, stage by stage). */
  readonly mapShared: boolean;
  /** Whether phones show the stage present mode shows. */
  readonly followPresent: boolean;
}

/** A closed room; the facilitator's choices of what phones see stay as they were. */
export const CLOSED_ROOM = {
  open: null,
  opening: false,
  participants: [],
  addresses: [],
  problem: null,
} as const satisfies Partial<RoomState>;

export const roomStore = createStore<RoomState>()(() => ({
  ...CLOSED_ROOM,
  mapShared: true,
  followPresent: true,
}));

export type RoomStore = typeof roomStore;

export const useRoom = <T>(selector: (state: RoomState) => T): T => useStore(roomStore, selector);
