import { useEffect } from 'react';
import type { BoardStore } from '../store/index.ts';
import { copySelection, cutSelection, pasteNotes } from './clipboard.ts';
import { notForTheBoard } from './key-targets.ts';

/** Wires the document's copy/cut/paste events (keyboard, Edit menu roles) to the board. */
export const useClipboard = (store: BoardStore): void => {
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      if (notForTheBoard(event.target) || store.getState().editing) return;
      if (copySelection(store, event.clipboardData)) event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (notForTheBoard(event.target) || store.getState().editing) return;
      if (cutSelection(store, event.clipboardData)) event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (notForTheBoard(event.target) || store.getState().editing) return;
      event.preventDefault();
      pasteNotes(store, event.clipboardData?.getData('text/plain') || null);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);
};
