import { backupToMapFile } from './0-backup-to-1.ts';
import { journeyStructure } from './1-journey-to-2.ts';
import { dotVotes } from './2-votes-to-3.ts';
import { writingRounds } from './3-rounds-to-4.ts';
import type { JsonObject, Migration } from './migration.ts';

/**
 * Every step from the oldest readable format to the current one, in order: MIGRATIONS[n] goes
 * from format n to n + 1. Raising CURRENT_FORMAT_VERSION means appending a step here and a
 * fixture test/fixtures/format-<n>.cxmap; the tests check both.
 */
export const MIGRATIONS: readonly Migration[] = [backupToMapFile, journeyStructure, dotVotes, writingRounds];

export type MigrateResult =
  | {
      readonly ok: true;
      readonly file: JsonObject;
      readonly applied: readonly number[];
      /** What each step left out (see MigrationResult), as sentences for the repair notice. */
      readonly ignored: readonly string[];
    }
  | { readonly ok: false; readonly damage: string };

/** Brings a file of format `fromVersion` up to the current format. */
export const migrate = (file: JsonObject, fromVersion: number): MigrateResult => {
  let current = file;
  const applied: number[] = [];
  const ignored: string[] = [];
  for (const step of MIGRATIONS) {
    if (step.from < fromVersion) continue;
    const result = step.up(current);
    if (!result.ok) return result;
    current = result.file;
    applied.push(step.from);
    if (result.ignored?.length)
      ignored.push(`Ignored what a format-${step.from} map cannot hold: ${result.ignored.join('; ')}.`);
  }
  return { ok: true, file: current, applied, ignored };
};

/**
 * The format of a parsed file: its `formatVersion`, 0 for a preliminary backup, 'not-a-map'
 * for any other JSON, 'invalid' for a map whose version is not a whole number from 1 up.
 */
export const formatVersionOf = (file: JsonObject): number | 'not-a-map' | 'invalid' => {
  if (file.type === 'journeywall-map') {
    const version = file.formatVersion;
    return typeof version === 'number' && Number.isSafeInteger(version) && version >= 1 ? version : 'invalid';
  }
  return file.format === 'journeywall-backup' ? 0 : 'not-a-map';
};
