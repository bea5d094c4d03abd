import type { StateCreator } from 'zustand';
import type { HeaderKind, HeaderRef } from '../../shared/journey/structure-edits.ts';
import { isLiveNote } from '../../shared/model/document.ts';
import type { NoteColor } from '../../shared/model/records.ts';
import type { Draft } from './draft.ts';
import type { BoardState } from './index.ts';

/** Where the board is looking: board units are multiplied by `scale`, then offset by (x, y). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, scale: 1 };
export const ZOOM_LIMITS = { min: 0.05, max: 4 } as const;

/**
 * Text editing in place. A new note is a draft until its text is committed, so creating a note
 * and typing its text is one undo step, and a note left empty never enters the map.
 */
export type Editing =
  | {
      readonly kind: 'existing';
      readonly id: string;
      /** Text to start from instead of the note's (a draft restored after a crash). */
      readonly text?: string;
    }
  | {
      readonly kind: 'new';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly color: NoteColor;
      /** Position in the current keyboard run, for placing the next note beside this one. */
      readonly run: number;
      /** Text already typed (typing on a selected cell starts the note with that key). */
      readonly text?: string;
      /** The cell the note goes into, and its place there; absent for a note outside the grid. */
      readonly cell?: { readonly stageId: string; readonly laneId: string; readonly slot: number };
    };

/** Session state: never saved in the map file, never undone. */
export interface SessionSlice {
  selection: ReadonlySet<string>;
  /** The note whose text is being edited in place, if any. */
  editing: Editing | null;
  viewport: Viewport;
  /** The stage or lane header selected on the board (for the structure inspector), if any. */
  selectedHeader: HeaderRef | null;
  selectHeader(header: HeaderRef | null): void;
  /** The empty cell selected on the board: typing starts a note there. */
  selectedCell: { readonly stageId: string; readonly laneId: string } | null;
  selectCell(cell: { readonly stageId: string; readonly laneId: string } | null): void;
  /** The header being renamed in place, if any. */
  renaming: HeaderRef | null;
  startRenaming(header: HeaderRef | null): void;
  /** The scenario shown on the board (Current, Ideal...); null with no map open. */
  scenarioId: string | null;
  setScenario(scenarioId: string): void;
  /** Size of the board's canvas in CSS pixels (zoom buttons zoom about its centre). */
  canvasSize: { readonly width: number; readonly height: number };
  setCanvasSize(size: { readonly width: number; readonly height: number }): void;
  /**
   * CSS pixels along the board's edges under floating panels (the persona card on the left, the
   * scenario bar at the bottom): zoom to fit keeps the map clear of them.
   */
  covered: { readonly left: number; readonly right: number; readonly bottom: number };
  setCovered(edge: 'left' | 'right' | 'bottom', pixels: number): void;
  /** The colour new notes get; picking a colour with nothing selected sets it. */
  activeColor: NoteColor;
  setActiveColor(color: NoteColor): void;
  select(ids: Iterable<string>, mode?: 'replace' | 'add' | 'toggle'): void;
  clearSelection(): void;
  /**
   * Drops what the session points at that is gone (after undo, delete...): selected notes, the
   * note being edited, the selected or renamed header, the selected cell.
   */
  pruneSelection(): void;
  startEditing(editing: Editing | null): void;
  setViewport(viewport: Viewport): void;
  /** The text of the open editor, stored as it is typed; null when no editor holds any. */
  draft: Draft | null;
  setDraft(draft: Draft | null): void;
  /**
   * True while another window holds this map: the board shows it but takes no edits, so two
   * windows never overwrite each other.
   */
  heldElsewhere: boolean;
  setHeldElsewhere(heldElsewhere: boolean): void;
  /**
   * The notes last copied, as written to the clipboard: a paste that brings no clipboard data
   * pastes these (some environments deny clipboard data to synthetic key events).
   */
  copied: string | null;
  setCopied(copied: string): void;
}

export const createSessionSlice: StateCreator<BoardState, [], [], SessionSlice> = (set, get) => ({
  selection: new Set(),
  editing: null,
  viewport: DEFAULT_VIEWPORT,
  selectedHeader: null,
  // A selected header replaces a selected cell: typing must not start a note in the old cell.
  selectHeader: (selectedHeader) =>
    set(selectedHeader ? { selectedHeader, selection: new Set(), selectedCell: null } : { selectedHeader }),
  selectedCell: null,
  selectCell: (selectedCell) =>
    set(selectedCell ? { selectedCell, selection: new Set(), selectedHeader: null } : { selectedCell }),
  renaming: null,
  startRenaming: (renaming) => {
    if (renaming && get().heldElsewhere) return;
    set({ renaming });
  },
  scenarioId: null,
  setScenario: (scenarioId) => {
    if (scenarioId === get().scenarioId) return;
    set({ scenarioId, selection: new Set() });
    get().startEditing(null);
  },
  canvasSize: { width: 800, height: 600 },
  setCanvasSize: (canvasSize) => set({ canvasSize }),
  covered: { left: 0, right: 0, bottom: 0 },
  setCovered: (edge, pixels) => {
    if (get().covered[edge] !== pixels) set({ covered: { ...get().covered, [edge]: pixels } });
  },
  activeColor: 'yellow',
  setActiveColor: (activeColor) => set({ activeColor }),
  select: (ids, mode = 'replace') => {
    const next = new Set(mode === 'replace' ? [] : get().selection);
    for (const id of ids) {
      if (mode === 'toggle' && next.has(id)) next.delete(id);
      else next.add(id);
    }
    set({
      selection: next,
      selectedHeader: next.size > 0 ? null : get().selectedHeader,
      selectedCell: next.size > 0 ? null : get().selectedCell,
    });
  },
  clearSelection: () => {
    if (get().selection.size > 0) set({ selection: new Set() });
  },
  pruneSelection: () => {
    const { doc, selection, editing, selectedHeader, selectedCell, renaming } = get();
    const live = [...selection].filter((id) => isLiveNote(doc?.records[id]));
    if (live.length !== selection.size) set({ selection: new Set(live) });
    if (editing?.kind === 'existing' && !isLiveNote(doc?.records[editing.id])) get().startEditing(null);
    const shown = (id: string, kind: HeaderKind) => {
      const record = doc?.records[id];
      return record?.type === kind && !record.isDeleted && !(record.type === 'lane' && record.hidden);
    };
    if (selectedHeader && !shown(selectedHeader.id, selectedHeader.kind)) set({ selectedHeader: null });
    if (renaming && !shown(renaming.id, renaming.kind))
      set({ renaming: null, draft: get().draft?.target.kind === 'header' ? null : get().draft });
    if (selectedCell && !(shown(selectedCell.stageId, 'stage') && shown(selectedCell.laneId, 'lane')))
      set({ selectedCell: null });
  },
  startEditing: (editing) => {
    if (editing && get().heldElsewhere) return;
    // A note draft lives as long as its editor: closing or moving the editor ends it.
    set(get().draft?.target.kind === 'note' ? { editing, draft: null } : { editing });
  },
  draft: null,
  setDraft: (draft) => {
    if (draft && get().heldElsewhere) return;
    if (draft !== get().draft) set({ draft });
  },
  heldElsewhere: false,
  setHeldElsewhere: (heldElsewhere) =>
    set(heldElsewhere ? { heldElsewhere, editing: null, renaming: null, draft: null } : { heldElsewhere }),
  copied: null,
  setCopied: (copied) => set({ copied }),
  setViewport: (viewport) => {
    const scale = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, viewport.scale));
    set({ viewport: { ...viewport, scale } });
  },
});
