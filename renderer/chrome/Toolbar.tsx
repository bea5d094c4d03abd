import {
  ArrowUpToLine,
  Copy,
  Keyboard,
  LayoutGrid,
  ListTree,
  Maximize,
  Minus,
  MonitorUp,
  Plus,
  Presentation,
  Redo2,
  Search,
  StickyNote,
  Trash2,
  Undo2,
  Users,
  Vote,
} from 'lucide-react';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import { NOTE_COLORS } from '../../shared/model/records.ts';
import { applyColor } from '../board/commands.ts';
import { BOARD_COMMANDS, shortcutLabel } from '../board/shortcuts.ts';
import type { AppCommand } from '../board/use-keyboard-shortcuts.ts';
import { FileMenu } from '../files/FileMenu.tsx';
import { LegendButton } from '../legend/LegendButton.tsx';
import { boardStore, useBoard } from '../store/index.ts';
import { TimerControl } from '../timer/TimerControl.tsx';
import { panelsStore, usePanelOpen } from '../ui/panels-store.ts';
import { ToolButton } from '../ui/ToolButton.tsx';
import { FileStatus } from './FileStatus.tsx';
import { MapTitle } from './MapTitle.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { ZoomLevel } from './zoom-level/ZoomLevel.tsx';

interface ToolbarProps {
  readonly onCommand: (command: AppCommand) => void;
  /** Whether a projector window is open (its button shows pressed). */
  readonly projectorOpen?: boolean;
}

const run = (command: keyof typeof BOARD_COMMANDS) => () => BOARD_COMMANDS[command](boardStore);

export const Toolbar = ({ onCommand, projectorOpen = false }: ToolbarProps) => {
  const canUndo = useBoard((state) => state.past.length > 0);
  const canRedo = useBoard((state) => state.future.length > 0);
  const hasSelection = useBoard((state) => state.selection.size > 0);
  const activeColor = useBoard((state) => state.activeColor);
  const outlineOpen = usePanelOpen('outline');
  const legendOpen = usePanelOpen('legend');
  const voteOpen = usePanelOpen('vote');
  const roomOpen = usePanelOpen('room');
  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <ToolButton label="Library" onClick={() => onCommand('show-library')}>
          <LayoutGrid aria-hidden />
        </ToolButton>
        <FileMenu onCommand={onCommand} />
        <MapTitle />
        <SaveStatus />
        <FileStatus />
      </div>
      <div className="toolbar-group" role="toolbar" aria-label="Notes">
        <ToolButton label="New note" shortcut={shortcutLabel('new-note')} onClick={run('new-note')}>
          <StickyNote aria-hidden />
        </ToolButton>
        <fieldset className="palette" aria-label="Note colour">
          {NOTE_COLORS.map((color, index) => (
            <button
              key={color}
              type="button"
              aria-pressed={color === activeColor}
              aria-label={`${NOTE_PALETTE[color].label} note`}
              title={`${NOTE_PALETTE[color].label} (${index + 1})`}
              className="swatch"
              style={{ background: NOTE_PALETTE[color].fill, borderColor: NOTE_PALETTE[color].edge }}
              onClick={() => applyColor(boardStore, color)}
            />
          ))}
        </fieldset>
        <ToolButton
          label="Duplicate"
          shortcut={shortcutLabel('duplicate')}
          onClick={run('duplicate')}
          disabled={!hasSelection}
        >
          <Copy aria-hidden />
        </ToolButton>
        <ToolButton
          label="Bring to front"
          shortcut={shortcutLabel('bring-to-front')}
          onClick={run('bring-to-front')}
          disabled={!hasSelection}
        >
          <ArrowUpToLine aria-hidden />
        </ToolButton>
        <ToolButton
          label="Delete"
          shortcut={shortcutLabel('delete')}
          onClick={run('delete')}
          disabled={!hasSelection}
        >
          <Trash2 aria-hidden />
        </ToolButton>
      </div>
      <div className="toolbar-group" role="toolbar" aria-label="History">
        <ToolButton label="Undo" shortcut={shortcutLabel('undo')} onClick={run('undo')} disabled={!canUndo}>
          <Undo2 aria-hidden />
        </ToolButton>
        <ToolButton label="Redo" shortcut={shortcutLabel('redo')} onClick={run('redo')} disabled={!canRedo}>
          <Redo2 aria-hidden />
        </ToolButton>
      </div>
      <div className="toolbar-group" role="toolbar" aria-label="Map">
        <ToolButton label="Find" shortcut={shortcutLabel('find')} onClick={() => onCommand('find')}>
          <Search aria-hidden />
        </ToolButton>
        <ToolButton
          label="Outline"
          shortcut={shortcutLabel('toggle-outline')}
          pressed={outlineOpen}
          onClick={() => onCommand('toggle-outline')}
        >
          <ListTree aria-hidden />
        </ToolButton>
        <LegendButton open={legendOpen} onToggle={() => panelsStore.getState().toggle('legend')} />
        <ToolButton label="Present" shortcut={shortcutLabel('present')} onClick={() => onCommand('present')}>
          <Presentation aria-hidden />
        </ToolButton>
        <ToolButton
          label="Projector window"
          shortcut={shortcutLabel('projector')}
          title={`Present mode in a window of its own, for a second screen (${shortcutLabel('projector')})`}
          pressed={projectorOpen}
          onClick={() => onCommand('projector')}
        >
          <MonitorUp aria-hidden />
        </ToolButton>
        <TimerControl shortcut={shortcutLabel('timer')} />
        <ToolButton label="Vote" pressed={voteOpen} onClick={() => panelsStore.getState().toggle('vote')}>
          <Vote aria-hidden />
        </ToolButton>
        <ToolButton
          label="Room"
          title="Let participants write and follow from their phones, over this laptop's network"
          pressed={roomOpen}
          onClick={() => panelsStore.getState().toggle('room')}
        >
          <Users aria-hidden />
        </ToolButton>
      </div>
      <div className="toolbar-group" role="toolbar" aria-label="Zoom">
        <ToolButton label="Zoom out" shortcut={shortcutLabel('zoom-out')} onClick={run('zoom-out')}>
          <Minus aria-hidden />
        </ToolButton>
        <ZoomLevel />
        <ToolButton label="Zoom in" shortcut={shortcutLabel('zoom-in')} onClick={run('zoom-in')}>
          <Plus aria-hidden />
        </ToolButton>
        <ToolButton label="Zoom to fit" shortcut={shortcutLabel('zoom-fit')} onClick={run('zoom-fit')}>
          <Maximize aria-hidden />
        </ToolButton>
        <ToolButton label="Keyboard shortcuts" shortcut="?" onClick={() => onCommand('show-shortcuts')}>
          <Keyboard aria-hidden />
        </ToolButton>
      </div>
    </header>
  );
};
