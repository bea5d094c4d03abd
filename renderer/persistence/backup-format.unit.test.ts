import { describe, expect, it } from 'vitest';
import { addNote, deleteRecords, type MutableDocument, newMapDocument } from '../../shared/model/edits.ts';
import { BACKUP_FORMAT, parseBackup, serializeBackup } from './backup-format.ts';

const sampleDocument = () => {
  const doc = newMapDocument('Hotel check-in', 1_000);
  const draft: MutableDocument = { id: doc.id, records: { ...doc.records } };
  addNote(draft, { x: 10, y: 20, text: 'Queue at reception\nsecond line', color: 'pink' }, 2_000);
  const gone = addNote(draft, { x: 300, y: 20, text: 'Deleted but kept as a tombstone' }, 2_000);
  deleteRecords(draft, [gone.id]);
  return draft;
};

const envelope = (document: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: BACKUP_FORMAT, version: 1, savedAt: 5, document, ...extra });

describe('the backup format', () => {
  it('gives back exactly the document it was given', () => {
    const doc = sampleDocument();
    const text = serializeBackup(doc, 123_456);
    expect(JSON.parse(text)).toMatchObject({ format: 'journeywall-backup', version: 1, savedAt: 123_456 });
    expect(parseBackup(text)).toEqual({ ok: true, backup: { savedAt: 123_456, document: doc } });
  });

  it.each([
    ['text that is not JSON', 'garbage{'],
    ['JSON of something else', '{"type":"excalidraw","elements":[]}'],
    ['a JSON array', '[1,2,3]'],
    ['an empty file', ''],
  ])('refuses %s as not a backup', (_, text) => {
    expect(parseBackup(text)).toEqual({ ok: false, error: 'This is not a Journeywall backup.' });
  });

  it('refuses input that is not text', () => {
    expect(parseBackup(42)).toEqual({ ok: false, error: 'This is not a Journeywall backup.' });
    expect(parseBackup(null)).toEqual({ ok: false, error: 'This is not a Journeywall backup.' });
  });

  it('refuses a backup from a newer Journeywall instead of dropping what it does not know', () => {
    const text = envelope(sampleDocument(), { version: 2 });
    expect(parseBackup(text)).toEqual({
      ok: false,
      error: 'This backup was made by a newer version of Journeywall. Update Journeywall to restore it.',
    });
  });

  it('names the damaged field', () => {
    const doc = sampleDocument();
    const note = Object.values(doc.records).find((record) => record.type === 'note');
    const damaged = { ...doc, records: { ...doc.records, [note?.id ?? '']: { ...note, x: 'left' } } };
    const result = parseBackup(envelope(damaged));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^This backup is damaged: document\.records\.[\w-]+\.x /);
  });

  it('refuses a document without its map record or with records filed under the wrong id', () => {
    const doc = sampleDocument();
    const withoutMap = {
      id: doc.id,
      records: Object.fromEntries(Object.entries(doc.records).filter(([id]) => id !== doc.id)),
    };
    expect(parseBackup(envelope(withoutMap))).toEqual({
      ok: false,
      error: 'This backup is damaged: it has no map record.',
    });

    const misfiled = { id: doc.id, records: { ...doc.records, other: doc.records[doc.id] } };
    expect(parseBackup(envelope(misfiled))).toEqual({
      ok: false,
      error: 'This backup is damaged: record other is filed under the wrong id.',
    });
  });

  it('refuses a record filed under __proto__', () => {
    const doc = sampleDocument();
    const text = serializeBackup(doc).replace(
      '"records":{',
      `"records":{"__proto__":${JSON.stringify({ ...doc.records[doc.id], id: '__proto__' })},`,
    );
    expect(parseBackup(text)).toEqual({
      ok: false,
      error: 'This backup is damaged: it has a record with a forbidden id.',
    });
  });

  it('refuses a note colour it does not know', () => {
    const doc = sampleDocument();
    const text = serializeBackup(doc).replace('"color":"pink"', '"color":"magenta"');
    const result = parseBackup(text);
    expect(!result.ok && result.error).toMatch(/^This backup is damaged: .*\.color /);
  });
});
