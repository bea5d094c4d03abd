import { useEffect, useState } from 'react';
import { Board } from '../board/Board.tsx';
import { zoomToFit } from '../board/commands.ts';
import { boardLayout, orderedNotes } from '../board/note-order.ts';
import { useClipboard } from '../board/use-clipboard.ts';
import type { AppCommand } from '../board/use-keyboard-shortcuts.ts';
import { ConflictPanel } from '../files/ConflictPanel.tsx';
import { boardStore, useBoard } from '../store/index.ts';
import { InsightsPanel } from '../ui/InsightsPanel.tsx';
import { NoteInspector } from '../ui/NoteInspector.tsx';
import { ScenarioBar } from '../ui/ScenarioBar.tsx';
import { StructureInspector } from '../ui/StructureInspector.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { CompareView } from './CompareView.tsx';

interface BoardScreenProps {
  /** True when the map has no remembered viewport: show all of it once the board has a size. */
  readonly fitOnOpen: boolean;
  readonly onCommand: (command: AppCommand) => void;
}

export const BoardScreen = ({ fitOnOpen, onCommand }: BoardScreenProps) => {
  const empty = useBoard((state) => orderedNotes(state.doc, state.scenarioId).length === 0 && !state.editing);
  const hasGrid = useBoard((state) => boardLayout(state.doc, state.scenarioId).stages.length > 0);
  useClipboard(boardStore);
  const [comparing, setComparing] = useState(false);
  const [insightsOpen, setInsightsOpen] = useState(false);

  useEffect(() => {
    if (fitOnOpen) zoomToFit(boardStore);
  }, [fitOnOpen]);

  return (
    <div className="app">
      <Toolbar onCommand={onCommand} />
      <div className="board-area">
        <Board />
        {empty && !hasGrid && (
          <p className="board-hint">
            Double-click anywhere, or press N, to add a note.
            <br />
            Type, then Tab for the next note beside it, Enter to finish.
          </p>
        )}
        {empty && hasGrid && (
          <p className="board-hint board-hint-low">
            Double-click a cell, or press N over it, to add a note there. Tab types the next note in the same
            cell.
          </p>
        )}
        <div className="inspector-bar">
          <NoteInspector />
          <StructureInspector />
        </div>
        <ConflictPanel />
        <ScenarioBar onCompare={() => setComparing(true)} onInsights={() => setInsightsOpen(!insightsOpen)} />
        {insightsOpen && <InsightsPanel onClose={() => setInsightsOpen(false)} />}
        {comparing && <CompareView onClose={() => setComparing(false)} />}
      </div>
    </div>
  );
};
