import type { SyncedRecord } from './document.ts';
import { FILE_LIMITS } from './limits.ts';
import { damaged, type ParseError, tooManyRecords } from './messages.ts';
import { isJsonObject, type JsonObject } from './migrations/migration.ts';
import { COLLECTIONS, type Collection, groupByOf, MAP_SPEC, type RecordSpec } from './records/registry.ts';
import type { RepairLog } from './repair-log.ts';

export type ReadRecords =
  | { readonly ok: true; readonly records: readonly SyncedRecord[] }
  | { readonly ok: false; readonly error: ParseError };

/** One record as listed in a file, with the fields its group gives it (a note's place). */
interface Listed {
  readonly raw: unknown;
  readonly shared?: JsonObject;
  /** Its group carries fields this version does not know. */
  readonly groupHasUnknown?: boolean;
}

/**
 * Validates the map record and every record of every collection of a current-format file,
 * repairing what can be repaired. The map record comes first in the result. Records are
 * counted, and the groups of a grouped collection checked, before any record is validated.
 */
export const readRecords = (file: JsonObject, log: RepairLog): ReadRecords => {
  const lists: { spec: RecordSpec<SyncedRecord>; listed: readonly Listed[]; groupBy: readonly string[] }[] =
    [];
  let total = 1;
  for (const collection of COLLECTIONS) {
    const listed = listedIn(collection, file[collection.key]);
    if (typeof listed === 'string') return { ok: false, error: damaged(listed) };
    lists.push({ spec: collection.spec, listed, groupBy: groupByOf(collection) });
    total += listed.length;
    if (total > FILE_LIMITS.maxRecords) break;
  }
  if (total > FILE_LIMITS.maxRecords)
    return { ok: false, error: tooManyRecords(total, FILE_LIMITS.maxRecords) };
  if (file.map === undefined) return { ok: false, error: damaged('it has no map record') };

  const records: SyncedRecord[] = [];
  const map = readRecord(MAP_SPEC, { raw: file.map }, 'the map record', [], log);
  if (typeof map === 'string') return { ok: false, error: damaged(map) };
  records.push(map);
  for (const { spec, listed, groupBy } of lists) {
    for (let at = 0; at < listed.length; at++) {
      const record = readRecord(spec, listed[at] as Listed, `${spec.noun} ${at + 1}`, groupBy, log);
      if (typeof record === 'string') return { ok: false, error: damaged(record) };
      records.push(record);
    }
  }
  return { ok: true, records };
};

/**
 * The records a collection lists, or what is wrong with the list. A grouped collection (notes,
 * grouped by place) is flattened, each record taking its group's fields; its records are
 * numbered across the groups, as the user counts them.
 */
const listedIn = (collection: Collection, value: unknown): readonly Listed[] | string => {
  const { key, spec } = collection;
  if (value === undefined) return [];
  if (!Array.isArray(value)) return `its list of ${spec.noun}s is not a list`;
  const groupBy = groupByOf(collection);
  if (groupBy.length === 0) return value.map((raw): Listed => ({ raw }));
  const listed: Listed[] = [];
  for (let index = 0; index < value.length; index++) {
    const group: unknown = value[index];
    if (!isJsonObject(group)) return `group ${index + 1} of its ${spec.noun}s is not a group`;
    const members = group[key];
    if (!Array.isArray(members))
      return `group ${index + 1} of its ${spec.noun}s holds no list of ${spec.noun}s`;
    const shared: Record<string, unknown> = {};
    let groupHasUnknown = false;
    for (const field of Object.keys(group)) {
      if (groupBy.includes(field)) shared[field] = group[field];
      else if (field !== key) groupHasUnknown = true;
    }
    for (const raw of members) {
      listed.push({ raw, shared, groupHasUnknown });
      if (listed.length > FILE_LIMITS.maxRecords) return listed;
    }
  }
  return listed;
};

/** The valid, repaired record, or what is wrong with it ("note 3 has an invalid width"). */
const readRecord = <R extends SyncedRecord>(
  spec: RecordSpec<R>,
  { raw, shared, groupHasUnknown = false }: Listed,
  label: string,
  groupBy: readonly string[],
  log: RepairLog,
): R | string => {
  if (!isJsonObject(raw)) return `${label} is not a record`;
  const shape = spec.schema.shape;
  const candidate: Record<string, unknown> = { type: spec.type };
  let unknownFields = groupHasUnknown;
  for (const key of Object.keys(raw)) {
    if (key !== 'type' && Object.hasOwn(shape, key) && !groupBy.includes(key)) candidate[key] = raw[key];
    else unknownFields = true;
  }
  if (shared) for (const key of Object.keys(shared)) candidate[key] = shared[key];
  if (unknownFields) log.ignoredFields(spec.noun);

  const repaired = new Set<string>();
  for (const [field, repair] of Object.entries(spec.repairs)) {
    const fixed = repair.fix(candidate[field]);
    if (!fixed) continue;
    if (fixed.value === undefined) delete candidate[field];
    else candidate[field] = fixed.value;
    if (repaired.has(repair.kind)) continue;
    repaired.add(repair.kind);
    log.add(`${repair.kind}:${spec.noun}`, (count) => repair.sentence(count, spec.noun));
  }

  const result = spec.validate(candidate);
  if (result.success) return result.data;
  const field = String(result.error.issues[0]?.path[0] ?? '');
  const words = spec.fieldWords[field] ?? 'value';
  return candidate[field] === undefined ? `${label} has no ${words}` : `${label} has an invalid ${words}`;
};
