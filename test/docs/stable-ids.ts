import type { JourneyDocument } from '../../shared/model/document.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';

/**
 * The document with readable ids in place of random ones (`<prefix>-<type>-<n>`, numbered in the
 * order the records were made), every reference renamed with them, and version nonces of 0 (as in
 * the records a migration makes): the same map then always gives the same file.
 */
export const withStableIds = (doc: JourneyDocument, prefix: string): JourneyDocument => {
  const records = Object.values(doc.records);
  const renames = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.type, (counts.get(record.type) ?? 0) + 1);
  const numbered = new Map<string, number>();
  for (const record of records) {
    const n = (numbered.get(record.type) ?? 0) + 1;
    numbered.set(record.type, n);
    // Zero-padded, so the file (sorted by id) lists the records of each type in that order.
    const digits = String(counts.get(record.type)).length;
    renames.set(record.id, `${prefix}-${record.type}-${String(n).padStart(digits, '0')}`);
  }
  // References are ids in fields and keys (a scenario's emotions by stage), whatever the record type.
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return renames.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [renames.get(key) ?? key, rename(inner)]),
      );
    return value;
  };
  const renamed = records.map((record) => ({ ...(rename(record) as JourneyRecord), versionNonce: 0 }));
  return {
    id: renames.get(doc.id) ?? doc.id,
    records: Object.fromEntries(renamed.map((record) => [record.id, record])),
  };
};
