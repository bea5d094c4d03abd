import { applyPatches, enablePatches, type Patch, produceWithPatches } from 'immer';
import type { JourneyDocument } from '../../shared/model/document.ts';
import type { MutableDocument } from '../../shared/model/edits.ts';
import { bump } from '../../shared/model/update.ts';

enablePatches();

/** One undo step: the patches of one user gesture (a drag, a text edit, a paste...). */
export interface HistoryEntry {
  readonly label: string;
  readonly patches: readonly Patch[];
  readonly inverse: readonly Patch[];
  /** The scenario shown when the step was made: undo and redo show it, so the change is seen. */
  readonly scenarioId: string | null;
}

export interface EditResult {
  readonly doc: JourneyDocument;
  readonly entry: HistoryEntry | null;
}

/** Runs an edit on the document and records its patches; no-op edits yield no entry. */
export const applyEdit = (
  doc: JourneyDocument,
  label: string,
  recipe: (draft: MutableDocument) => void,
  scenarioId: string | null,
): EditResult => {
  const [next, patches, inverse] = produceWithPatches(doc, (draft) => {
    recipe(draft as MutableDocument);
  });
  if (patches.length === 0) return { doc, entry: null };
  return { doc: next, entry: { label, patches, inverse, scenarioId } };
};

/**
 * Replays one side of a history entry. Records touched by undo/redo get a fresh version, so a
 * copy of the map that saw the undone state still reconciles to the restored one.
 */
export const replay = (doc: JourneyDocument, patches: readonly Patch[]): JourneyDocument => {
  const restored = applyPatches(doc, patches as Patch[]);
  const touched = new Set<string>();
  for (const patch of patches)
    if (patch.path[0] === 'records' && typeof patch.path[1] === 'string') touched.add(patch.path[1]);
  if (touched.size === 0) return restored;
  const records = { ...restored.records };
  const now = Date.now();
  for (const id of touched) {
    const record = records[id];
    if (record) records[id] = { ...record, ...bump(record, now) };
  }
  return { ...restored, records };
};

export const HISTORY_LIMIT = 500;
