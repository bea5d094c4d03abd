import type { JourneyDocument } from './document.ts';
import type { JourneyRecord, RecordType } from './records.ts';

export type RecordOfType<T extends RecordType> = Extract<JourneyRecord, { readonly type: T }>;

type Index = ReadonlyMap<RecordType, readonly JourneyRecord[]>;

/** Indexes of frozen records objects; a frozen object never changes, so its index stays true. */
const indexes = new WeakMap<object, Index>();

const indexOf = (records: JourneyDocument['records']): Index => {
  const known = indexes.get(records);
  if (known) return known;
  const index = new Map<RecordType, JourneyRecord[]>();
  for (const record of Object.values(records)) {
    const ofType = index.get(record.type);
    if (ofType) ofType.push(record);
    else index.set(record.type, [record]);
  }
  if (Object.isFrozen(records)) indexes.set(records, index);
  return index;
};

const NONE: readonly JourneyRecord[] = [];

/**
 * A document's records of one type, deleted ones included, in no particular order. One edit's
 * render asks for the stages, lanes, scenarios, personas, votes and notes of the map many
 * times over; the records are split by type in one pass and the split is kept for as long as
 * the records object lives, so each query walks its own type, not every record of a 5,000-note
 * map. Only a frozen records object is kept (the board's documents are: immer freezes what it
 * produces): a draft in the middle of an edit can still change, so it is split afresh.
 */
export const recordsOfType = <T extends RecordType>(
  doc: JourneyDocument,
  type: T,
): readonly RecordOfType<T>[] => (indexOf(doc.records).get(type) ?? NONE) as readonly RecordOfType<T>[];
