import type { JourneyDocument } from '../../model/document.ts';
import type { NoteRecord } from '../../model/records.ts';

/**
 * Which current note an ideal note is a version of. A copied note names its original in
 * `origin`; following origins through any scenario (an ideal copied from a copy of current,
 * an intermediate scenario since deleted) reaches the current note. A chain that ends at a
 * deleted current note, or nowhere, means the ideal note has no counterpart: it was added.
 */
export const counterpartIn = (
  doc: JourneyDocument,
  note: NoteRecord,
  scenarioId: string,
): NoteRecord | null => {
  const seen = new Set<string>([note.id]);
  let origin = note.origin;
  while (origin !== null && !seen.has(origin)) {
    seen.add(origin);
    const record = Object.hasOwn(doc.records, origin) ? doc.records[origin] : undefined;
    if (record?.type !== 'note') return null;
    if (record.scenarioId === scenarioId) return record.isDeleted ? null : record;
    origin = record.origin;
  }
  return null;
};
