import { useEffect } from 'react';
import { Board } from '../board/Board.tsx';
import { zoomToFit } from '../board/commands.ts';
import { orderedNotes } from '../board/note-order.ts';
import { useClipboard } from '../board/use-clipboard.ts';
import type { AppCommand } from '../board/use-keyboard-shortcuts.ts';
import { ConflictPanel } from '../files/ConflictPanel.tsx';
import { boardStore, useBoard } from '../store/index.ts';
import { Toolbar } from '../ui/Toolbar.tsx';

interface BoardScreenProps {
  /** True when the map has no remembered viewport: show all of it once the board has a size. */
  readonly fitOnOpen: boolean;
  readonly onCommand: (command: AppCommand) => void;
}

export const BoardScreen = ({ fitOnOpen, onCommand }: BoardScreenProps) => {
  const empty = useBoard((state) => orderedNotes(state.doc).length === 0 && !state.editing);
  useClipboard(boardStore);

  useEffect(() => {
    if (fitOnOpen) zoomToFit(boardStore);
  }, [fitOnOpen]);

  return (
    <div className="app">
      <Toolbar onCommand={onCommand} />
      <div className="board-area">
        <Board />
        {empty && (
          <p className="board-hint">
            Double-click anywhere, or press N, to add a note.
            <br />
            Type, then Tab for the next note beside it, Enter to finish.
          </p>
        )}
        <ConflictPanel />
      </div>
    </div>
  );
};
