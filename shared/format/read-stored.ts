import type { JourneyDocument } from '../model/document.ts';
import type { JourneyRecord } from '../model/records.ts';
import { dedupeIds } from './dedupe.ts';
import { migratedScenarioIds } from './migrations/1-journey-to-2.ts';
import { isJsonObject } from './migrations/migration.ts';
import { readTypedRecord, recordSpecOf } from './read-records.ts';
import { counted } from './records/repairs.ts';
import { repairPlaces } from './references.ts';
import { RepairLog } from './repair-log.ts';
import { repairRounds } from './round-repairs.ts';
import { repairVotes } from './vote-repairs.ts';

export interface StoredMapRead {
  /** The map, or null when no readable map record has the map's id. */
  readonly doc: JourneyDocument | null;
  /** What was repaired or left out, one plain sentence per kind; empty for a sound map. */
  readonly repairs: string[];
  /** Rows of the map that could not be repaired and were left out. */
  readonly dropped: number;
}

/**
 * Reads one map's records from the rows the app stored (each a record plus its `mapId`), with
 * the validation and repairs a .cxmap file gets: storage can be damaged or hold rows of an older
 * shape, and nothing unchecked may reach the board. Rows of other maps are ignored; rows that
 * cannot be repaired are left out and counted. Never throws.
 */
export const readStoredRecords = (mapId: string, rows: readonly unknown[]): StoredMapRead => {
  const reader = new StoredMapReader(mapId);
  reader.add(rows);
  return reader.finish();
};

/**
 * readStoredRecords a slice of rows at a time, for a caller that lets the window draw between
 * slices: validating the rows of a big map takes a while.
 */
export class StoredMapReader {
  private readonly log = new RepairLog();
  private readonly records: JourneyRecord[] = [];
  private dropped = 0;

  constructor(private readonly mapId: string) {}

  add(rows: readonly unknown[]): void {
    const { mapId, log } = this;
    for (const row of rows) {
      // A row without this map's id is not part of the map (a non-object has no id at all).
      if (!isJsonObject(row) || row.mapId !== mapId) continue;
      const { mapId: _ownMap, ...fields } = row;
      // A note stored before notes had scenarios gets the one the library's upgrade to journey
      // maps (and the file format's migration 1 → 2) gives it: the map's Current scenario, which
      // repairPlaces makes if it is missing.
      const unplaced = fields.type === 'note' && fields.scenarioId === undefined;
      const record = readTypedRecord(
        unplaced ? { ...fields, scenarioId: migratedScenarioIds(mapId).current } : fields,
        log,
      );
      if (typeof record === 'string') {
        this.dropped++;
        logUnreadable(log, fields.type);
        continue;
      }
      if (unplaced)
        log.add(
          'scenario-assigned',
          (count) =>
            `Put ${counted(count, 'note')} that belonged to no scenario into the scenario “Current”.`,
        );
      this.records.push(record);
    }
  }

  /** The map from every row added. */
  finish(): StoredMapRead {
    const { mapId, log } = this;
    const byId: Record<string, JourneyRecord> = {};
    for (const record of dedupeIds(this.records, log)) {
      // A map holds one map record, its own; any other (or a renamed duplicate of it) is left out.
      if (record.type === 'map' && record.id !== mapId) {
        this.dropped++;
        log.add(
          'other-map',
          (count) => `Left out ${counted(count, 'map record')} that did not belong to this map.`,
        );
        continue;
      }
      byId[record.id] = record;
    }
    const map = byId[mapId];
    if (map?.type !== 'map') return { doc: null, repairs: log.messages(), dropped: this.dropped };
    repairPlaces(byId, map, log);
    repairVotes(byId, log);
    repairRounds(byId, log);
    return { doc: { id: mapId, records: byId }, repairs: log.messages(), dropped: this.dropped };
  }
}

const logUnreadable = (log: RepairLog, type: unknown): void => {
  const spec = recordSpecOf(type);
  if (spec)
    log.add(
      `unreadable:${spec.type}`,
      (count) => `Left out ${counted(count, spec.noun)} too damaged to repair.`,
    );
  else
    log.add(
      'unknown-type',
      (count) => `Left out ${counted(count, 'record')} of a kind this version does not know.`,
    );
};
