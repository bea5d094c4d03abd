import { useEffect } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract.ts';
import { NOTE_COLORS } from '../../shared/model/records.ts';
import type { BoardStore } from '../store/index.ts';
import { typeIntoSelectedCell } from './cell-typing.ts';
import { applyColor, nudgeSelection, stepOut } from './commands.ts';
import { colourIndex, nudgeOf, SELECTION_KEYS } from './key-bindings.ts';
import { createNoteKeys } from './note-keys.ts';
import { type AppCommand, BOARD_COMMANDS, isAppCommand, type KeyPress, SHORTCUTS } from './shortcuts.ts';

export type { AppCommand };

import { isTyping, notForTheBoard } from './key-targets.ts';

/** Menu commands that act on a text field instead of the board while one has the focus. */
const TEXT_COMMANDS: Partial<Record<MenuCommand, string>> = {
  undo: 'undo',
  redo: 'redo',
  'select-all': 'selectAll',
};

export const runCommand = (
  store: BoardStore,
  command: MenuCommand | 'edit-note',
  onAppCommand: (command: AppCommand) => void,
): void => {
  const textCommand = command !== 'edit-note' ? TEXT_COMMANDS[command] : undefined;
  if (textCommand && isTyping(document.activeElement)) {
    // No standard replacement exists for the editing commands of a focused text field.
    document.execCommand(textCommand);
    return;
  }
  if (isAppCommand(command)) onAppCommand(command);
  else if (store.getState().doc) BOARD_COMMANDS[command](store);
};

/**
 * Keys on the selection answered by a layer above the board (the vote's dots, renderer/votes):
 * true when the key was theirs.
 */
export type SelectionKeyHandler = (store: BoardStore, event: KeyPress) => boolean;

/** The board's keyboard: shortcuts, colour keys, nudging, Escape. Text fields keep their keys. */
export const useKeyboardShortcuts = (
  store: BoardStore,
  onAppCommand: (command: AppCommand) => void,
  selectionKeys?: SelectionKeyHandler,
): void => {
  useEffect(() => {
    const noteKeys = createNoteKeys(store);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || notForTheBoard(event.target, event.key) || store.getState().editing)
        return;
      if (typeIntoSelectedCell(store, event) || noteKeys(event)) {
        event.preventDefault();
        return;
      }
      const shortcut = SHORTCUTS.find((candidate) => candidate.matches(event));
      if (shortcut) {
        event.preventDefault();
        runCommand(store, shortcut.command, onAppCommand);
        return;
      }
      if (selectionKeys?.(store, event)) {
        event.preventDefault();
        return;
      }
      const colour = colourIndex(event);
      if (colour !== null) {
        event.preventDefault();
        applyColor(store, NOTE_COLORS[colour] ?? 'yellow');
        return;
      }
      if (SELECTION_KEYS.nudge.matches(event) && store.getState().selection.size > 0) {
        event.preventDefault();
        const { dx, dy } = nudgeOf(event);
        nudgeSelection(store, dx, dy);
        return;
      }
      if (SELECTION_KEYS.stepOut.matches(event)) stepOut(store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, onAppCommand, selectionKeys]);
};
