import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { mapRecordOf } from '../../shared/model/document.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { putDocument } from '../db/library.ts';
import { readMapFileOffThread } from '../files/read-map-off-thread.ts';

export interface RecoveredMap {
  readonly mapId: string;
  readonly name: string;
}

/**
 * At start: every map a file backup holds that the library lost (no library row, or a row whose
 * map record is gone, as after the browser wiped or recreated its storage) is written back from
 * its newest backup, under its own id. Maps deleted for good are left alone. A backup that
 * can't be read is skipped; the others still come back. Newest first.
 */
export const recoverLostMaps = async (
  db: JourneywallDb,
  bridge: Pick<JourneywallBridge, 'listBackups' | 'readBackup'>,
  purged: ReadonlySet<string>,
): Promise<RecoveredMap[]> => {
  const entries = (await bridge.listBackups()).sort((a, b) => b.savedAt - a.savedAt);
  const recovered: RecoveredMap[] = [];
  for (const entry of entries) {
    if (purged.has(entry.mapId) || (await isStored(db, entry.mapId))) continue;
    const text = await bridge.readBackup(entry.mapId).catch(() => null);
    if (text === null) continue;
    const parsed = await readMapFileOffThread(new TextEncoder().encode(text));
    if (!parsed.ok || parsed.document.id !== entry.mapId) continue;
    await putDocument(db, parsed.document);
    recovered.push({ mapId: entry.mapId, name: mapRecordOf(parsed.document).name });
  }
  return recovered;
};

const isStored = async (db: JourneywallDb, mapId: string): Promise<boolean> =>
  db.transaction('r', [db.maps, db.records], async () => {
    const summary = await db.maps.get(mapId);
    return summary !== undefined && (await db.records.get([mapId, mapId])) !== undefined;
  });

/** What the facilitator reads after maps came back: what happened and which maps. */
export const recoveredMessage = (maps: readonly RecoveredMap[]): string => {
  const names = maps.map((map) => `“${map.name}”`);
  const list =
    names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return maps.length === 1
    ? `This computer's storage had lost a map, so it was brought back from its backup: ${list}.`
    : `This computer's storage had lost ${maps.length} maps, so they were brought back from their backups: ${list}.`;
};
