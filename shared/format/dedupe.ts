import { newId } from '../model/ids.ts';
import type { SyncedRecord } from './document.ts';
import { counted } from './records/repairs.ts';
import type { RepairLog } from './repair-log.ts';

/**
 * Makes ids unique. Of the records sharing an id the map record keeps it, otherwise the highest
 * version (then the lowest versionNonce, as Excalidraw breaks ties) keeps it. Exact copies are
 * dropped; any other record gets a new id, so no content is lost.
 */
export const dedupeIds = (records: readonly SyncedRecord[], log: RepairLog): SyncedRecord[] => {
  const groups = new Map<string, SyncedRecord[]>();
  for (const record of records) {
    const group = groups.get(record.id);
    if (group) group.push(record);
    else groups.set(record.id, [record]);
  }
  const result: SyncedRecord[] = [];
  for (const group of groups.values()) {
    const [keeper, ...others] = group.length === 1 ? group : [...group].sort(keeperFirst);
    if (!keeper) continue;
    result.push(keeper);
    if (others.length === 0) continue;
    const seen = new Set([JSON.stringify(keeper)]);
    for (const other of others) {
      const content = JSON.stringify(other);
      if (seen.has(content)) {
        log.add(
          `duplicate-dropped:${other.type}`,
          (count) => `Removed ${counted(count, other.type)} that appeared twice.`,
        );
        continue;
      }
      seen.add(content);
      const { synced: _history, ...fields } = other;
      result.push({ ...fields, id: newId() });
      log.add(
        `duplicate-renamed:${other.type}`,
        (count) =>
          `Gave ${counted(count, other.type)} that shared an id with another record ${count === 1 ? 'a new id' : 'new ids'}.`,
      );
    }
  }
  return result;
};

const keeperFirst = (a: SyncedRecord, b: SyncedRecord): number =>
  Number(b.type === 'map') - Number(a.type === 'map') ||
  b.version - a.version ||
  a.versionNonce - b.versionNonce;
