import { isJsonObject, type Migration } from './migration.ts';

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
 * Format 2 adds the journey: stages, lanes, scenarios and personas, the map's journey settings,
 * and each note's kind, scenario and cell; notes are listed in groups by place (scenario, stage
 * and lane). A format-1 map has no stages or lanes; its notes all belong to its Current
 * scenario, outside the grid: one group. Versions are kept: migrating is not an edit,
 * and two people migrating one file must get the same records.
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
    const ids = migratedScenarioIds(map.id);
    // The bookkeeping of the new scenarios is fixed, like their ids, so every migrated copy agrees.
    const bookkeeping = { version: 1, versionNonce: 0, updated: map.created };
    return {
      ok: true,
      file: {
        ...file,
        formatVersion: 2,
        map: {
          ...map,
          activePersonaId: null,
          connectedType: null,
          showCategories: false,
          insightSettings: { maxTouchpoints: 10, maxStampShare: 0.34, lowEmotion: -1 },
        },
        stages: [],
        lanes: [],
        scenarios: [
          {
            id: ids.current,
            name: 'Current',
            order: 0,
            kind: 'current',
            emotions: {},
            basedOn: null,
            ...bookkeeping,
          },
          {
            id: ids.ideal,
            name: 'Ideal',
            order: 1,
            kind: 'ideal',
            emotions: {},
            basedOn: null,
            ...bookkeeping,
          },
        ],
        personas: [],
        // Notes are listed by place: every format-1 note is in Current, outside the grid.
        notes: Array.isArray(notes)
          ? [
              {
                scenarioId: ids.current,
                notes: notes.map((note) =>
                  isJsonObject(note)
                    ? {
                        ...note,
                        kind: 'note',
                        slot: 0,
                        channel: null,
                        wow: false,
                        ratings: null,
                        origin: null,
                      }
                    : note,
                ),
              },
            ]
          : notes,
      },
    };
  },
};
