import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { newMapDocument } from '../../shared/model/edits.ts';
import { updateRecord } from '../../shared/model/update.ts';
import type { Draft } from '../store/draft.ts';
import { copyDocument } from './copy-document.ts';
import type { JourneywallDb, MapSummary, SavedViewport } from './journeywall-db.ts';
import { readStoredDraft } from './stored-draft.ts';
import { readStoredMapInSlices, summarize, toStored } from './stored-records.ts';

/**
 * The library's operations on stored maps. Each runs in one Dexie transaction, so a map is
 * never left half written.
 */

export interface LoadedMap {
  readonly doc: JourneyDocument;
  /** Null when the map has never been shown. */
  readonly viewport: SavedViewport | null;
  /** Text that was being typed in an editor when the map was last open, if any. */
  readonly draft?: Draft | null;
  /** The stored revision (see MapSummary.revision) the document was read at. */
  readonly revision?: number;
  /** What was repaired or left out of damaged stored rows, in plain sentences; empty when sound. */
  readonly repairs?: readonly string[];
}

export const UNTITLED_MAP = 'Untitled map';

/** Maps in the library (not in the trash), most recently changed first. */
export const listMaps = async (db: JourneywallDb): Promise<MapSummary[]> =>
  db.maps
    .orderBy('updated')
    .reverse()
    .filter((map) => map.deletedAt === null)
    .toArray();

/** Maps in the trash, most recently deleted first. */
export const listTrash = async (db: JourneywallDb): Promise<MapSummary[]> => {
  const trashed = await db.maps.filter((map) => map.deletedAt !== null).toArray();
  return trashed.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
};

/** Creates an empty map and returns its id. */
export const createMap = async (
  db: JourneywallDb,
  name: string,
  now: number = Date.now(),
): Promise<string> => {
  const doc = newMapDocument(name.trim() || UNTITLED_MAP, now);
  await putDocument(db, doc);
  return doc.id;
};

/** Writes a whole document as a map (new or replacing every record of that map). */
/** Records written per slice of a whole-map write: about 50 ms of copying on a slow laptop. */
const WRITE_SLICE = 500;

export const putDocument = async (
  db: JourneywallDb,
  doc: JourneyDocument,
  viewport: SavedViewport | null = null,
): Promise<void> => {
  await db.transaction('rw', [db.maps, db.records, db.viewports], async () => {
    const existing = await db.maps.get(doc.id);
    await db.records.where('mapId').equals(doc.id).delete();
    const rows = Object.values(doc.records).map((record) => toStored(doc.id, record));
    // In slices, still one transaction: each put copies its record on the window's thread, and
    // between slices the window draws and answers (a big map is thousands of records).
    for (let start = 0; start < rows.length; start += WRITE_SLICE)
      await db.records.bulkPut(rows.slice(start, start + WRITE_SLICE));
    await db.maps.put({
      ...summarize(doc, existing?.deletedAt ?? null),
      revision: (existing?.revision ?? 0) + 1,
    });
    if (viewport)
      await db.viewports.put({ mapId: doc.id, x: viewport.x, y: viewport.y, scale: viewport.scale });
  });
};

/** A map's document and last viewport, or null when the library has no such map. */
export const loadMap = async (db: JourneywallDb, mapId: string): Promise<LoadedMap | null> => {
  const stored = await db.transaction('r', [db.maps, db.records, db.viewports, db.drafts], async () => ({
    rows: await db.records.where('mapId').equals(mapId).toArray(),
    viewport: await db.viewports.get(mapId),
    draft: await db.drafts.get(mapId),
    revision: (await db.maps.get(mapId))?.revision ?? 0,
  }));
  // Rows are validated and repaired like a file's records: storage may hold damaged or older
  // rows. After the transaction, in slices: what was read is read whole and consistent.
  const { doc, repairs } = await readStoredMapInSlices(mapId, stored.rows);
  if (!doc) return null;
  const viewport = stored.viewport
    ? { x: stored.viewport.x, y: stored.viewport.y, scale: stored.viewport.scale }
    : null;
  return { doc, viewport, draft: readStoredDraft(stored.draft), revision: stored.revision, repairs };
};

/**
 * Renames a map that is not open on the board (an open map is renamed through the store, so
 * its autosave carries the change). The map record's version is bumped like any edit.
 */
export const renameMap = async (
  db: JourneywallDb,
  mapId: string,
  name: string,
  now: number = Date.now(),
): Promise<void> => {
  await db.transaction('rw', [db.maps, db.records], async () => {
    const row = await db.records.get([mapId, mapId]);
    if (row?.type !== 'map') return;
    const renamed = updateRecord(row, { name: name.trim() || row.name }, now);
    if (renamed === row) return;
    await db.records.put(renamed);
    await db.maps.update(mapId, { name: renamed.name, updated: renamed.updated });
  });
};

/** Copies a map under a new id and the name "X (copy)"; returns the new id (null if no such map). */
export const duplicateMap = async (
  db: JourneywallDb,
  mapId: string,
  now: number = Date.now(),
): Promise<string | null> =>
  db.transaction('rw', [db.maps, db.records, db.viewports, db.drafts], async () => {
    const loaded = await loadMap(db, mapId);
    if (!loaded) return null;
    const copy = copyDocument(loaded.doc, `${mapRecordOf(loaded.doc).name} (copy)`, now);
    await putDocument(db, copy, loaded.viewport);
    return copy.id;
  });

/** Moves a map to the trash; restoreMap brings it back. */
export const deleteMap = async (
  db: JourneywallDb,
  mapId: string,
  now: number = Date.now(),
): Promise<void> => {
  await db.maps.update(mapId, { deletedAt: now });
};

export const restoreMap = async (db: JourneywallDb, mapId: string): Promise<void> => {
  await db.maps.update(mapId, { deletedAt: null });
};

/** Deletes a map and everything stored for it, for good (its file backups stay). */
export const purgeMap = async (db: JourneywallDb, mapId: string): Promise<void> => {
  await db.transaction('rw', [db.maps, db.records, db.viewports, db.fileLinks, db.drafts], async () => {
    await db.records.where('mapId').equals(mapId).delete();
    await db.drafts.delete(mapId);
    await db.viewports.delete(mapId);
    await db.fileLinks.delete(mapId);
    await db.maps.delete(mapId);
  });
};
