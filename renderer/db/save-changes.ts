import type { JourneyRecord, MapRecord } from '../../shared/model/records.ts';
import type { JourneywallDb, MapSummary, SavedViewport } from './journeywall-db.ts';
import { toStored } from './stored-records.ts';

/** One autosave of one map: only what changed since the last save. */
export interface MapChanges {
  readonly mapId: string;
  /** The map's own record as it is now (for the library row of a map saved for the first time). */
  readonly map: MapRecord;
  readonly changed: readonly JourneyRecord[];
  readonly removed: readonly string[];
  readonly noteCount: number;
  /** The viewport to store, or null when it did not change. */
  readonly viewport: SavedViewport | null;
}

/**
 * Writes the changed records, the library row and the viewport in one transaction; resolves
 * once IndexedDB has committed it.
 */
export const saveChanges = async (
  db: JourneywallDb,
  changes: MapChanges,
  now: number = Date.now(),
): Promise<void> => {
  const { mapId, changed, removed, viewport } = changes;
  const documentChanged = changed.length > 0 || removed.length > 0;
  await db.transaction('rw', [db.maps, db.records, db.viewports], async () => {
    if (changed.length > 0) await db.records.bulkPut(changed.map((record) => toStored(mapId, record)));
    if (removed.length > 0) await db.records.bulkDelete(removed.map((id): [string, string] => [mapId, id]));
    if (documentChanged) await db.maps.put(nextSummary(await db.maps.get(mapId), changes, now));
    if (viewport) await db.viewports.put({ mapId, x: viewport.x, y: viewport.y, scale: viewport.scale });
  });
};

const nextSummary = (existing: MapSummary | undefined, changes: MapChanges, now: number): MapSummary => {
  const { map, changed, noteCount } = changes;
  const mapChanged = changed.some((record) => record.id === map.id);
  let updated = changed.length > 0 ? 0 : now;
  for (const record of changed) if (record.updated > updated) updated = record.updated;
  return {
    id: map.id,
    name: mapChanged || !existing ? map.name : existing.name,
    created: existing?.created ?? map.created,
    updated: Math.max(updated, existing?.updated ?? 0),
    noteCount,
    deletedAt: existing?.deletedAt ?? null,
  };
};
