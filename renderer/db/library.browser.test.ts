import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoredMapReader } from '../../shared/format/read-stored.ts';
import { liveNotesByZ, mapRecordOf, scenariosOf } from '../../shared/model/document.ts';
import { addNote, deleteRecords, type MutableDocument, newMapDocument } from '../../shared/model/edits.ts';
import { JourneywallDb } from './journeywall-db.ts';
import {
  createMap,
  deleteMap,
  duplicateMap,
  listMaps,
  listTrash,
  loadMap,
  purgeMap,
  putDocument,
  renameMap,
  restoreMap,
  UNTITLED_MAP,
} from './library.ts';
import { SCHEMA_VERSIONS } from './schema-versions.ts';
import { createTestDb, deleteTestDbs, documentWithNotes } from './testing.ts';

afterEach(deleteTestDbs);

const names = async (db: JourneywallDb) => (await listMaps(db)).map((map) => map.name);

describe('the library', () => {
  it('lists created maps newest first, with an empty map for each', async () => {
    const db = createTestDb();
    const first = await createMap(db, 'Onboarding', 1_000);
    await createMap(db, 'Checkout', 3_000);
    await createMap(db, '  Support call  ', 2_000);

    expect(await names(db)).toEqual(['Checkout', 'Support call', 'Onboarding']);
    const [newest] = await listMaps(db);
    expect(newest).toMatchObject({
      name: 'Checkout',
      created: 3_000,
      updated: 3_000,
      noteCount: 0,
      deletedAt: null,
    });
    const loaded = await loadMap(db, first);
    expect(loaded?.viewport).toBeNull();
    expect(loaded && mapRecordOf(loaded.doc)).toMatchObject({ id: first, name: 'Onboarding', version: 1 });
  });

  it('names a map created without a name', async () => {
    const db = createTestDb();
    await createMap(db, '   ');
    expect(await names(db)).toEqual([UNTITLED_MAP]);
  });

  it('renames a map through its record, bumping the version', async () => {
    const db = createTestDb();
    const id = await createMap(db, 'Draft', 1_000);
    await renameMap(db, id, ' Hotel check-in ', 5_000);

    const map = mapRecordOf((await loadMap(db, id))?.doc ?? { id, records: {} });
    expect(map).toMatchObject({ name: 'Hotel check-in', version: 2, updated: 5_000 });
    expect(await listMaps(db)).toMatchObject([{ id, name: 'Hotel check-in', updated: 5_000 }]);

    await renameMap(db, id, '   ', 6_000);
    expect(await names(db)).toEqual(['Hotel check-in']);
  });

  it('duplicates a map with new ids, its live notes and its viewport, leaving the original as it was', async () => {
    const db = createTestDb();
    const original = documentWithNotes('Checkout', 3, 1_000);
    const draft: MutableDocument = { id: original.id, records: { ...original.records } };
    const removed = addNote(draft, { x: 0, y: 0, text: 'Removed' }, 1_000);
    deleteRecords(draft, [removed.id]);
    await putDocument(db, draft, { x: -40, y: 25, scale: 0.5 });

    const copiedAt = Date.now() + 1_000;
    const copyId = await duplicateMap(db, original.id, copiedAt);
    expect(copyId).not.toBeNull();
    expect(copyId).not.toBe(original.id);
    const copy = await loadMap(db, copyId ?? '');
    if (!copy) throw new Error('the copy was not stored');

    expect(mapRecordOf(copy.doc)).toMatchObject({ name: 'Checkout (copy)', created: copiedAt, version: 1 });
    const texts = liveNotesByZ(copy.doc).map((note) => note.text);
    expect(texts).toEqual(['Note 0', 'Note 1', 'Note 2']);
    // The map, its two scenarios and three live notes; the deleted note stays behind.
    expect(Object.keys(copy.doc.records)).toHaveLength(6);
    for (const id of Object.keys(copy.doc.records)) expect(original.records[id]).toBeUndefined();
    const copiedScenarios = new Set(scenariosOf(copy.doc).map((scenario) => scenario.id));
    for (const note of liveNotesByZ(copy.doc)) expect(copiedScenarios.has(note.scenarioId)).toBe(true);
    expect(copy.viewport).toEqual({ x: -40, y: 25, scale: 0.5 });
    expect((await loadMap(db, original.id))?.doc).toEqual(draft);
    expect(await names(db)).toEqual(['Checkout (copy)', 'Checkout']);
  });

  it('moves a deleted map to the trash and restores it', async () => {
    const db = createTestDb();
    const kept = await createMap(db, 'Kept', 1_000);
    const deleted = await createMap(db, 'Deleted', 2_000);

    await deleteMap(db, deleted, 7_000);
    expect(await names(db)).toEqual(['Kept']);
    expect(await listTrash(db)).toMatchObject([{ id: deleted, name: 'Deleted', deletedAt: 7_000 }]);
    expect(await loadMap(db, deleted)).not.toBeNull();

    await restoreMap(db, deleted);
    expect(await names(db)).toEqual(['Deleted', 'Kept']);
    expect(await listTrash(db)).toEqual([]);
    expect(await loadMap(db, kept)).not.toBeNull();
  });

  it('purges a map and everything stored for it, and nothing else', async () => {
    const db = createTestDb();
    const doomed = documentWithNotes('Doomed', 20);
    const other = documentWithNotes('Other', 5);
    await putDocument(db, doomed, { x: 1, y: 2, scale: 1 });
    await putDocument(db, other, { x: 3, y: 4, scale: 2 });

    await deleteMap(db, doomed.id);
    await purgeMap(db, doomed.id);

    expect(await loadMap(db, doomed.id)).toBeNull();
    expect(await db.records.where('mapId').equals(doomed.id).count()).toBe(0);
    expect(await db.viewports.get(doomed.id)).toBeUndefined();
    expect(await listTrash(db)).toEqual([]);
    expect(await loadMap(db, other.id)).toMatchObject({ doc: other, viewport: { x: 3, y: 4, scale: 2 } });
  });

  it('gives back exactly the stored document from a new connection', async () => {
    const db = createTestDb();
    const doc = documentWithNotes('Big workshop', 500);
    await putDocument(db, doc, { x: 12.5, y: -300, scale: 0.25 });
    db.close();

    const reopened = createTestDb(db.name);
    expect(await loadMap(reopened, doc.id)).toEqual({
      doc,
      viewport: { x: 12.5, y: -300, scale: 0.25 },
      draft: null,
      revision: 1,
      repairs: [],
    });
    expect(await listMaps(reopened)).toMatchObject([{ id: doc.id, name: 'Big workshop', noteCount: 500 }]);
  });

  it('reads stored rows like a file: a damaged row is repaired or left out, and said so', async () => {
    const db = createTestDb();
    const doc = documentWithNotes('Damaged rows', 3);
    await putDocument(db, doc);
    const [first, second] = liveNotesByZ(doc);
    if (!first || !second) throw new Error('no notes');
    // A colour this version does not know (repairable), and a note with no text at all (not).
    await db.records.update([doc.id, first.id], { color: 'ultraviolet' } as never);
    await db.records.update([doc.id, second.id], { text: 42 } as never);

    const loaded = await loadMap(db, doc.id);
    const notes = loaded ? liveNotesByZ(loaded.doc) : [];
    expect(notes.map((note) => note.text)).toEqual(['Note 0', 'Note 2']);
    expect(notes[0]?.color).toBe('yellow');
    expect(loaded?.repairs?.length).toBeGreaterThan(0);
  });

  it('knows no map it was never given', async () => {
    const db = createTestDb();
    expect(await loadMap(db, 'missing')).toBeNull();
    expect(await duplicateMap(db, 'missing')).toBeNull();
  });
});

describe('the schema', () => {
  it('numbers its versions 1, 2, 3... without gaps and opens at the newest', async () => {
    expect(SCHEMA_VERSIONS.map((entry) => entry.version)).toEqual(
      SCHEMA_VERSIONS.map((_, index) => index + 1),
    );
    const db = createTestDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'drafts',
      'fileLinks',
      'maps',
      'records',
      'session',
      'viewports',
    ]);
  });

  it('upgrades a version 1 library in place, keeping every map', async () => {
    const name = `journeywall-test-${crypto.randomUUID()}`;
    const first = SCHEMA_VERSIONS[0];
    if (!first) throw new Error('no schema');
    const old = new Dexie(name);
    old.version(1).stores(first.stores);
    const doc = newMapDocument('Made before file links existed');
    await old.table('maps').put({
      id: doc.id,
      name: 'Made before file links existed',
      created: 1,
      updated: 1,
      noteCount: 0,
      deletedAt: null,
    });
    await old.table('records').put({ ...doc.records[doc.id], mapId: doc.id });
    old.close();

    const db = createTestDb(name);
    expect((await listMaps(db)).map((map) => map.name)).toEqual(['Made before file links existed']);
    expect(await db.fileLinks.count()).toBe(0);
    expect(db.verno).toBe(SCHEMA_VERSIONS.length);
  });

  it('upgrades maps stored before journey structure: Current and Ideal scenarios, notes in Current', async () => {
    const name = `journeywall-test-${crypto.randomUUID()}`;
    const [first, second] = SCHEMA_VERSIONS;
    if (!first || !second) throw new Error('no schema');
    const old = new Dexie(name);
    old.version(1).stores(first.stores);
    old.version(2).stores(second.stores);
    const mapId = 'old-map-0000000000001';
    await old
      .table('maps')
      .put({ id: mapId, name: 'Old', created: 5, updated: 5, noteCount: 1, deletedAt: null });
    await old.table('records').bulkPut([
      {
        mapId,
        id: mapId,
        type: 'map',
        name: 'Old',
        created: 5,
        version: 3,
        versionNonce: 9,
        updated: 5,
        isDeleted: false,
      },
      {
        mapId,
        id: 'note-1',
        type: 'note',
        x: 1,
        y: 2,
        w: 180,
        h: 120,
        text: 'Kept',
        color: 'blue',
        z: 1,
        version: 2,
        versionNonce: 4,
        updated: 5,
        isDeleted: false,
      },
    ]);
    old.close();

    const db = createTestDb(name);
    const loaded = await loadMap(db, mapId);
    if (!loaded) throw new Error('map lost in the upgrade');
    expect(scenariosOf(loaded.doc).map((scenario) => [scenario.id, scenario.name])).toEqual([
      [`current-${mapId}`, 'Current'],
      [`ideal-${mapId}`, 'Ideal'],
    ]);
    expect(loaded.doc.records['note-1']).toMatchObject({
      text: 'Kept',
      kind: 'note',
      scenarioId: `current-${mapId}`,
      stageId: null,
      version: 2,
    });
    expect(mapRecordOf(loaded.doc)).toMatchObject({
      version: 3,
      showCategories: false,
      activePersonaId: null,
    });
  });

  it('a map of 10,000 notes is written and read back whole, in slices with the window running between', async () => {
    const db = createTestDb();
    const doc = documentWithNotes('Big', 10_000);
    const writes = vi.spyOn(db.records, 'bulkPut');
    await putDocument(db, doc);
    expect(writes.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(writes.mock.calls.flatMap(([rows]) => rows)).toHaveLength(Object.keys(doc.records).length);

    const events: string[] = [];
    const addRows = StoredMapReader.prototype.add;
    const reads = vi.spyOn(StoredMapReader.prototype, 'add').mockImplementation(function (
      this: StoredMapReader,
      rows,
    ) {
      events.push('slice');
      return addRows.call(this, rows);
    });
    const timer = setInterval(() => events.push('tick'), 0);
    const loaded = await loadMap(db, doc.id);
    clearInterval(timer);
    reads.mockRestore();
    expect(loaded?.doc).toEqual(doc);
    const slices = events.flatMap((event, index) => (event === 'slice' ? [index] : []));
    expect(slices.length).toBeGreaterThanOrEqual(10);
    // The window ran (a timer fired) while the rows were being checked, not only after.
    expect(events.slice(slices[0], slices.at(-1)).includes('tick')).toBe(true);
  });

  it('uses the name "journeywall" by default', () => {
    expect(new JourneywallDb().name).toBe('journeywall');
  });
});
