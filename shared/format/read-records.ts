import type { SyncedRecord } from './document.ts';
import { FILE_LIMITS } from './limits.ts';
import { damaged, type ParseError, tooManyRecords } from './messages.ts';
import { isJsonObject, type JsonObject } from './migrations/migration.ts';
import { COLLECTIONS, MAP_SPEC, type RecordSpec } from './records/registry.ts';
import type { RepairLog } from './repair-log.ts';

export type ReadRecords =
  | { readonly ok: true; readonly records: readonly SyncedRecord[] }
  | { readonly ok: false; readonly error: ParseError };

/**
 * Validates the map record and every record of every collection of a current-format file,
 * repairing what can be repaired. The map record comes first in the result.
 */
export const readRecords = (file: JsonObject, log: RepairLog): ReadRecords => {
  const lists: [RecordSpec<SyncedRecord>, readonly unknown[]][] = [];
  let total = 1;
  for (const { key, spec } of COLLECTIONS) {
    const list = file[key] === undefined ? [] : file[key];
    if (!Array.isArray(list)) return { ok: false, error: damaged(`its list of ${spec.noun}s is not a list`) };
    lists.push([spec, list]);
    total += list.length;
  }
  if (total > FILE_LIMITS.maxRecords)
    return { ok: false, error: tooManyRecords(total, FILE_LIMITS.maxRecords) };
  if (file.map === undefined) return { ok: false, error: damaged('it has no map record') };

  const records: SyncedRecord[] = [];
  const map = readRecord(MAP_SPEC, file.map, 'the map record', log);
  if (typeof map === 'string') return { ok: false, error: damaged(map) };
  records.push(map);
  for (const [spec, list] of lists) {
    for (let index = 0; index < list.length; index++) {
      const record = readRecord(spec, list[index], `${spec.noun} ${index + 1}`, log);
      if (typeof record === 'string') return { ok: false, error: damaged(record) };
      records.push(record);
    }
  }
  return { ok: true, records };
};

/** The valid, repaired record, or what is wrong with it ("note 3 has an invalid width"). */
const readRecord = <R extends SyncedRecord>(
  spec: RecordSpec<R>,
  raw: unknown,
  label: string,
  log: RepairLog,
): R | string => {
  if (!isJsonObject(raw)) return `${label} is not a record`;
  const shape = spec.schema.shape;
  const candidate: Record<string, unknown> = { type: spec.type };
  let unknownFields = false;
  for (const key of Object.keys(raw)) {
    if (key !== 'type' && Object.hasOwn(shape, key)) candidate[key] = raw[key];
    else unknownFields = true;
  }
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
