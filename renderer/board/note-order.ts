import { type GridLayout, layoutGrid } from '../../shared/journey/layout.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import type { NoteRecord } from '../../shared/model/records.ts';

/**
 * The grid and the shown scenario's notes where they are drawn, computed once per document
 * change: the records object is replaced on every edit, so it is the cache key. Rendering and
 * hit-testing share the one layout.
 */
const cache = new WeakMap<JourneyDocument['records'], Map<string, GridLayout>>();

const EMPTY: GridLayout = { stages: [], lanes: [], width: 0, height: 0, notes: [] };

export const boardLayout = (doc: JourneyDocument | null, scenarioId: string | null): GridLayout => {
  if (!doc || !scenarioId) return EMPTY;
  let byScenario = cache.get(doc.records);
  if (!byScenario) {
    byScenario = new Map();
    cache.set(doc.records, byScenario);
  }
  let layout = byScenario.get(scenarioId);
  if (!layout) {
    layout = layoutGrid(doc, scenarioId);
    byScenario.set(scenarioId, layout);
  }
  return layout;
};

/** The shown notes, bottom to top, at their drawn positions. */
export const orderedNotes = (doc: JourneyDocument | null, scenarioId: string | null): readonly NoteRecord[] =>
  boardLayout(doc, scenarioId).notes;

const byIdCache = new WeakMap<GridLayout, ReadonlyMap<string, NoteRecord>>();

/** The shown notes by id, at their drawn positions (a note of another scenario is absent). */
export const shownNotesById = (
  doc: JourneyDocument | null,
  scenarioId: string | null,
): ReadonlyMap<string, NoteRecord> => {
  const layout = boardLayout(doc, scenarioId);
  let byId = byIdCache.get(layout);
  if (!byId) {
    byId = new Map(layout.notes.map((note) => [note.id, note]));
    byIdCache.set(layout, byId);
  }
  return byId;
};
