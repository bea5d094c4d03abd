import type { JourneyDocument } from '../model/document.ts';
import { FILE_LIMITS } from '../model/limits.ts';
import type { JourneyRecord } from '../model/records.ts';
import { dedupeIds } from './dedupe.ts';
import { CURRENT_FORMAT_VERSION, headerSchema } from './envelope.ts';
import { limitPassed } from './limit-tally.ts';
import { looksLikeMap } from './looks-like-map.ts';
import {
  damaged,
  newerVersion,
  notAMap,
  type ParseError,
  tooManyEmotions,
  UNEXPECTED_FAILURE,
} from './messages.ts';
import { formatVersionOf, migrate } from './migrations/index.ts';
import { isJsonObject, type JsonObject } from './migrations/migration.ts';
import { readInput } from './read-input.ts';
import { readRecords } from './read-records.ts';
import { COLLECTIONS } from './records/registry.ts';
import { counted } from './records/repairs.ts';
import { repairPlaces } from './references.ts';
import { RepairLog } from './repair-log.ts';
import { repairRounds } from './round-repairs.ts';
import { findForbiddenKey, scanNesting } from './scan.ts';
import { stateOf, withMarks } from './sync-marks.ts';
import { repairVotes } from './vote-repairs.ts';

/** What the file says about itself. */
export interface FileInfo {
  /** The format the file was written in; older formats were migrated while reading. */
  readonly formatVersion: number;
  readonly savedAt: number;
  readonly app: { readonly name: string; readonly version: string };
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly document: JourneyDocument;
      /** What was repaired, one plain sentence per kind of repair; empty for a sound file. */
      readonly repairs: readonly string[];
      readonly file: FileInfo;
    }
  | { readonly ok: false; readonly error: ParseError };

/**
 * Reads a .cxmap file (or a preliminary backup) from untrusted text or bytes. Never throws:
 * returns the map, with the repairs made, or an error a user understands. Every state read is
 * remembered as shared (see markShared), since the file is a copy someone may go on editing.
 */
export const parse = (input: string | Uint8Array): ParseResult => {
  try {
    return parseFile(input);
  } catch {
    return failed(damaged(UNEXPECTED_FAILURE));
  }
};

const failed = (error: ParseError): ParseResult => ({ ok: false, error });

const parseFile = (input: string | Uint8Array): ParseResult => {
  const read = readInput(input);
  if (!read.ok) return read;
  const { text } = read;
  if (!startsWithBrace(text)) return failed(notAMap());
  const unreadable = (what: string) => failed(looksLikeMap(text) ? damaged(what) : notAMap());

  const nesting = scanNesting(text, {
    maxDepth: FILE_LIMITS.maxDepth,
    maxEmotions: FILE_LIMITS.maxEmotions,
    maxKeys: FILE_LIMITS.maxKeysPerObject,
    maxRecords: FILE_LIMITS.maxRecords,
  });
  if (typeof nesting === 'object')
    return failed(tooManyEmotions(nesting.tooManyEmotions, FILE_LIMITS.maxEmotions));
  if (nesting === 'too-deep') return unreadable('it is nested too deeply');
  if (nesting === 'cut-off') return unreadable('it ends too early, as if cut off');
  if (nesting === 'too-many-keys')
    return unreadable(
      `an object in it has more than ${FILE_LIMITS.maxKeysPerObject.toLocaleString('en-US')} fields`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unreadable('some of its text has been changed or lost');
  }
  if (!isJsonObject(json)) return failed(notAMap());

  const version = formatVersionOf(json);
  if (version === 'not-a-map') return failed(notAMap());
  if (version === 'invalid') return failed(damaged('its format version is not valid'));
  if (version > CURRENT_FORMAT_VERSION) return failed(newerVersion(version));
  const forbidden = findForbiddenKey(json);
  if (forbidden !== undefined) return failed(damaged(`it contains the forbidden name "${forbidden}"`));

  const migrated = migrate(json, version);
  if (!migrated.ok) return failed(damaged(migrated.damage));
  const { file } = migrated;
  const header = headerSchema.safeParse({
    type: file.type,
    formatVersion: file.formatVersion,
    app: file.app,
    savedAt: file.savedAt,
  });
  if (!header.success) {
    const field = header.error.issues[0]?.path[0];
    return failed(damaged(field === 'savedAt' ? 'its save time is not valid' : 'its header is not valid'));
  }

  const log = new RepairLog();
  for (const sentence of migrated.ignored) log.add(`migration:${sentence}`, () => sentence);
  logUnknownParts(file, log);
  const records = readRecords(file, log);
  if (!records.ok) return records;
  const [map, ...others] = dedupeIds(records.records, log);
  if (map?.type !== 'map') return failed(damaged('it has no map record'));
  const byId: Record<string, JourneyRecord> = {};
  for (const record of [map, ...others]) byId[record.id] = record;
  repairPlaces(byId, map, log);
  repairVotes(byId, log);
  repairRounds(byId, log);
  // Moving notes into the first scenario can fill a cell past its limit.
  const passed = limitPassed(Object.values(byId));
  if (passed) return failed(passed);
  for (const [id, record] of Object.entries(byId)) byId[id] = withMarks(record, [stateOf(record)]);
  return {
    ok: true,
    document: { id: map.id, records: byId },
    repairs: log.messages(),
    file: { formatVersion: version, savedAt: header.data.savedAt, app: header.data.app },
  };
};

/** The members of a current-format file; the reader reads nothing else. */
const KNOWN_PARTS: ReadonlySet<string> = new Set([
  ...Object.keys(headerSchema.shape),
  'map',
  ...COLLECTIONS.map((collection) => collection.key),
]);

/** Names of unknown parts shown in the notice; a hostile file may have thousands, or long ones. */
const NAMED_PARTS = 3;
const NAME_LENGTH = 40;

/** Reports the members of the file this version does not know (a newer tool's list), which are not read. */
const logUnknownParts = (file: JsonObject, log: RepairLog): void => {
  const unknown = Object.keys(file).filter((key) => !KNOWN_PARTS.has(key));
  if (unknown.length === 0) return;
  const names = unknown
    .slice(0, NAMED_PARTS)
    .map((key) => `“${key.length > NAME_LENGTH ? `${key.slice(0, NAME_LENGTH)}…` : key}”`)
    .join(', ');
  const more = unknown.length > NAMED_PARTS ? ', …' : '';
  log.add(
    'ignored:file',
    () =>
      `Ignored ${counted(unknown.length, 'part')} of the file this version does not know: ${names}${more}.`,
  );
};

const startsWithBrace = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') return true;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return false;
  }
  return false;
};
