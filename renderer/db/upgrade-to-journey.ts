import type { Transaction } from 'dexie';
import {
  MIGRATED_MAP_SETTINGS,
  MIGRATED_NOTE_FIELDS,
  migratedScenarioIds,
  migratedScenarios,
} from '../../shared/format/migrations/1-journey-to-2.ts';

/**
 * One stored row as schema version 3 has it: a map gains the journey settings, a note a kind and
 * a place (outside the grid, in Current). What they gain is what the .cxmap migration 1 → 2
 * gives, frozen like it, so a map stored here and a copy of it migrated from a file still merge
 * however the app's defaults change later.
 */
export const upgradeRowToJourney = (row: Record<string, unknown>): void => {
  if (row.type === 'map') {
    for (const [key, value] of Object.entries(MIGRATED_MAP_SETTINGS)) row[key] ??= value;
  } else if (row.type === 'note' && row.scenarioId === undefined) {
    Object.assign(row, {
      scenarioId: migratedScenarioIds(String(row.mapId)).current,
      stageId: null,
      laneId: null,
      ...MIGRATED_NOTE_FIELDS,
    });
  }
};

/**
 * Schema version 3: maps stored before journey structure existed gain their Current and Ideal
 * scenarios, the ones the .cxmap migration 1 → 2 gives. Versions are kept: upgrading is not an edit.
 */
export const upgradeToJourney = async (tx: Transaction): Promise<void> => {
  const records = tx.table('records');
  const maps = new Map<string, number>();
  await records.toCollection().modify((row: Record<string, unknown>) => {
    if (row.type === 'map') maps.set(String(row.mapId), typeof row.created === 'number' ? row.created : 0);
    upgradeRowToJourney(row);
  });
  const scenarios = [...maps].flatMap(([mapId, created]) =>
    migratedScenarios(mapId, created).map((scenario) => ({
      ...scenario,
      mapId,
      type: 'scenario',
      isDeleted: false,
    })),
  );
  const existing = await records.bulkGet(scenarios.map((scenario) => [scenario.mapId, scenario.id]));
  await records.bulkAdd(scenarios.filter((_, index) => existing[index] === undefined));
};
