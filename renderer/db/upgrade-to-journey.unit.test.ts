import { expect, test, vi } from 'vitest';
import { journeyStructure } from '../../shared/format/migrations/1-journey-to-2.ts';
import { isJsonObject } from '../../shared/format/migrations/migration.ts';
import { upgradeRowToJourney } from './upgrade-to-journey.ts';

// The app's defaults have moved on since format 2; what the upgrade writes must not follow them.
vi.mock('../../shared/model/journey-records.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../shared/model/journey-records.ts')>()),
  DEFAULT_INSIGHT_SETTINGS: { maxTouchpoints: 99, maxStampShare: 0.9, lowEmotion: -2 },
}));

const MAP_ID = 'old-map-0000000000001';
const storedMap = () => ({ mapId: MAP_ID, id: MAP_ID, type: 'map', name: 'Old', created: 5, version: 3 });
const storedNote = () => ({
  id: 'note-1',
  type: 'note',
  x: 1,
  y: 2,
  w: 180,
  h: 120,
  text: 'Kept',
  color: 'blue',
  z: 1,
  version: 2,
  versionNonce: 4,
  updated: 5,
  isDeleted: false,
});

/** The same map and note as a format-1 file, through the .cxmap migration. */
const migratedFromFile = () => {
  const result = journeyStructure.up({ formatVersion: 1, map: storedMap(), notes: [storedNote()] });
  if (!result.ok) throw new Error('migration failed');
  const [group] = result.file.notes as unknown[];
  if (!isJsonObject(group) || !Array.isArray(group.notes)) throw new Error('no note group');
  return { map: result.file.map, scenarioId: group.scenarioId, note: group.notes[0] };
};

test("a stored map gains format 2's journey settings, not the app's current defaults", () => {
  const row: Record<string, unknown> = storedMap();
  upgradeRowToJourney(row);
  expect(row).toEqual({
    ...storedMap(),
    activePersonaId: null,
    connectedType: null,
    showCategories: false,
    insightSettings: { maxTouchpoints: 10, maxStampShare: 0.34, lowEmotion: -1 },
  });
  expect(row).toEqual(migratedFromFile().map);
});

test('a stored map keeps the journey settings it already has', () => {
  const row: Record<string, unknown> = { ...storedMap(), showCategories: true, connectedType: 'touchpoint' };
  upgradeRowToJourney(row);
  expect(row).toMatchObject({ showCategories: true, connectedType: 'touchpoint', activePersonaId: null });
});

test('a stored note gains what the file migration gives the same note: Current, outside the grid', () => {
  const row: Record<string, unknown> = { mapId: MAP_ID, ...storedNote() };
  upgradeRowToJourney(row);
  const migrated = migratedFromFile();
  expect(row).toEqual({
    mapId: MAP_ID,
    ...(migrated.note as object),
    scenarioId: migrated.scenarioId,
    stageId: null,
    laneId: null,
  });
  expect(row).toMatchObject({
    kind: 'note',
    scenarioId: `current-${MAP_ID}`,
    slot: 0,
    wow: false,
    version: 2,
  });
});
