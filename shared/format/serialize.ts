import type { SyncedDocument, SyncedRecord } from './document.ts';
import { CURRENT_FORMAT_VERSION, FILE_TYPE } from './envelope.ts';
import { COLLECTIONS, MAP_SPEC, type RecordSpec } from './records/registry.ts';
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
 * (its array says it), `isDeleted: false`, and the current state in `synced`.
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
    `  "map": ${encodeRecord(map, MAP_SPEC)}`,
  ];
  const records = Object.values(doc.records).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { key, spec } of COLLECTIONS) {
    const encoded = records
      .filter((record) => record.type === spec.type)
      .map((record) => encodeRecord(record, spec));
    lines[lines.length - 1] += ',';
    lines.push(
      encoded.length === 0 ? `  "${key}": []` : `  "${key}": [\n    ${encoded.join(',\n    ')}\n  ]`,
    );
  }
  lines.push('}', '');
  return lines.join('\n');
};

const encodeRecord = (record: SyncedRecord, spec: RecordSpec<SyncedRecord>): string => {
  const fields: Record<string, unknown> = {};
  const source: ReadonlyMap<string, unknown> = new Map(Object.entries(record));
  for (const key of Object.keys(spec.schema.shape)) {
    if (key === 'type') continue;
    const value = key === 'synced' ? marksBeforeCurrent(record) : source.get(key);
    if (value === undefined || (key === 'isDeleted' && value === false)) continue;
    if (key === 'synced' && Array.isArray(value) && value.length === 0) continue;
    fields[key] = value;
  }
  return JSON.stringify(fields);
};
