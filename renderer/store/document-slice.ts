import type { StateCreator } from 'zustand';
import { markWrittenShared } from '../../shared/format/document.ts';
import { editLimitPassed } from '../../shared/journey/edit-limits.ts';
import { firstScenarioId, type JourneyDocument } from '../../shared/model/document.ts';
import type { MutableDocument } from '../../shared/model/edits.ts';
import { showNotice } from '../ui/notice-store.ts';
import { type ChangeLog, createChangeLog, idsOfPatches } from './change-log.ts';
import { applyEdit, HISTORY_LIMIT, type HistoryEntry, replay } from './history.ts';
import type { BoardState } from './index.ts';

/** Document state: what is saved, exported and undoable. */
export interface DocumentSlice {
  doc: JourneyDocument | null;
  /** Which records each step replaced, logged by this store alone: autosave writes only those. */
  readonly changes: ChangeLog;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
  /** Opens a document; history starts empty. */
  loadDocument(doc: JourneyDocument | null): void;
  /**
   * Remembers, as shared with others, the states of the records a file was just written with
   * (the merge marks of Save), keeping every edit made while it was written. Not an undo step:
   * the user did not make it. The history stays: its patches address records by id.
   */
  rememberShared(written: JourneyDocument): void;
  /**
   * Shows another window's map as it changes there (a projector window follows its board
   * window): `changed`, the ids of the records replaced since the last copy. No undo history:
   * the edits are made, and undone, in the other window.
   */
  follow(doc: JourneyDocument, changed: readonly string[]): void;
  /**
   * Applies one user gesture to the document as one undo step; one that would take the map past
   * a limit of FILE_LIMITS is not applied, and the user is told why.
   */
  edit(label: string, recipe: (draft: MutableDocument) => void): void;
  /**
   * Applies a change that did not come from the user's hands (a note a participant sent from
   * their phone): saved like an edit, but no undo step. Undo must never take back what someone
   * else wrote (undoing the opening of a round would drop its inbox), so the history is cut
   * after the last step that touched the same records, with every step before it: undo then
   * stops there rather than skipping it to undo something older.
   */
  receive(recipe: (draft: MutableDocument) => void): void;
  undo(): void;
  redo(): void;
}

/**
 * After undo or redo, shows the scenario the step was made in, so the change happens in view;
 * if that one is gone (its creation undone), keeps the shown one, or else shows the first.
 */
const showScenarioOf = (state: BoardState, entry: HistoryEntry): void => {
  const { doc } = state;
  if (!doc) return;
  const live = (id: string | null) => {
    const record = id ? doc.records[id] : undefined;
    return record?.type === 'scenario' && !record.isDeleted;
  };
  if (entry.scenarioId && live(entry.scenarioId)) state.setScenario(entry.scenarioId);
  else if (!live(state.scenarioId)) state.setScenario(firstScenarioId(doc));
};

/**
 * Whether an edit from `from` to `to` keeps the map within the limits it can be opened with.
 * Logs the step for autosave when it does; tells the user why when it does not. (Undo and redo
 * only return to states the map had, so they need no check.)
 */
const withinLimits = (
  changes: ChangeLog,
  from: JourneyDocument,
  to: JourneyDocument,
  changed: Set<string>,
): boolean => {
  const passed = editLimitPassed(from.records, to.records, changed);
  if (passed !== undefined) {
    showNotice(passed);
    return false;
  }
  changes.log(from.records, to.records, changed);
  return true;
};

/**
 * A document as the store holds it: with its records object frozen, as immer leaves every edit's.
 * A map opened from storage or a file, saved with its merge marks, copied from another window or
 * replayed by undo comes with an unfrozen one, and recordsOfType keeps its split by type only for
 * a frozen records object: until the next edit, every query walked all the map's records (present
 * mode on a 5,000-note map opened from a file spent about 230 ms of a dozen moves in it). Frozen
 * where it is, not copied: autosave knows an opened map by its identity, and the store's state is
 * never changed in place anyway.
 */
const held = <T extends JourneyDocument | null>(doc: T): T => {
  if (doc) Object.freeze(doc.records);
  return doc;
};

export const createDocumentSlice: StateCreator<BoardState, [], [], DocumentSlice> = (set, get) => ({
  doc: null,
  changes: createChangeLog(),
  past: [],
  future: [],
  loadDocument: (doc) =>
    set({ doc: held(doc), past: [], future: [], scenarioId: doc ? firstScenarioId(doc) : null, draft: null }),
  rememberShared: (written) => {
    const { doc, changes } = get();
    if (!doc) return;
    const marked = markWrittenShared(doc, written);
    if (marked === doc) return;
    changes.log(doc.records, marked.records, Object.keys(written.records));
    set({ doc: held(marked) });
  },
  follow: (next, changed) => {
    const { doc, changes } = get();
    if (doc?.id === next.id) changes.log(doc.records, next.records, changed);
    set({ doc: held(next), past: [], future: [] });
  },
  edit: (label, recipe) => {
    const { doc, changes, past, heldElsewhere } = get();
    if (!doc || heldElsewhere) return;
    const result = applyEdit(doc, label, recipe, get().scenarioId);
    if (!result.entry) return;
    if (!withinLimits(changes, doc, result.doc, idsOfPatches(result.entry.patches))) return;
    set({ doc: result.doc, past: [...past, result.entry].slice(-HISTORY_LIMIT), future: [] });
  },
  receive: (recipe) => {
    const { doc, changes, past, future, heldElsewhere } = get();
    if (!doc || heldElsewhere) return;
    const result = applyEdit(doc, 'receive', recipe, null);
    if (!result.entry) return;
    const touched = idsOfPatches(result.entry.patches);
    if (!withinLimits(changes, doc, result.doc, touched)) return;
    const touches = (entry: HistoryEntry) => [...idsOfPatches(entry.patches)].some((id) => touched.has(id));
    const lastTouching = past.findLastIndex(touches);
    set({
      doc: result.doc,
      past: lastTouching === -1 ? past : past.slice(lastTouching + 1),
      future: future.some(touches) ? [] : future,
    });
  },
  undo: () => {
    const { doc, changes, past, future, heldElsewhere } = get();
    const entry = past.at(-1);
    if (!doc || !entry || heldElsewhere) return;
    const undone = replay(doc, entry.inverse);
    changes.log(doc.records, undone.records, idsOfPatches(entry.inverse));
    set({ doc: held(undone), past: past.slice(0, -1), future: [...future, entry] });
    showScenarioOf(get(), entry);
    get().pruneSelection();
  },
  redo: () => {
    const { doc, changes, past, future, heldElsewhere } = get();
    const entry = future.at(-1);
    if (!doc || !entry || heldElsewhere) return;
    const redone = replay(doc, entry.patches);
    changes.log(doc.records, redone.records, idsOfPatches(entry.patches));
    set({ doc: held(redone), past: [...past, entry], future: future.slice(0, -1) });
    showScenarioOf(get(), entry);
    get().pruneSelection();
  },
});
