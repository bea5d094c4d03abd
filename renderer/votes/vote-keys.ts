import { addDotToSelection, removeDotFromSelection } from '../board/dot-commands.ts';
import { SELECTION_KEYS } from '../board/key-bindings.ts';
import type { KeyPress } from '../board/shortcuts.ts';
import type { BoardStore } from '../store/index.ts';

/** + and - on the selected notes (SELECTION_KEYS): a dot of the current voter's on, or off. */
export const voteKeys = (store: BoardStore, event: KeyPress): boolean => {
  if (SELECTION_KEYS.addDot.matches(event)) return addDotToSelection(store);
  if (SELECTION_KEYS.removeDot.matches(event)) return removeDotFromSelection(store);
  return false;
};
