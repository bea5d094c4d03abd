import type { JourneyDocument } from '../../model/document.ts';
import type { NoteRecord } from '../../model/records.ts';

/**
 * Which note of `scenarioId` a note of another scenario is a version of. A copied note names
 * its original in `origin`; following origins through any scenario (an ideal copied from a copy
 * of current, an intermediate scenario since deleted) reaches the current note. A chain that
 * ends at a deleted note, at a cycle, or nowhere, means the note has no counterpart: it was added.
 *
 * Every record's answer is remembered, so resolving all the notes of a map is O(records) even
 * when a file chains every note to the one before (a walk per note would be quadratic).
 */
export const counterpartsIn = (
  doc: JourneyDocument,
  scenarioId: string,
): ((note: NoteRecord) => NoteRecord | null) => {
  const known = new Map<string, NoteRecord | null>();
  return (note) => {
    const path: string[] = [];
    const seen = new Set<string>([note.id]);
    let origin = note.origin;
    let found: NoteRecord | null = null;
    while (origin !== null && !seen.has(origin)) {
      const remembered = known.get(origin);
      if (remembered !== undefined) {
        found = remembered;
        break;
      }
      seen.add(origin);
      path.push(origin);
      const record = Object.hasOwn(doc.records, origin) ? doc.records[origin] : undefined;
      if (record?.type !== 'note') break;
      if (record.scenarioId === scenarioId) {
        found = record.isDeleted ? null : record;
        break;
      }
      origin = record.origin;
    }
    for (const id of path) known.set(id, found);
    return found;
  };
};
