import { z } from 'zod';
import type { SyncedDocument, SyncedRecord } from './document.ts';
import { CURRENT_FORMAT_VERSION, FILE_TYPE } from './envelope.ts';
import { COLLECTIONS, MAP_SPEC } from './records/registry.ts';
import { marksBeforeCurrent } from './sync-marks.ts';

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
 * a plain note's kind...), and the current state in `synced`.
 */
export const serialize = (doc: SyncedDocument, info: SaveInfo): string => {
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
  const records = Object.values(doc.records).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { key, spec } of COLLECTIONS) {
    const encoded = records
      .filter((record) => record.type === spec.type)
      .map((record) => encodeRecord(record, spec.schema));
    lines[lines.length - 1] += ',';
    lines.push(
      encoded.length === 0 ? `  "${key}": []` : `  "${key}": [\n    ${encoded.join(',\n    ')}\n  ]`,
    );
  }
  lines.push('}', '');
  return lines.join('\n');
};

const encodeRecord = (record: SyncedRecord, schema: z.ZodObject): string => {
  const fields: Record<string, unknown> = {};
  const source: ReadonlyMap<string, unknown> = new Map(Object.entries(record));
  for (const { key, field, fallback } of planOf(schema)) {
    const value = key === 'synced' ? marksBeforeCurrent(record) : source.get(key);
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
 * map-like object's (emotion scores by stage) sorted, so equal values are written alike.
 */
const canonical = (schema: z.core.$ZodType, value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const inner = core(schema);
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
