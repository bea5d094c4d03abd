import { isJsonObject, type JsonObject, type Migration } from './migration.ts';

/** The longest id the format allows; a derived id is cut to fit. */
const MAX_ID_LENGTH = 64;

/**
 * The ids migration 1 → 2 gives the two scenarios it creates: derived from the map id, so
 * everyone who opens copies of one format-1 map gets the same scenarios and their copies merge.
 * The app upgrading a map it stored before scenarios existed should use the same ids.
 */
export const migratedScenarioIds = (mapId: string): { readonly current: string; readonly ideal: string } => ({
  current: `current-${mapId}`.slice(0, MAX_ID_LENGTH),
  ideal: `ideal-${mapId}`.slice(0, MAX_ID_LENGTH),
});

/**
 * The two scenarios migration 1 → 2 gives a map, Current and Ideal. Their bookkeeping is fixed,
 * like their ids, so every migrated copy agrees; `updated` is when the map was created.
 */
export const migratedScenarios = (mapId: string, updated: unknown) => {
  const ids = migratedScenarioIds(mapId);
  const base = { emotions: {}, basedOn: null, version: 1, versionNonce: 0, updated };
  return [
    { ...base, id: ids.current, name: 'Current', order: 0, kind: 'current' },
    { ...base, id: ids.ideal, name: 'Ideal', order: 1, kind: 'ideal' },
  ] as const;
};

/**
 * The journey settings migration 1 → 2 gives a map, and the fields it gives each note besides its
 * place. Frozen as format 2 had them: a migration must not change when the app's defaults do.
 */
export const MIGRATED_MAP_SETTINGS = {
  activePersonaId: null,
  connectedType: null,
  showCategories: false,
  insightSettings: { maxTouchpoints: 10, maxStampShare: 0.34, lowEmotion: -1 },
} as const;
export const MIGRATED_NOTE_FIELDS = {
  kind: 'note',
  slot: 0,
  channel: null,
  wow: false,
  ratings: null,
  origin: null,
} as const;

/** What format 2 adds, which a format-1 file cannot hold: the migration sets them afresh. */
const JOURNEY_LISTS = ['stages', 'lanes', 'scenarios', 'personas'] as const;
const JOURNEY_SETTINGS = Object.keys(MIGRATED_MAP_SETTINGS);
const NOTE_JOURNEY_FIELDS = Object.keys(MIGRATED_NOTE_FIELDS);

/** The format-2 information a format-1 file carries anyway, which the migration replaces. */
const journeyExtras = (file: JsonObject, map: JsonObject, notes: unknown): string[] => {
  const ignored: string[] = [];
  const lists = JOURNEY_LISTS.filter((key) => file[key] !== undefined);
  if (lists.length > 0) ignored.push(`its ${lists.join(', ')}`);
  if (JOURNEY_SETTINGS.some((key) => map[key] !== undefined)) ignored.push('the journey settings of its map');
  let notesWithExtras = 0;
  if (Array.isArray(notes))
    for (const note of notes)
      if (isJsonObject(note) && NOTE_JOURNEY_FIELDS.some((key) => note[key] !== undefined)) notesWithExtras++;
  if (notesWithExtras > 0)
    ignored.push(
      `the kind, cell order, channel, ratings or origin of ${notesWithExtras.toLocaleString('en-US')} ${notesWithExtras === 1 ? 'note' : 'notes'}`,
    );
  return ignored;
};

/**
 * Format 2 adds the journey: stages, lanes, scenarios and personas, the map's journey settings,
 * and each note's kind, scenario and cell; notes are listed in groups by place (scenario, stage
 * and lane). A format-1 map has no stages or lanes; its notes all belong to its Current
 * scenario, outside the grid: one group. Versions are kept: migrating is not an edit,
 * and two people migrating one file must get the same records. Format-2 information a format-1
 * file carries anyway (a hand-edited file) is replaced, and reported.
 */
export const journeyStructure: Migration = {
  from: 1,
  to: 2,
  description:
    'Maps gain stages, lanes, scenarios (Current and Ideal) and personas; notes gain a kind and a place.',
  up: (file) => {
    const { map, notes } = file;
    // A map without a usable id fails validation of the map record, which names the problem.
    // Its notes are still listed in format 2's way, so the reader gets as far as the map record.
    if (!isJsonObject(map) || typeof map.id !== 'string')
      return {
        ok: true,
        file: { ...file, formatVersion: 2, notes: Array.isArray(notes) ? [{ notes }] : notes },
      };
    const scenarios = migratedScenarios(map.id, map.created);
    return {
      ok: true,
      ignored: journeyExtras(file, map, notes),
      file: {
        ...file,
        formatVersion: 2,
        map: { ...map, ...MIGRATED_MAP_SETTINGS },
        stages: [],
        lanes: [],
        scenarios,
        personas: [],
        // Notes are listed by place: every format-1 note is in Current, outside the grid.
        notes: Array.isArray(notes)
          ? [
              {
                scenarioId: migratedScenarioIds(map.id).current,
                notes: notes.map((note) =>
                  isJsonObject(note) ? { ...note, ...MIGRATED_NOTE_FIELDS } : note,
                ),
              },
            ]
          : notes,
      },
    };
  },
};
