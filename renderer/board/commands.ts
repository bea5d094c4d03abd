import { draftPlacement } from '../../shared/journey/draft-placement.ts';
import { isInCell, placeCopies } from '../../shared/journey/drop-notes.ts';
import { gridBounds, hasBandAbove } from '../../shared/journey/grid-bounds.ts';
import { cellAt } from '../../shared/journey/layout.ts';
import { KIND_STYLES, laneNoteKind, typedNoteKind } from '../../shared/journey/note-kinds.ts';
import { isLiveNote, mapRecordOf } from '../../shared/model/document.ts';
import {
  addNote,
  bringToFront,
  deleteRecords,
  insertCopies,
  moveNotes,
  NOTE_GAP,
  nextNotePosition,
  updateNote,
} from '../../shared/model/edits.ts';
import { NOTE_SIZE, type NoteColor, type NoteRecord } from '../../shared/model/records.ts';
import type { BoardStore } from '../store/index.ts';
import { removeSelectedHeader } from './header-commands.ts';
import { boardLayout, orderedNotes, shownNotesById } from './note-order.ts';
import { pointerOrCentre } from './pointer.ts';
import { boundsOf, fitBeside, nextZoomStep, viewportShowing, zoomAt } from './viewport.ts';

/**
 * Board commands: plain functions of the store, called alike from the keyboard, the toolbar,
 * the application menu and tests.
 */

/** The selected notes where they are drawn (a note in a cell at its place in the cell). */
const selectedNotes = (store: BoardStore): NoteRecord[] => {
  const { doc, selection, scenarioId } = store.getState();
  const shown = shownNotesById(doc, scenarioId);
  return [...selection].map((id) => shown.get(id)).filter((note) => note !== undefined);
};

/**
 * Opens a new note's editor at a board point: in a cell, at the end of that cell's notes;
 * elsewhere centred on the point. The note exists once typed.
 */
export const startNewNote = (
  store: BoardStore,
  at: { x: number; y: number },
  run = 0,
  text?: string,
): void => {
  const { activeColor, doc, scenarioId } = store.getState();
  if (!doc || !scenarioId) return;
  store.getState().clearSelection();
  const size = { w: NOTE_SIZE.w, h: NOTE_SIZE.h };
  const layout = boardLayout(doc, scenarioId);
  if (inEmotionLane(layout, at)) return;
  const cell = cellAt(layout, at);
  if (cell) {
    const placement = draftPlacement(doc, scenarioId, cell, size);
    const lane = doc.records[cell.laneId];
    // The editor already wears the colour of the kind the lane gives its notes.
    const kind = lane?.type === 'lane' ? laneNoteKind(lane) : 'note';
    store.getState().startEditing({
      kind: 'new',
      x: placement.x,
      y: placement.y,
      ...size,
      color: kind === 'note' ? activeColor : KIND_STYLES[kind].color,
      run,
      cell: { ...cell, slot: placement.slot },
      text,
    });
    return;
  }
  store.getState().startEditing({
    kind: 'new',
    x: Math.round(at.x - size.w / 2),
    y: Math.round(at.y - size.h / 2),
    ...size,
    color: activeColor,
    run,
  });
};

const inEmotionLane = (layout: ReturnType<typeof boardLayout>, at: { x: number; y: number }): boolean =>
  layout.lanes.some((row) => row.lane.role === 'emotion' && at.y >= row.y && at.y < row.y + row.h) &&
  at.x >= 0 &&
  at.x < layout.width;

/** N key or toolbar: a note at the pointer, or in the middle of the screen. */
export const newNoteAtPointer = (store: BoardStore): void => {
  startNewNote(store, pointerOrCentre(store));
};

export type CommitIntent = 'done' | 'next';

/**
 * Ends text editing. An existing note gets its new text (one undo step); a new note is added
 * with its text (one undo step) unless left empty. With 'next', the editor moves on to a new
 * note in the same cell (or beside this one outside the grid), so a run of notes can be typed
 * without the mouse.
 */
export const commitEditing = (store: BoardStore, text: string, intent: CommitIntent): void => {
  const { editing } = store.getState();
  if (!editing) return;
  if (editing.kind === 'new' && text.trim() === '') {
    // Tab on an empty draft keeps it open; Enter or leaving it drops it: empty notes never enter the map.
    if (intent === 'done') store.getState().startEditing(null);
    return;
  }
  let note: NoteRecord | null = null;
  if (editing.kind === 'existing') {
    store.getState().edit('Edit note text', (draft) => updateNote(draft, editing.id, { text }));
    const current = store.getState().doc?.records[editing.id];
    note = isLiveNote(current) ? current : null;
  } else {
    const scenarioId = store.getState().scenarioId ?? undefined;
    const lane = editing.cell ? store.getState().doc?.records[editing.cell.laneId] : undefined;
    const laneKind = lane?.type === 'lane' ? laneNoteKind(lane) : 'note';
    const kind = lane?.type === 'lane' ? typedNoteKind(lane, text) : 'note';
    store.getState().edit('Add note', (draft) => {
      note = addNote(draft, {
        x: editing.x,
        y: editing.y,
        w: editing.w,
        h: editing.h,
        kind,
        color: kind === laneKind ? editing.color : KIND_STYLES[kind].color,
        text,
        scenarioId,
        stageId: editing.cell?.stageId ?? null,
        laneId: editing.cell?.laneId ?? null,
        slot: editing.cell?.slot ?? 0,
      });
    });
  }
  if (!note) {
    store.getState().startEditing(null);
    return;
  }
  const anchor: NoteRecord = note;
  if (intent === 'next') {
    const run = editing.kind === 'new' ? editing.run : 0;
    store.getState().clearSelection();
    if (anchor.stageId && anchor.laneId) {
      // In a cell, the next note goes into the same cell.
      const shown = shownNotesById(store.getState().doc, store.getState().scenarioId).get(anchor.id);
      if (shown) startNewNote(store, { x: shown.x + shown.w / 2, y: shown.y + shown.h / 2 }, run + 1);
      return;
    }
    store.getState().startEditing({
      kind: 'new',
      ...nextNotePosition(anchor, run),
      w: anchor.w,
      h: anchor.h,
      color: anchor.color,
      run: run + 1,
    });
    return;
  }
  store.getState().startEditing(null);
  // In a cell the cell stays current, so the next note is typed there or a cell away; outside
  // the grid the note is selected, for the inspector and the colour keys.
  if (anchor.stageId && anchor.laneId)
    store.getState().selectCell({ stageId: anchor.stageId, laneId: anchor.laneId });
  else store.getState().select([anchor.id]);
};

/**
 * Escape: from a note in a cell back to its cell (the cell cursor), from anything else to
 * nothing selected.
 */
export const stepOut = (store: BoardStore): void => {
  const { selection, selectedCell } = store.getState();
  const [only] = selectedNotes(store);
  if (selection.size === 1 && only?.stageId && only.laneId && !selectedCell) {
    store.getState().selectCell({ stageId: only.stageId, laneId: only.laneId });
    return;
  }
  store.getState().clearSelection();
  store.getState().selectCell(null);
  store.getState().selectHeader(null);
};

export const cancelEditing = (store: BoardStore): void => store.getState().startEditing(null);

export const editSelected = (store: BoardStore): void => {
  const [note] = selectedNotes(store);
  if (note) store.getState().startEditing({ kind: 'existing', id: note.id });
};

export const deleteSelection = (store: BoardStore): void => {
  const ids = [...store.getState().selection];
  if (ids.length === 0 && store.getState().selectedHeader) {
    void removeSelectedHeader(store);
    return;
  }
  if (ids.length === 0) return;
  store
    .getState()
    .edit(ids.length === 1 ? 'Delete note' : 'Delete notes', (draft) => deleteRecords(draft, ids));
  store.getState().clearSelection();
};

export const selectAll = (store: BoardStore): void => {
  const { doc, scenarioId } = store.getState();
  store.getState().select(orderedNotes(doc, scenarioId).map((note) => note.id));
};

export const duplicateSelection = (store: BoardStore): void => {
  const notes = selectedNotes(store);
  if (notes.length === 0) return;
  const { doc, scenarioId } = store.getState();
  const layout = boardLayout(doc, scenarioId);
  let ids: string[] = [];
  store.getState().edit('Duplicate', (draft) => {
    ids = insertCopies(draft, notes, NOTE_GAP, NOTE_GAP, scenarioId);
    placeCopies(draft, layout, ids);
  });
  store.getState().select(ids);
};

export const bringSelectionToFront = (store: BoardStore): void => {
  const ids = [...store.getState().selection];
  store.getState().edit('Bring to front', (draft) => bringToFront(draft, ids));
};

/** Recolours the selection; with nothing selected, sets the colour of the next notes. */
export const applyColor = (store: BoardStore, color: NoteColor): void => {
  const state = store.getState();
  state.setActiveColor(color);
  const ids = [...state.selection];
  if (ids.length === 0) return;
  state.edit('Change colour', (draft) => {
    for (const id of ids) updateNote(draft, id, { color });
  });
};

/** Arrow keys move the selected free notes; a note in a cell keeps its place in the cell. */
export const nudgeSelection = (store: BoardStore, dx: number, dy: number): void => {
  const { doc, scenarioId } = store.getState();
  const layout = boardLayout(doc, scenarioId);
  const ids = selectedNotes(store)
    .filter((note) => !isInCell(layout, note))
    .map((note) => note.id);
  if (ids.length > 0) store.getState().edit('Move', (draft) => moveNotes(draft, ids, dx, dy));
};

const zoomAboutCentre = (store: BoardStore, scaleFor: (scale: number) => number): void => {
  const { viewport, canvasSize } = store.getState();
  const centre = { x: canvasSize.width / 2, y: canvasSize.height / 2 };
  store.getState().setViewport(zoomAt(viewport, centre, scaleFor(viewport.scale) / viewport.scale));
};

export const zoomIn = (store: BoardStore): void => zoomAboutCentre(store, (scale) => nextZoomStep(scale, 1));
export const zoomOut = (store: BoardStore): void =>
  zoomAboutCentre(store, (scale) => nextZoomStep(scale, -1));
export const zoomReset = (store: BoardStore): void => zoomAboutCentre(store, () => 1);

/** Selects notes and brings them into view (zooming out if they do not fit). */
export const showNotes = (store: BoardStore, ids: readonly string[]): void => {
  const { doc, canvasSize, viewport, covered } = store.getState();
  const shown = shownNotesById(doc, store.getState().scenarioId);
  const notes = ids.map((id) => shown.get(id)).filter((note) => note !== undefined);
  const bounds = boundsOf(notes);
  if (!bounds) return;
  store.getState().select(notes.map((note) => note.id));
  store.getState().setViewport(viewportShowing(bounds, canvasSize, covered, viewport.scale));
};

export const zoomToFit = (store: BoardStore): void => {
  const { doc, canvasSize, scenarioId, covered } = store.getState();
  if (!doc) return;
  const layout = boardLayout(doc, scenarioId);
  const grid = gridBounds(layout, hasBandAbove(mapRecordOf(doc)));
  const content = boundsOf(grid ? [...layout.notes, grid] : layout.notes);
  store.getState().setViewport(fitBeside(content, canvasSize, covered));
};
