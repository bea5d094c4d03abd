import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './document-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';

export type BoardState = DocumentSlice & SessionSlice;

/** Builds a store; the app uses one (boardStore), tests make their own. */
export const createBoardStore = () =>
  createStore<BoardState>()((...args) => ({
    ...createDocumentSlice(...args),
    ...createSessionSlice(...args),
  }));

export type BoardStore = ReturnType<typeof createBoardStore>;

export const boardStore: BoardStore = createBoardStore();

export const useBoard = <T>(selector: (state: BoardState) => T): T => useStore(boardStore, selector);
