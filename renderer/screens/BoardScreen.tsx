import { useEffect, useState } from 'react';
import { personasOf } from '../../shared/journey/personas/persona-queries.ts';
import { appServices } from '../app/services.ts';
import { Board, type BoardOverlay } from '../board/Board.tsx';
import { zoomToFit } from '../board/commands.ts';
import { boardLayout, orderedNotes } from '../board/note-order.ts';
import { useClipboard } from '../board/use-clipboard.ts';
import { useCoverBoard } from '../board/use-cover-board.ts';
import type { AppCommand } from '../board/use-keyboard-shortcuts.ts';
import { HeaderInspector } from '../chrome/HeaderInspector.tsx';
import { InsightsPanel } from '../chrome/InsightsPanel.tsx';
import { NoteInspector } from '../chrome/NoteInspector.tsx';
import { SaveProblem } from '../chrome/SaveStatus.tsx';
import { ScenarioBar } from '../chrome/ScenarioBar.tsx';
import { Toolbar } from '../chrome/Toolbar.tsx';
import { ConflictPanel } from '../files/ConflictPanel.tsx';
import { FindBar } from '../find/FindBar.tsx';
import { FindHighlights } from '../find/FindHighlights.tsx';
import { useFind } from '../find/find-store.ts';
import { Legend } from '../legend/Legend.tsx';
import { OutlinePanel } from '../outline/OutlinePanel.tsx';
import { PersonaCard, type PersonaFound } from '../persona/PersonaCard.tsx';
import { PresentView } from '../present/PresentView.tsx';
import { ProjectorBar } from '../present/ProjectorBar.tsx';
import { presentStore, usePresent } from '../present/present-store.ts';
import { useProjector } from '../present/projector-host.ts';
import { PhoneScreenSync } from '../room/PhoneScreenSync.tsx';
import { RoomPanel } from '../room/RoomPanel.tsx';
import { roomStore } from '../room/room-store.ts';
import { useRoomSync } from '../room/use-room-sync.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { TimerDisplay } from '../timer/TimerDisplay.tsx';
import { returnFocusOnClose } from '../ui/panel-focus.ts';
import { panelsStore, usePanelOpen } from '../ui/panels-store.ts';
import { VotePanel } from '../votes/VotePanel.tsx';
import { CompareView } from './CompareView.tsx';

/** Another window holds the map: it was open there first, or it was taken over from here. */
export type HeldElsewhere = 'open' | 'moved';

const HELD_ELSEWHERE_WORDS: Readonly<Record<HeldElsewhere, string>> = {
  open: 'This map is open in another window.',
  moved: 'This map is now open in another window.',
};

interface BoardScreenProps {
  /** True when the map has no remembered viewport: show all of it once the board has a size. */
  readonly fitOnOpen: boolean;
  readonly onCommand: (command: AppCommand) => void;
  /** Set while another window holds the map: the board is shown read-only. */
  readonly heldElsewhere?: HeldElsewhere | null;
  readonly onTakeOver?: () => void;
}

/** Present mode from the desktop menu: the page may not go full screen, the window may. */
const windowFullScreen = (on: boolean) => {
  appServices()
    .bridge.setFullScreen(on)
    .catch(() => undefined);
};

/** The find query's rings over the board's notes and headers. */
const findRings: BoardOverlay = (layout) => <FindHighlights layout={layout} />;

export const BoardScreen = ({ fitOnOpen, onCommand, heldElsewhere = null, onTakeOver }: BoardScreenProps) => {
  const empty = useBoard((state) => orderedNotes(state.doc, state.scenarioId).length === 0 && !state.editing);
  const hasGrid = useBoard((state) => boardLayout(state.doc, state.scenarioId).stages.length > 0);
  useClipboard(boardStore);
  const [comparing, setComparing] = useState(false);
  const insightsOpen = usePanelOpen('insights');
  const outlineOpen = usePanelOpen('outline');
  const legendOpen = usePanelOpen('legend');
  const voteOpen = usePanelOpen('vote');
  const roomOpen = usePanelOpen('room');
  const findOpen = useFind((state) => state.open);
  // Read once, when the map opens: the card's first state only (a selector would scan every record
  // on every store change, pans and zooms included).
  const [hasPersona] = useState(() => {
    const { doc } = boardStore.getState();
    return doc !== null && personasOf(doc).length > 0;
  });
  const [personaFound, setPersonaFound] = useState<PersonaFound | null>(null);
  const close = panelsStore.getState().close;
  // Found notes and insights are brought into view beside the open panels, not under them.
  const coverRightOfBoard = useCoverBoard('right');
  const presenting = usePresent((state) => state.open);
  const projectorOpen = useProjector((state) => state.id !== null);

  useEffect(() => {
    if (fitOnOpen) zoomToFit(boardStore);
  }, [fitOnOpen]);

  useEffect(() => returnFocusOnClose(panelsStore), []);

  useRoomSync(appServices().bridge, roomStore, boardStore);

  // Present mode shows this board's map: closing the board (the library, another map) ends it.
  useEffect(() => () => presentStore.getState().leave(), []);

  // A persona match lasts as long as find is open: reopening find must not show it again.
  useEffect(() => {
    if (!findOpen) setPersonaFound(null);
  }, [findOpen]);

  return (
    <div className="app">
      <Toolbar onCommand={onCommand} projectorOpen={projectorOpen} />
      <SaveProblem />
      {heldElsewhere && (
        <div className="held-elsewhere" role="alert">
          <p>
            {HELD_ELSEWHERE_WORDS[heldElsewhere]} To keep every edit, this window only shows it; edits made
            there appear here.
          </p>
          <button type="button" className="primary" onClick={onTakeOver}>
            Open here instead
          </button>
        </div>
      )}
      <div className="board-area" inert={heldElsewhere !== null}>
        <Board overlay={findRings} />
        {empty && !hasGrid && (
          <p className="board-hint">
            Double-click anywhere, or press N, to add a note.
            <br />
            Type, then Tab for the next note beside it, Enter to finish.
          </p>
        )}
        {empty && hasGrid && (
          // Raised above the scenario bar (12px from the bottom, about 50px tall) so nothing covers it.
          <p className="board-hint board-hint-low" style={{ bottom: 76 }}>
            Click a cell and type to add a note there. Tab types the next note in the same cell, Enter
            finishes.
          </p>
        )}
        <div className="inspector-bar">
          <NoteInspector />
          <HeaderInspector />
        </div>
        <ConflictPanel />
        {/* A map without a persona starts with the small chip, so the grid stays in view. */}
        <PersonaCard defaultCollapsed={!hasPersona} found={personaFound} />
        <FindBar
          onPersonaMatch={(personaId, field) =>
            setPersonaFound((was) => ({ personaId, field, request: (was?.request ?? 0) + 1 }))
          }
        />
        <ScenarioBar
          onCompare={() => setComparing(true)}
          onInsights={() => panelsStore.getState().toggle('insights')}
        />
        <div className="side-panels" ref={coverRightOfBoard}>
          {outlineOpen && <OutlinePanel onClose={() => close('outline')} />}
          {insightsOpen && <InsightsPanel onClose={() => close('insights')} />}
          {legendOpen && <Legend onClose={() => close('legend')} />}
          {voteOpen && <VotePanel onClose={() => close('vote')} />}
          {roomOpen && <RoomPanel bridge={appServices().bridge} onClose={() => close('room')} />}
          <PhoneScreenSync
            bridge={appServices().bridge}
            db={appServices().db}
            room={roomStore}
            board={boardStore}
          />
        </div>
        {comparing && <CompareView onClose={() => setComparing(false)} />}
        <ProjectorBar bridge={appServices().bridge} />
      </div>
      {presenting && <PresentView timer={<TimerDisplay />} windowFullScreen={windowFullScreen} />}
    </div>
  );
};
