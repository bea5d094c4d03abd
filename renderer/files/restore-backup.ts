import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { mapRecordOf } from '../../shared/model/document.ts';
import { copyDocument } from '../db/copy-document.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { putDocument } from '../db/library.ts';
import { readMapFileOffThread } from './read-map-off-thread.ts';

export type RestoreResult =
  | { readonly ok: true; readonly mapId: string; readonly asCopy: boolean }
  | { readonly ok: false; readonly error: string };

/**
 * Brings a map back from its newest file backup. A map still in the library (or its trash) is
 * never overwritten: the backup comes back beside it as "X (restored from backup)".
 */
export const restoreFromBackup = async (
  db: JourneywallDb,
  bridge: Pick<JourneywallBridge, 'readBackup'>,
  mapId: string,
  now: number = Date.now(),
): Promise<RestoreResult> => {
  let text: string | null;
  try {
    text = await bridge.readBackup(mapId);
  } catch (error) {
    return {
      ok: false,
      error: `Couldn't read the backup: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (text === null) return { ok: false, error: 'There is no backup of this map.' };
  const parsed = await readMapFileOffThread(new TextEncoder().encode(text));
  if (!parsed.ok) return { ok: false, error: `The backup cannot be restored. ${parsed.message}` };
  const { document } = parsed;
  return db.transaction('rw', [db.maps, db.records, db.viewports], async (): Promise<RestoreResult> => {
    if (!(await db.maps.get(document.id))) {
      await putDocument(db, document);
      return { ok: true, mapId: document.id, asCopy: false };
    }
    const copy = copyDocument(document, `${mapRecordOf(document).name} (restored from backup)`, now);
    await putDocument(db, copy);
    return { ok: true, mapId: copy.id, asCopy: true };
  });
};
