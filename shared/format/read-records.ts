import { FILE_LIMITS } from '../model/limits.ts';
import type { JourneyRecord } from '../model/records.ts';
import { cellKey, LimitTally } from './limit-tally.ts';
import { damaged, type ParseError, tooManyRecords } from './messages.ts';
import { isJsonObject, type JsonObject } from './migrations/migration.ts';
import { COLLECTIONS, type Collection, groupByOf, MAP_SPEC, type RecordSpec } from './records/registry.ts';
import type { FieldRepair } from './records/repairs.ts';
import type { RepairLog } from './repair-log.ts';

export type ReadRecords =
  | { readonly ok: true; readonly records: readonly JourneyRecord[] }
  | { readonly ok: false; readonly error: ParseError };

/** One record as listed in a file, with the fields its group gives it (a note's place). */
interface Listed {
  readonly raw: unknown;
  readonly shared?: JsonObject;
  /** Its group carries fields this version does not know. */
  readonly groupHasUnknown?: boolean;
  /**
   * The record names its own type, as a record stored by the app does; a file leaves the type
   * out, its collection implies it.
   */
  readonly typed?: boolean;
}

/**
 * Validates the map record and every record of every collection of a current-format file,
 * repairing what can be repaired. The map record comes first in the result. Before any record
 * is validated, records are counted (every one, so the message gives the true number), the
 * groups of a grouped collection checked, and live stages, lanes, scenarios, personas and notes
 * per cell counted against their limits: O(records), no record copied.
 */
export const readRecords = (file: JsonObject, log: RepairLog): ReadRecords => {
  let total = 1;
  for (const collection of COLLECTIONS) total += countIn(collection, file[collection.key]);
  if (total > FILE_LIMITS.maxRecords)
    return { ok: false, error: tooManyRecords(total, FILE_LIMITS.maxRecords) };

  const lists: { spec: RecordSpec<JourneyRecord>; listed: readonly Listed[]; groupBy: readonly string[] }[] =
    [];
  const tally = new LimitTally();
  for (const collection of COLLECTIONS) {
    const listed = listedIn(collection, file[collection.key]);
    if (typeof listed === 'string') return { ok: false, error: damaged(listed) };
    lists.push({ spec: collection.spec, listed, groupBy: groupByOf(collection) });
    for (const { raw, shared } of listed) {
      // A value other than true is no tombstone, or is damage validation reports.
      if (!isJsonObject(raw) || raw.isDeleted === true) continue;
      tally.add(collection.spec.type, shared && cellKey(shared.scenarioId, shared.stageId, shared.laneId));
    }
  }
  const passed = tally.error();
  if (passed) return { ok: false, error: passed };
  if (file.map === undefined) return { ok: false, error: damaged('it has no map record') };

  const records: JourneyRecord[] = [];
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

/** How many records a collection lists, reading only array lengths; what is not a list counts 0. */
const countIn = (collection: Collection, value: unknown): number => {
  if (!Array.isArray(value)) return 0;
  if (groupByOf(collection).length === 0) return value.length;
  let count = 0;
  for (const group of value) {
    const members = isJsonObject(group) ? group[collection.key] : undefined;
    if (Array.isArray(members)) count += members.length;
  }
  return count;
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
    for (const raw of members) listed.push({ raw, shared, groupHasUnknown });
  }
  return listed;
};

const SPECS_BY_TYPE: ReadonlyMap<string, RecordSpec<JourneyRecord>> = new Map(
  [MAP_SPEC, ...COLLECTIONS.map((collection) => collection.spec)].map((spec) => [spec.type, spec]),
);

/** The spec of a record type, or undefined for a value that names no type this version knows. */
export const recordSpecOf = (type: unknown): RecordSpec<JourneyRecord> | undefined =>
  typeof type === 'string' ? SPECS_BY_TYPE.get(type) : undefined;

/**
 * One record that names its own type (`type: 'note'`, ...), validated and repaired exactly as a
 * file's record of that type: the valid, repaired record, or what is wrong with it ("the note has
 * no text"). `label` names the record in that reason; by default, "the" and its type.
 */
export const readTypedRecord = (raw: unknown, log: RepairLog, label?: string): JourneyRecord | string => {
  if (!isJsonObject(raw)) return `${label ?? 'the record'} is not a record`;
  const spec = recordSpecOf(raw.type);
  if (!spec) return `${label ?? 'the record'} is of a type this version does not know`;
  return readRecord(spec, { raw, typed: true }, label ?? `the ${spec.noun}`, [], log);
};

/** The valid, repaired record, or what is wrong with it ("note 3 has an invalid width"). */
const readRecord = <R extends JourneyRecord>(
  spec: RecordSpec<R>,
  { raw, shared, groupHasUnknown = false, typed = false }: Listed,
  label: string,
  groupBy: readonly string[],
  log: RepairLog,
): R | string => {
  if (!isJsonObject(raw)) return `${label} is not a record`;
  const shape = spec.schema.shape;
  const candidate: Record<string, unknown> = { type: spec.type };
  let unknownFields = groupHasUnknown;
  for (const key of Object.keys(raw)) {
    if (key === 'type' && typed) continue;
    if (key !== 'type' && Object.hasOwn(shape, key) && !groupBy.includes(key)) candidate[key] = raw[key];
    else unknownFields = true;
  }
  if (shared) for (const key of Object.keys(shared)) candidate[key] = shared[key];

  const repaired = new Map<string, FieldRepair>();
  for (const [field, repair] of Object.entries(spec.repairs)) {
    const fixed = repair.fix(candidate[field]);
    if (!fixed) continue;
    if (fixed.value === undefined) delete candidate[field];
    else candidate[field] = fixed.value;
    repaired.set(repair.kind, repair);
  }

  const result = spec.validate(candidate);
  // Logged only for a record that is read: one left out (from storage) was not repaired.
  if (result.success) {
    if (unknownFields) log.ignoredFields(spec.noun);
    for (const [kind, repair] of repaired)
      log.add(`${kind}:${spec.noun}`, (count) => repair.sentence(count, spec.noun));
    return result.data;
  }
  const field = String(result.error.issues[0]?.path[0] ?? '');
  const words = spec.fieldWords[field] ?? 'value';
  return candidate[field] === undefined ? `${label} has no ${words}` : `${label} has an invalid ${words}`;
};
