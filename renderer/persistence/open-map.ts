import type { StoreApi } from 'zustand/vanilla';
import type { HeaderRef } from '../../shared/journey/structure-edits.ts';
import { isLiveNote, type JourneyDocument } from '../../shared/model/document.ts';
import type { JourneywallDb, SavedViewport } from '../db/journeywall-db.ts';
import { type LoadedMap, loadMap } from '../db/library.ts';
import type { Draft } from '../store/draft.ts';
import type { Editing } from '../store/session-slice.ts';
import type { PersistedState } from './autosave.ts';
import type { Persistence } from './start-persistence.ts';

export interface OpenableState extends PersistedState {
  loadDocument(doc: JourneyDocument | null): void;
  setViewport(viewport: SavedViewport): void;
  setScenario(scenarioId: string): void;
  startEditing(editing: Editing | null): void;
  startRenaming(header: HeaderRef | null): void;
  setDraft(draft: Draft | null): void;
}

/**
 * Puts a stored map on the board with its last viewport, and reopens the editor that was
 * typing when the map was last open, with its text. Edits of that map not stored yet (the disk
 * was full) win over the stored copy. Returns null when there is no such map; a null viewport
 * means the map was never shown (the caller may zoom to fit).
 */
export const openMap = async (
  db: JourneywallDb,
  store: StoreApi<OpenableState>,
  persistence: Pick<Persistence, 'autosave'>,
  mapId: string,
): Promise<LoadedMap | null> => {
  const loaded = persistence.autosave.unsaved(mapId) ?? (await loadMap(db, mapId));
  if (!loaded) return null;
  // A repaired map differs from its rows: not adopted, so autosave writes it whole, repaired.
  if (!loaded.repairs?.length) persistence.autosave.adopt(loaded);
  const state = store.getState();
  state.loadDocument(loaded.doc);
  if (loaded.viewport) state.setViewport(loaded.viewport);
  if (loaded.draft) reopenDraft(store, loaded.doc, loaded.draft);
  return loaded;
};

const isLive = (doc: JourneyDocument, id: string, type: string): boolean => {
  const record = doc.records[id];
  return record?.type === type && !record.isDeleted;
};

/** Whether what a draft was typed into is still in the map. */
const draftTargetLives = (doc: JourneyDocument, draft: Draft): boolean => {
  const { target } = draft;
  if (target.kind === 'note')
    return target.editing.kind === 'new' || isLiveNote(doc.records[target.editing.id]);
  if (target.kind === 'header') return isLive(doc, target.header.id, target.header.kind);
  return isLive(doc, target.personaId, 'persona');
};

/** Opens the editor a draft was typed in; a draft whose note, header or persona is gone is dropped. */
const reopenDraft = (store: StoreApi<OpenableState>, doc: JourneyDocument, draft: Draft): void => {
  const state = store.getState();
  const { target } = draft;
  if (!draftTargetLives(doc, draft)) {
    state.setDraft(null);
    return;
  }
  if (target.kind === 'note') {
    if (draft.scenarioId && isLive(doc, draft.scenarioId, 'scenario')) state.setScenario(draft.scenarioId);
    let placed: Editing = target.editing;
    if (placed.kind === 'new' && placed.cell) {
      const { cell, ...outsideTheGrid } = placed;
      // A note started in a cell that is gone now goes on the board where it was drawn.
      if (!(isLive(doc, cell.stageId, 'stage') && isLive(doc, cell.laneId, 'lane'))) placed = outsideTheGrid;
    }
    state.startEditing({ ...placed, text: draft.text });
  } else if (target.kind === 'header') {
    state.startRenaming(target.header);
  }
  // The draft is what is stored already: setting it again writes nothing.
  state.setDraft(draft);
};
