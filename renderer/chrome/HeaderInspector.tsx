import { ArrowDown, ArrowLeft, ArrowRight, ArrowUp, EyeOff, Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { KIND_STYLES, laneNoteKind } from '../../shared/journey/note-kinds.ts';
import {
  moveHeader,
  recolorHeader,
  resizeHeader,
  setLaneHidden,
  setLaneNoteKind,
} from '../../shared/journey/structure-edits.ts';
import { NOTE_KINDS, type NoteKind } from '../../shared/model/journey-records.ts';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import { NOTE_COLORS, type NoteColor } from '../../shared/model/records.ts';
import { addHeaderNear, removeSelectedHeader } from '../board/header-commands.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { NumberField } from '../ui/NumberField.tsx';
import { ToolButton } from '../ui/ToolButton.tsx';

/** The selected stage or lane: move, resize, recolour, hide, add one beside it, remove it. */
export const HeaderInspector = () => {
  const sizeId = useId();
  const header = useBoard((state) => state.selectedHeader);
  const record = useBoard((state) => (header ? state.doc?.records[header.id] : undefined));
  if (!header || (record?.type !== 'stage' && record?.type !== 'lane') || record.isDeleted) return null;
  const isStage = record.type === 'stage';
  const edit = (label: string, recipe: Parameters<ReturnType<typeof boardStore.getState>['edit']>[1]) =>
    boardStore.getState().edit(label, recipe);
  const size = isStage ? record.width : record.height;
  return (
    <fieldset
      className="toolbar-group note-inspector"
      aria-label={isStage ? 'Selected stage' : 'Selected lane'}
    >
      <strong className="header-name">{record.name}</strong>
      <ToolButton
        label={isStage ? 'Move stage left' : 'Move lane up'}
        onClick={() => edit('Move', (d) => moveHeader(d, record.id, -1))}
      >
        {isStage ? <ArrowLeft aria-hidden /> : <ArrowUp aria-hidden />}
      </ToolButton>
      <ToolButton
        label={isStage ? 'Move stage right' : 'Move lane down'}
        onClick={() => edit('Move', (d) => moveHeader(d, record.id, 1))}
      >
        {isStage ? <ArrowRight aria-hidden /> : <ArrowDown aria-hidden />}
      </ToolButton>
      <label className="inline-field" htmlFor={sizeId}>
        <span>{isStage ? 'Width' : 'Height'}</span>
        <NumberField
          key={record.id}
          id={sizeId}
          className="size-input"
          label={isStage ? 'Stage width' : 'Lane height'}
          min={isStage ? GRID.minStageWidth : GRID.minLaneHeight}
          max={isStage ? GRID.maxStageWidth : GRID.maxLaneHeight}
          step={20}
          value={size}
          onCommit={(next) => edit('Resize', (d) => resizeHeader(d, record.id, next))}
        />
      </label>
      <label className="inline-field">
        <span>Colour</span>
        <select
          aria-label={isStage ? 'Stage colour' : 'Lane colour'}
          value={record.color ?? ''}
          onChange={(event) =>
            edit('Recolour', (d) =>
              recolorHeader(d, record.id, (event.target.value || null) as NoteColor | null),
            )
          }
        >
          <option value="">None</option>
          {NOTE_COLORS.map((color) => (
            <option key={color} value={color}>
              {NOTE_PALETTE[color].label}
            </option>
          ))}
        </select>
      </label>
      {!isStage && record.role !== 'emotion' && (
        <label className="inline-field" title="The kind a note typed into this lane gets">
          <span>New notes</span>
          <select
            aria-label="Kind of new notes in the lane"
            value={laneNoteKind(record)}
            onChange={(event) =>
              edit('Kind of new notes', (d) => setLaneNoteKind(d, record.id, event.target.value as NoteKind))
            }
          >
            {NOTE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_STYLES[kind].label}
              </option>
            ))}
          </select>
        </label>
      )}
      {!isStage && (
        <ToolButton
          label="Hide lane"
          onClick={() => edit('Hide lane', (d) => setLaneHidden(d, record.id, true))}
        >
          <EyeOff aria-hidden />
        </ToolButton>
      )}
      <ToolButton
        label={isStage ? 'Add a stage after this one' : 'Add a lane below this one'}
        onClick={() => addHeaderNear(boardStore, record.type)}
      >
        <Plus aria-hidden />
      </ToolButton>
      <ToolButton
        label={isStage ? 'Remove stage' : 'Remove lane'}
        shortcut="Delete"
        onClick={() => void removeSelectedHeader(boardStore)}
      >
        <Trash2 aria-hidden />
      </ToolButton>
    </fieldset>
  );
};
