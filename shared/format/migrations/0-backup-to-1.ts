import { isJsonObject, type Migration, type MigrationResult } from './migration.ts';

const damage = (what: string): MigrationResult => ({ ok: false, damage: what });

/**
 * Format 0 is the preliminary rolling backup written by builds before the first release:
 * `{ format: "journeywall-backup", version: 1, savedAt, document: { id, records: { [id]: record } } }`
 * with model records (their `type` field included). Format 1 keeps the map record apart and
 * lists notes in an array without their `type`.
 */
export const backupToMapFile: Migration = {
  from: 0,
  to: 1,
  description: 'Preliminary rolling backups become .cxmap files.',
  up: (backup) => {
    if (backup.version !== 1) return damage('it is a backup in an unknown format');
    const { document } = backup;
    if (!isJsonObject(document) || !isJsonObject(document.records)) return damage('the backup holds no map');
    let map: unknown;
    const notes: unknown[] = [];
    for (const record of Object.values(document.records)) {
      if (!isJsonObject(record)) return damage('one of its records is not a record');
      const { type, ...fields } = record;
      if (type === 'note') notes.push(fields);
      else if (type === 'map' && fields.id === document.id && map === undefined) map = fields;
      else return damage('it holds a record of an unknown kind');
    }
    return {
      ok: true,
      file: {
        type: 'journeywall-map',
        formatVersion: 1,
        app: { name: 'Journeywall', version: 'unknown' },
        savedAt: backup.savedAt,
        ...(map === undefined ? {} : { map }),
        notes,
      },
    };
  },
};
