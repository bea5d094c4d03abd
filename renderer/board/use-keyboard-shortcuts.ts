import { useEffect } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract.ts';
import type { BoardStore } from '../store/index.ts';
import { applyColor, nudgeSelection } from './commands.ts';
import { BOARD_COMMANDS, type BoardCommand, colorForKey, nudgeForKey, SHORTCUTS } from './shortcuts.ts';
import { isTyping } from './use-board-gestures.ts';

/** Commands the app shell handles rather than the board. */
export type AppCommand = Extract<MenuCommand, 'new-map' | 'show-library' | 'show-shortcuts'>;

export const runCommand = (
  store: BoardStore,
  command: MenuCommand | 'edit-note',
  onAppCommand: (command: AppCommand) => void,
): void => {
  if (command === 'new-map' || command === 'show-library' || command === 'show-shortcuts')
    onAppCommand(command);
  else BOARD_COMMANDS[command as BoardCommand](store);
};

/** The board's keyboard: shortcuts, colour keys, nudging, Escape. Text fields keep their keys. */
export const useKeyboardShortcuts = (
  store: BoardStore,
  onAppCommand: (command: AppCommand) => void,
): void => {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || store.getState().editing) return;
      if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"]')) return;
      const shortcut = SHORTCUTS.find((candidate) => candidate.matches(event));
      if (shortcut) {
        event.preventDefault();
        runCommand(store, shortcut.command, onAppCommand);
        return;
      }
      const color = colorForKey(event);
      if (color) {
        event.preventDefault();
        applyColor(store, color);
        return;
      }
      const nudge = nudgeForKey(event);
      if (nudge && store.getState().selection.size > 0) {
        event.preventDefault();
        nudgeSelection(store, nudge.dx, nudge.dy);
        return;
      }
      if (event.key === 'Escape') store.getState().clearSelection();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, onAppCommand]);
};
