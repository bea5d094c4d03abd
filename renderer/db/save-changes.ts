import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { type NoteCounts, notesPerScenario } from '../../shared/model/note-counts.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import type { Draft } from '../store/draft.ts';
import type { JourneywallDb, MapSummary, SavedViewport } from './journeywall-db.ts';
import { summarize, toStored } from './stored-records.ts';

/** One autosave of one map: only what changed since the last save. */
export interface MapChanges {
  /** The map as it is now: written whole when the stored copy is not the one expected. */
  readonly doc: JourneyDocument;
  readonly changed: readonly JourneyRecord[];
  readonly removed: readonly string[];
  readonly notes: NoteCounts;
  /** The viewport to store, or null when it did not change. */
  readonly viewport: SavedViewport | null;
  /** The open editor's text to store, null to remove it, undefined when it did not change. */
  readonly draft?: Draft | null;
  /** The revision this window wrote or read last; null when it never saw the map stored. */
  readonly expectedRevision: number | null;
}

export interface SaveResult {
  /** The map's revision after this save: what the next save expects. */
  readonly revision: number;
  /**
   * True when the stored copy was gone or had been written by someone else, so the whole map
   * was written again from this window.
   */
  readonly rewritten: boolean;
}

/**
 * Writes the changed records, the library row, the viewport and the draft in one transaction;
 * resolves once IndexedDB has committed it. First it checks that the stored map is the one this
 * window last wrote: if its rows vanished (the browser cleared or recreated its storage) or
 * another writer changed it, the whole map is written instead, so the library row and the
 * records always describe the same complete map.
 */
export const saveChanges = async (
  db: JourneywallDb,
  changes: MapChanges,
  now: number = Date.now(),
): Promise<SaveResult> => {
  const { doc, changed, removed, viewport, draft, expectedRevision } = changes;
  const mapId = doc.id;
  return db.transaction('rw', [db.maps, db.records, db.viewports, db.drafts], async () => {
    const existing = await db.maps.get(mapId);
    const intact =
      existing !== undefined &&
      (existing.revision ?? 0) === expectedRevision &&
      (await db.records.get([mapId, mapId])) !== undefined;
    let revision = existing?.revision ?? 0;
    if (!intact) {
      revision = Math.max(revision, expectedRevision ?? 0) + 1;
      await db.records.where('mapId').equals(mapId).delete();
      await db.records.bulkPut(Object.values(doc.records).map((record) => toStored(mapId, record)));
      await db.maps.put({ ...summarize(doc, existing?.deletedAt ?? null), revision });
    } else if (changed.length > 0 || removed.length > 0) {
      revision++;
      if (changed.length > 0) await db.records.bulkPut(changed.map((record) => toStored(mapId, record)));
      if (removed.length > 0) await db.records.bulkDelete(removed.map((id): [string, string] => [mapId, id]));
      await db.maps.put(nextSummary(existing, changes, revision, now));
    }
    if (viewport) await db.viewports.put({ mapId, x: viewport.x, y: viewport.y, scale: viewport.scale });
    if (draft) await db.drafts.put({ ...draft, mapId, updated: now });
    else if (draft === null) await db.drafts.delete(mapId);
    return { revision, rewritten: !intact && expectedRevision !== null };
  });
};

/**
 * Where a map's board was looking, alone: one small transaction, as a pan or zoom pays for it on
 * the window's thread. It still checks that the stored map is the one this window last wrote
 * (its row and revision); where it is not, nothing is written and false comes back, so the
 * caller writes the whole map (saveChanges).
 */
export const saveViewport = async (
  db: JourneywallDb,
  mapId: string,
  viewport: SavedViewport,
  expectedRevision: number | null,
): Promise<boolean> =>
  db.transaction('rw', [db.maps, db.viewports], async () => {
    const existing = await db.maps.get(mapId);
    if (existing === undefined || (existing.revision ?? 0) !== expectedRevision) return false;
    await db.viewports.put({ mapId, x: viewport.x, y: viewport.y, scale: viewport.scale });
    return true;
  });

const nextSummary = (
  existing: MapSummary,
  { doc, changed, notes }: MapChanges,
  revision: number,
  now: number,
): MapSummary => {
  const map = mapRecordOf(doc);
  const mapChanged = changed.some((record) => record.id === map.id);
  let updated = changed.length > 0 ? 0 : now;
  for (const record of changed) if (record.updated > updated) updated = record.updated;
  return {
    id: map.id,
    name: mapChanged ? map.name : existing.name,
    created: existing.created,
    updated: Math.max(updated, existing.updated),
    noteCount: notes.total,
    scenarioNotes: notesPerScenario(doc, notes),
    deletedAt: existing.deletedAt,
    revision,
  };
};
