import type { Transaction } from 'dexie';
import { migratedScenarioIds } from '../../shared/format/migrations/1-journey-to-2.ts';
import { DEFAULT_INSIGHT_SETTINGS } from '../../shared/model/journey-records.ts';

/**
 * Schema version 3: maps stored before journey structure existed gain their Current and Ideal
 * scenarios and journey settings, and their notes a kind and a place (outside the grid, in
 * Current). The scenario ids are the ones the .cxmap migration 1 → 2 gives, so a map stored here
 * and a copy of it migrated from a file still merge. Versions are kept: upgrading is not an edit.
 */
export const upgradeToJourney = async (tx: Transaction): Promise<void> => {
  const records = tx.table('records');
  const maps = new Map<string, number>();
  await records.toCollection().modify((row: Record<string, unknown>) => {
    const mapId = String(row.mapId);
    const ids = migratedScenarioIds(mapId);
    if (row.type === 'map') {
      maps.set(mapId, typeof row.created === 'number' ? row.created : 0);
      row.activePersonaId ??= null;
      row.connectedType ??= null;
      row.showCategories ??= false;
      row.insightSettings ??= DEFAULT_INSIGHT_SETTINGS;
    } else if (row.type === 'note' && row.scenarioId === undefined) {
      Object.assign(row, {
        kind: 'note',
        scenarioId: ids.current,
        stageId: null,
        laneId: null,
        slot: 0,
        channel: null,
        wow: false,
        ratings: null,
        origin: null,
      });
    }
  });
  const scenarios = [...maps].flatMap(([mapId, created]) => {
    const ids = migratedScenarioIds(mapId);
    const base = {
      mapId,
      type: 'scenario',
      emotions: {},
      basedOn: null,
      version: 1,
      versionNonce: 0,
      updated: created,
      isDeleted: false,
    };
    return [
      { ...base, id: ids.current, name: 'Current', order: 0, kind: 'current' },
      { ...base, id: ids.ideal, name: 'Ideal', order: 1, kind: 'ideal' },
    ];
  });
  const existing = await records.bulkGet(scenarios.map((scenario) => [scenario.mapId, scenario.id]));
  await records.bulkAdd(scenarios.filter((_, index) => existing[index] === undefined));
};
