/**
 * Maps for the format and merge tests (not used by the app): realistic ones built through the
 * model's edits, and fast-check arbitraries covering every valid value of every field.
 */
import fc from 'fast-check';
import { newMapDocument } from '../../model/edits.ts';
import { newId } from '../../model/ids.ts';
import {
  NOTE_COLORS,
  NOTE_MAX_SIZE,
  NOTE_MIN_SIZE,
  NOTE_SIZE,
  type NoteRecord,
} from '../../model/records.ts';
import { freshBookkeeping, updateRecord } from '../../model/update.ts';
import type { SyncedDocument, SyncedRecord } from '../document.ts';
import { FILE_LIMITS, ID_PATTERN } from '../limits.ts';
import type { SyncedMapRecord } from '../records/map.ts';
import type { SyncedNoteRecord } from '../records/note.ts';
import { MAX_SYNC_MARKS, type SyncMark } from '../sync-marks.ts';

const WORDS = (
  'customer cannot find the login button checkout asks for the card twice delivery date unclear ' +
  'support call waits twenty minutes app crashes on upload invoice arrives late password reset ' +
  'email lands in spam onboarding feels long loves the live chat price shown without tax ' +
  'confused by plans happy with speed wants a receipt by mail store staff friendly parking hard'
).split(' ');

/** A small deterministic random source, so realistic maps are the same on every run. */
const seeded = (seed: number) => {
  let state = seed >>> 0 || 1;
  return (n: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
};

/**
 * A map as a workshop leaves it: notes of 3 to 12 words in rows of stages, a third of them
 * edited again, a few moved at a zoom that leaves fractions, every colour in use.
 */
export const realisticMap = (noteCount: number, seed = 1): SyncedDocument => {
  const random = seeded(seed);
  const start = 1_718_000_000_000;
  const base = newMapDocument('Checkout journey, workshop 12 March', start, 'map-checkout');
  const records: Record<string, SyncedRecord> = { ...base.records };
  for (let i = 0; i < noteCount; i++) {
    const words = Array.from({ length: 3 + random(10) }, () => WORDS[random(WORDS.length)]).join(' ');
    const text = words.charAt(0).toUpperCase() + words.slice(1);
    const created = start + i * 1000;
    let note: NoteRecord = {
      ...freshBookkeeping(newId(), created),
      type: 'note',
      x: (i % 60) * (NOTE_SIZE.w + 20),
      y: Math.floor(i / 60) * (NOTE_SIZE.h + 20),
      w: NOTE_SIZE.w,
      h: NOTE_SIZE.h,
      text,
      color: NOTE_COLORS[random(NOTE_COLORS.length)] ?? 'yellow',
      z: i + 1,
    };
    if (random(3) === 0)
      note = updateRecord(note, { text: `${text}!`, x: note.x + random(400) / 8 }, created + 500);
    records[note.id] = note;
  }
  return { id: base.id, records };
};

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split('');

export const arbitraryId = fc
  .string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 24 })
  .filter((id) => ID_PATTERN.test(id));

const finite = (min: number, max: number) =>
  fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((value) => (Object.is(value, -0) ? 0 : value));

/** Text of any UTF-16 content, lone surrogates included. */
const anyText = (maxLength: number) =>
  fc.oneof(fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 40) }), fc.string({ maxLength }));

const arbitraryBookkeeping = fc
  .record({
    version: fc.integer({ min: 1, max: 1_000_000 }),
    versionNonce: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    updated: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    isDeleted: fc.oneof(
      { arbitrary: fc.constant(false), weight: 3 },
      { arbitrary: fc.constant(true), weight: 1 },
    ),
    history: fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: MAX_SYNC_MARKS }),
  })
  .map(({ history, ...bookkeeping }) => {
    const marks: SyncMark[] = history
      .map((nonce, index): SyncMark => [Math.max(1, bookkeeping.version - history.length + index), nonce])
      .filter((mark) => mark[0] < bookkeeping.version);
    return marks.length > 0 ? { ...bookkeeping, synced: marks } : bookkeeping;
  });

const arbitraryNote = (id: string) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping,
      color: fc.constantFrom(...NOTE_COLORS),
      x: finite(-FILE_LIMITS.maxCoordinate, FILE_LIMITS.maxCoordinate),
      y: finite(-FILE_LIMITS.maxCoordinate, FILE_LIMITS.maxCoordinate),
      w: finite(NOTE_MIN_SIZE.w, NOTE_MAX_SIZE.w),
      h: finite(NOTE_MIN_SIZE.h, NOTE_MAX_SIZE.h),
      z: finite(-1e12, 1e12),
      text: anyText(300),
      conflictOf: fc.option(arbitraryId, { nil: undefined }),
    })
    .map(
      ({ bookkeeping, conflictOf, ...note }): SyncedNoteRecord => ({
        id,
        type: 'note',
        ...note,
        ...bookkeeping,
        ...(conflictOf === undefined ? {} : { conflictOf }),
      }),
    );

const arbitraryMapRecord = (id: string) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping,
      name: anyText(FILE_LIMITS.maxNameLength),
      created: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    })
    .map(
      ({ bookkeeping, name, created }): SyncedMapRecord => ({
        id,
        type: 'map',
        name,
        created,
        ...bookkeeping,
        isDeleted: false,
      }),
    );

/** Any valid document: every field anywhere in its allowed range. */
export const arbitraryDocument = (maxNotes = 8): fc.Arbitrary<SyncedDocument> =>
  fc
    .uniqueArray(arbitraryId, { minLength: 1, maxLength: maxNotes + 1 })
    .chain(([mapId = 'map', ...noteIds]) =>
      fc.tuple(arbitraryMapRecord(mapId), fc.tuple(...noteIds.map((id) => arbitraryNote(id)))),
    )
    .map(([map, notes]) => {
      const records: Record<string, SyncedRecord> = { [map.id]: map };
      for (const note of notes) records[note.id] = note;
      return { id: map.id, records };
    });
