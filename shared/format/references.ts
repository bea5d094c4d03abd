import type { ScenarioRecord } from '../model/journey-records.ts';
import type { JourneyRecord, MapRecord, NoteRecord, RecordBase } from '../model/records.ts';
import { derivedId } from './dedupe.ts';
import { migratedScenarioIds } from './migrations/1-journey-to-2.ts';
import { counted } from './records/repairs.ts';
import type { RepairLog } from './repair-log.ts';

/**
 * Where notes live: every live note belongs to a live scenario, and sits either in a cell of a
 * live stage and a live lane or outside the grid. A file may break this (damage, or a copy
 * edited by an older tool), and so may a merge (one side deleted a stage, the other put a note
 * in it). Such notes are moved where they stay visible: into the first scenario, out of the grid
 * at their own x and y. Nothing is deleted.
 */
export interface Rehoming {
  /** The scenario made because no live scenario was left: every map has one. */
  readonly createdScenario: ScenarioRecord | undefined;
  /** Live notes whose scenario was missing or deleted, now in the first scenario. */
  readonly toFirstScenario: number;
  /** Live notes whose stage or lane was missing or deleted, now outside the grid. */
  readonly outOfGrid: number;
}

type Bookkeeping = Pick<RecordBase, 'version' | 'versionNonce' | 'updated'>;

export interface RehomeOptions {
  /** Bookkeeping of a record made from nothing. */
  readonly fresh: () => Bookkeeping;
  /** A note with its new place: as it was for a repair while reading, bumped for a merge. */
  readonly moved: (
    note: NoteRecord,
    place: Pick<NoteRecord, 'scenarioId' | 'stageId' | 'laneId'>,
  ) => NoteRecord;
}

/** Moves notes whose scenario, stage or lane is gone (changing `records` in place). */
export const rehomeNotes = (
  records: Record<string, JourneyRecord>,
  mapId: string,
  options: RehomeOptions,
): Rehoming => {
  const scenarios: ScenarioRecord[] = [];
  const stages = new Set<string>();
  const lanes = new Set<string>();
  for (const record of Object.values(records)) {
    if (record.isDeleted) continue;
    if (record.type === 'scenario') scenarios.push(record);
    else if (record.type === 'stage') stages.add(record.id);
    else if (record.type === 'lane') lanes.add(record.id);
  }
  let createdScenario: ScenarioRecord | undefined;
  if (scenarios.length === 0) {
    const derived = migratedScenarioIds(mapId).current;
    const free = (candidate: string) => !Object.hasOwn(records, candidate);
    const id = free(derived) ? derived : derivedId(derived, free);
    createdScenario = {
      id,
      type: 'scenario',
      name: 'Current',
      order: 0,
      kind: 'current',
      emotions: {},
      basedOn: null,
      ...options.fresh(),
      isDeleted: false,
    };
    records[id] = createdScenario;
    scenarios.push(createdScenario);
  }
  const first = scenarios.reduce((a, b) =>
    b.order < a.order || (b.order === a.order && b.id < a.id) ? b : a,
  );
  const live = new Set(scenarios.map((scenario) => scenario.id));
  let toFirstScenario = 0;
  let outOfGrid = 0;
  for (const record of Object.values(records)) {
    if (record.type !== 'note' || record.isDeleted) continue;
    const lost = !live.has(record.scenarioId);
    const inGrid = record.stageId !== null || record.laneId !== null;
    const homeless =
      inGrid &&
      (record.stageId === null ||
        record.laneId === null ||
        !stages.has(record.stageId) ||
        !lanes.has(record.laneId));
    if (!lost && !homeless) continue;
    if (lost) toFirstScenario++;
    if (homeless) outOfGrid++;
    records[record.id] = options.moved(record, {
      scenarioId: lost ? first.id : record.scenarioId,
      stageId: homeless ? null : record.stageId,
      laneId: homeless ? null : record.laneId,
    });
  }
  return { createdScenario, toFirstScenario, outOfGrid };
};

/**
 * Rehomes the notes of a map being read (from a file or from the library's storage), reporting
 * it in the log. A repair is not an edit: versions stay, and the Current scenario made for a map
 * without one has the id and bookkeeping every reader of the map gives it. A map record marked
 * deleted is made live again: the library deletes a map by removing it, never by a tombstone,
 * so the mark can only come from a damaged or hostile file, and merging such a copy must not
 * delete the map.
 */
export const repairPlaces = (
  records: Record<string, JourneyRecord>,
  map: MapRecord,
  log: RepairLog,
): void => {
  if (map.isDeleted) {
    records[map.id] = { ...map, isDeleted: false };
    log.add('map-undeleted', () => 'Restored the map record, which was marked as deleted.');
  }
  const { createdScenario, toFirstScenario, outOfGrid } = rehomeNotes(records, map.id, {
    fresh: () => ({ version: 1, versionNonce: 0, updated: map.created }),
    moved: (note, place) => ({ ...note, ...place }),
  });
  if (createdScenario) log.add('scenario-created', () => 'Added the scenario “Current”: the map had none.');
  log.add(
    'scenario-missing',
    (count) => `Moved ${counted(count, 'note')} whose scenario is missing into the first scenario.`,
    toFirstScenario,
  );
  log.add(
    'cell-missing',
    (count) => `Moved ${counted(count, 'note')} whose stage or lane is missing out of the grid.`,
    outOfGrid,
  );
};
