import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './document-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';

export type BoardState = DocumentSlice & SessionSlice;

/** The pointer over the board, in screen pixels (see board/pointer.ts); null when it is not over it. */
export interface PointerSpot {
  screen: { readonly x: number; readonly y: number } | null;
}

/** Builds a store; the app uses one (boardStore), tests make their own. */
export const createBoardStore = () =>
  Object.assign(
    createStore<BoardState>()((...args) => ({
      ...createDocumentSlice(...args),
      ...createSessionSlice(...args),
    })),
    { pointer: { screen: null } as PointerSpot },
  );

export type BoardStore = ReturnType<typeof createBoardStore>;

export const boardStore: BoardStore = createBoardStore();

export const useBoard = <T>(selector: (state: BoardState) => T): T => useStore(boardStore, selector);
