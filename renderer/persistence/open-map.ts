import type { StoreApi } from 'zustand/vanilla';
import type { JourneyDocument } from '../../shared/model/document.ts';
import type { JourneywallDb, SavedViewport } from '../db/journeywall-db.ts';
import { type LoadedMap, loadMap } from '../db/library.ts';
import type { PersistedState } from './autosave.ts';
import type { Persistence } from './start-persistence.ts';

export interface OpenableState extends PersistedState {
  loadDocument(doc: JourneyDocument | null): void;
  setViewport(viewport: SavedViewport): void;
}

/**
 * Puts a stored map on the board with its last viewport. Edits of that map not stored yet
 * (the disk was full) win over the stored copy. Returns null when there is no such map; a
 * null viewport means the map was never shown (the caller may zoom to fit).
 */
export const openMap = async (
  db: JourneywallDb,
  store: StoreApi<OpenableState>,
  persistence: Pick<Persistence, 'autosave'>,
  mapId: string,
): Promise<LoadedMap | null> => {
  const loaded = persistence.autosave.unsaved(mapId) ?? (await loadMap(db, mapId));
  if (!loaded) return null;
  persistence.autosave.adopt(loaded.doc, loaded.viewport);
  const state = store.getState();
  state.loadDocument(loaded.doc);
  if (loaded.viewport) state.setViewport(loaded.viewport);
  return loaded;
};
