import { useEffect, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { Cell, GridLayout } from '../../shared/journey/layout.ts';
import type { BoardStore } from '../store/index.ts';
import { startNewNote } from './commands.ts';

interface CellTypingTargetProps {
  readonly store: BoardStore;
  readonly cell: Cell;
  readonly layout: GridLayout;
}

/**
 * A text field over the selected cell that holds the keyboard focus, so text that is not one
 * key press still starts a note there: an accent made with a dead key or a compose key, an IME's
 * composition, an emoji from the picker. Plain keys are taken on keydown (cell-typing.ts) and
 * never reach it; what arrives as composed or inserted text starts the note whole, its first
 * character included. The board's keys still work while it has the focus (key-targets.ts).
 */
export const CellTypingTarget = ({ store, cell, layout }: CellTypingTargetProps) => {
  const viewport = useStore(store, (state) => state.viewport);
  const ref = useRef<HTMLTextAreaElement>(null);
  const column = layout.stages.find((candidate) => candidate.stage.id === cell.stageId);
  const row = layout.lanes.find((candidate) => candidate.lane.id === cell.laneId);

  // Focused when a cell becomes current, not on every render: a click on the toolbar keeps its focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cell is what moves the focus
  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [cell.stageId, cell.laneId]);

  const centre = column && row ? { x: column.x + column.w / 2, y: row.y + row.h / 2 } : null;
  const start = (text: string) => {
    if (text === '' || !centre) return;
    store.getState().selectCell(null);
    startNewNote(store, centre, 0, text);
  };
  const startRef = useRef(start);
  startRef.current = start;

  // The native event: React's onBeforeInput is built from other events and has no inputType.
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    const onBeforeInput = (event: InputEvent) => {
      // A composition shows as it is made, and arrives whole at compositionend.
      if (event.isComposing) return;
      // Nothing else is kept here: a paste is the board's (into this cell), not this field's.
      event.preventDefault();
      if (event.inputType === 'insertText') startRef.current(event.data ?? '');
    };
    field.addEventListener('beforeinput', onBeforeInput);
    return () => field.removeEventListener('beforeinput', onBeforeInput);
  }, []);

  if (!column || !row) return null;
  return (
    <textarea
      ref={ref}
      data-board-keys=""
      aria-label="Type a note into the selected cell"
      onCompositionEnd={(event) => {
        event.currentTarget.value = '';
        start(event.data);
      }}
      style={{
        position: 'absolute',
        // Clicks go through to the board (the notes of the cell under it); focus is given in code.
        pointerEvents: 'none',
        left: column.x * viewport.scale + viewport.x,
        top: row.y * viewport.scale + viewport.y,
        width: column.w * viewport.scale,
        height: Math.min(row.h * viewport.scale, 48),
        padding: 8,
        border: 0,
        outline: 'none',
        resize: 'none',
        overflow: 'hidden',
        background: 'transparent',
        caretColor: 'transparent',
        fontSize: 16,
      }}
    />
  );
};
