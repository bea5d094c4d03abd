import { useEffect } from 'react';
import { mapRecordOf } from '../../shared/model/document.ts';
import { Board } from '../board/Board.tsx';
import { zoomToFit } from '../board/commands.ts';
import { orderedNotes } from '../board/note-order.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { Toolbar } from '../ui/Toolbar.tsx';

interface BoardScreenProps {
  /** True when the map has no remembered viewport: show all of it once the board has a size. */
  readonly fitOnOpen: boolean;
  readonly onShowLibrary: () => void;
  readonly onShowShortcuts: () => void;
}

export const BoardScreen = ({ fitOnOpen, onShowLibrary, onShowShortcuts }: BoardScreenProps) => {
  const name = useBoard((state) => (state.doc ? mapRecordOf(state.doc).name : ''));
  const empty = useBoard((state) => orderedNotes(state.doc).length === 0 && !state.editing);

  useEffect(() => {
    document.title = `${name} — Journeywall`;
  }, [name]);

  useEffect(() => {
    if (fitOnOpen) zoomToFit(boardStore);
  }, [fitOnOpen]);

  return (
    <div className="app">
      <Toolbar onShowLibrary={onShowLibrary} onShowShortcuts={onShowShortcuts} />
      <div className="board-area">
        <Board />
        {empty && (
          <p className="board-hint">
            Double-click anywhere, or press N, to add a note.
            <br />
            Type, then Tab for the next note beside it, Enter to finish.
          </p>
        )}
      </div>
    </div>
  );
};
