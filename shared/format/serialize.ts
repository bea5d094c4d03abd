import { z } from 'zod';
import type { JourneyDocument } from '../model/document.ts';
import type { JourneyRecord } from '../model/records.ts';
import { CURRENT_FORMAT_VERSION, FILE_TYPE } from './envelope.ts';
import { COLLECTIONS, type Collection, groupByOf, groupSchemasOf, MAP_SPEC } from './records/registry.ts';
import { marksBeforeCurrent, type SyncMark } from './sync-marks.ts';

export interface SaveInfo {
  /** The version of Journeywall writing the file. */
  readonly appVersion: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

/**
 * The .cxmap text of a document: UTF-8 JSON with one record per line, records sorted by id and
 * fields in a fixed order, so the same document always gives the same text and `git diff`
 * shows one line per changed record. What the format implies is left out: a record's type
 * (its array says it), a field equal to the default its schema gives it (`isDeleted: false`,
 * a plain note's kind...), the current state in `synced`, and a note's place (its scenario,
 * stage and lane), written once for each group of notes sharing it.
 */
export const serialize = (doc: JourneyDocument, info: SaveInfo): string => {
  const map = doc.records[doc.id];
  if (map?.type !== 'map') throw new Error(`document ${doc.id} has no map record`);
  const lines = [
    '{',
    `  "type": ${JSON.stringify(FILE_TYPE)},`,
    `  "formatVersion": ${CURRENT_FORMAT_VERSION},`,
    `  "app": ${JSON.stringify({ name: 'Journeywall', version: info.appVersion })},`,
    `  "savedAt": ${JSON.stringify(info.savedAt)},`,
    `  "map": ${encodeRecord(map, MAP_SPEC.schema)}`,
  ];
  const records = Object.values(doc.records).sort((a, b) => compareIds(a.id, b.id));
  for (const collection of COLLECTIONS) {
    const ofType = records.filter((record) => record.type === collection.spec.type);
    const encoded =
      groupByOf(collection).length === 0
        ? ofType.map((record) => encodeRecord(record, collection.spec.schema))
        : encodeGroups(collection, ofType);
    lines[lines.length - 1] += ',';
    lines.push(
      encoded.length === 0
        ? `  "${collection.key}": []`
        : `  "${collection.key}": [\n    ${encoded.join(',\n    ')}\n  ]`,
    );
  }
  lines.push('}', '');
  return lines.join('\n');
};

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** null (a note outside the grid) sorts before any id. */
const compareFields = (a: unknown, b: unknown): number =>
  a === b
    ? 0
    : a === null || a === undefined
      ? -1
      : b === null || b === undefined
        ? 1
        : compareIds(String(a), String(b));

/**
 * The groups of a grouped collection (notes by place), sorted by their shared fields, each with
 * its records one per line, sorted by id:
 *     {"scenarioId":"…","stageId":"…","laneId":"…","notes":[
 *       {"id":"…",…},
 *       {"id":"…",…}
 *     ]}
 */
const encodeGroups = (collection: Collection, records: readonly JourneyRecord[]): string[] => {
  const groupBy = groupByOf(collection);
  const { shared, own } = groupSchemasOf(collection);
  const groups = new Map<string, { readonly values: unknown[]; readonly members: string[] }>();
  for (const record of records) {
    const values = groupBy.map((field): unknown => Reflect.get(record, field) ?? null);
    const key = JSON.stringify(values);
    let group = groups.get(key);
    if (!group) {
      group = { values, members: [] };
      groups.set(key, group);
    }
    group.members.push(encodeRecord(record, own));
  }
  return [...groups.values()]
    .sort((a, b) => {
      for (let index = 0; index < groupBy.length; index++) {
        const order = compareFields(a.values[index], b.values[index]);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map(({ values, members }) => {
      const head = encodeFields(
        Object.fromEntries(groupBy.map((field, index) => [field, values[index]])),
        shared,
      );
      const opening = head === '{}' ? '{' : `${head.slice(0, -1)},`;
      return `${opening}${JSON.stringify(collection.key)}:[\n      ${members.join(',\n      ')}\n    ]}`;
    });
};

/**
 * Each record's line, by schema and record. Records are immutable (an edit makes a new object),
 * so a record's line never changes: the rolling backup of a big map then encodes only what was
 * edited since the last one, instead of every record again on the main thread.
 */
const lines = new WeakMap<z.ZodObject, WeakMap<JourneyRecord, string>>();

const encodeRecord = (record: JourneyRecord, schema: z.ZodObject): string => {
  let ofSchema = lines.get(schema);
  if (!ofSchema) {
    ofSchema = new WeakMap();
    lines.set(schema, ofSchema);
  }
  let line = ofSchema.get(record);
  if (line === undefined) {
    line = encodeFields(record, schema, marksBeforeCurrent(record));
    ofSchema.set(record, line);
  }
  return line;
};

/**
 * A record's fields (or a group's) as one line of JSON, in schema order, leaving out fields at
 * their defaults; `synced` is written as `marks`.
 */
const encodeFields = (values: object, schema: z.ZodObject, marks: readonly SyncMark[] = []): string => {
  const fields: Record<string, unknown> = {};
  const source: ReadonlyMap<string, unknown> = new Map(Object.entries(values));
  for (const { key, field, fallback } of planOf(schema)) {
    const value = key === 'synced' ? marks : source.get(key);
    if (value === undefined) continue;
    if (key === 'synced' && Array.isArray(value) && value.length === 0) continue;
    const written = canonical(field, value);
    if (fallback !== NO_DEFAULT && (written === fallback || sameJson(written, fallback))) continue;
    fields[key] = written;
  }
  return JSON.stringify(fields);
};

const NO_DEFAULT: unique symbol = Symbol('no default');

interface FieldPlan {
  readonly key: string;
  readonly field: z.core.$ZodType;
  /** The value the schema gives the field when it is left out, written as the file would. */
  readonly fallback: unknown;
}

const plans = new WeakMap<z.ZodObject, readonly FieldPlan[]>();

/** The fields of a record type in the order they are written, each with its default. */
const planOf = (schema: z.ZodObject): readonly FieldPlan[] => {
  let plan = plans.get(schema);
  if (!plan) {
    plan = Object.entries(schema.shape)
      .filter(([key]) => key !== 'type')
      .map(([key, field]) => ({
        key,
        field,
        fallback: field instanceof z.ZodDefault ? canonical(field, field.def.defaultValue) : NO_DEFAULT,
      }));
    plans.set(schema, plan);
  }
  return plan;
};

const sameJson = (a: unknown, b: unknown): boolean =>
  typeof a === 'object' &&
  typeof b === 'object' &&
  a !== null &&
  b !== null &&
  JSON.stringify(a) === JSON.stringify(b);

/** The schema inside defaults, nullables and optionals: the one describing a present value. */
const core = (schema: z.core.$ZodType): z.core.$ZodType =>
  schema instanceof z.ZodDefault || schema instanceof z.ZodNullable || schema instanceof z.ZodOptional
    ? core(schema.unwrap() as z.core.$ZodType)
    : schema;

/**
 * A value with the keys of its objects in a fixed order: an object's in its schema's order, a
 * map-like object's (emotion scores by stage, a vote's dots by note) sorted, so equal values are
 * written alike; so are the objects in a list.
 */
const canonical = (schema: z.core.$ZodType, value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const inner = core(schema);
  if (Array.isArray(value))
    return inner instanceof z.ZodArray ? value.map((item) => canonical(inner.element, item)) : value;
  const source = value as Readonly<Record<string, unknown>>;
  if (inner instanceof z.ZodObject) {
    return Object.fromEntries(
      Object.entries(inner.shape).flatMap(([key, field]) =>
        Object.hasOwn(source, key) ? [[key, canonical(field, source[key])]] : [],
      ),
    );
  }
  return Object.fromEntries(
    Object.keys(source)
      .sort()
      .map((key) => [key, source[key]]),
  );
};
