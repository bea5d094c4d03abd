import { afterEach, describe, expect, it } from 'vitest';
import { liveNotesByZ, mapRecordOf } from '../../shared/model/document.ts';
import { createBrowserBridge } from '../bridge/browser-bridge.ts';
import { createMemoryBackupStore } from '../bridge/memory-backup-store.ts';
import { listMaps, loadMap, purgeMap, putDocument, renameMap } from '../db/library.ts';
import { createTestDb, deleteTestDbs, documentWithNotes } from '../db/testing.ts';
import { toMapFile } from './map-file.ts';
import { restoreFromBackup } from './restore-backup.ts';

afterEach(deleteTestDbs);

const memoryBridge = () => createBrowserBridge({ backups: async () => createMemoryBackupStore() });

describe('restoring a map from its file backup', () => {
  it('brings back a map that is gone from the library, under its own id', async () => {
    const db = createTestDb();
    const bridge = memoryBridge();
    const doc = documentWithNotes('Lost when the disk filled up', 40);
    await putDocument(db, doc);
    await bridge.writeBackup({
      mapId: doc.id,
      name: 'Lost when the disk filled up',
      content: toMapFile(doc),
    });
    await purgeMap(db, doc.id);

    expect(await restoreFromBackup(db, bridge, doc.id)).toEqual({ ok: true, mapId: doc.id, asCopy: false });
    const restored = await loadMap(db, doc.id);
    expect(restored && liveNotesByZ(restored.doc)).toEqual(
      liveNotesByZ(doc).map((note) => ({ ...note, synced: [[note.version, note.versionNonce]] })),
    );
    expect(await listMaps(db)).toMatchObject([
      { id: doc.id, name: 'Lost when the disk filled up', noteCount: 40 },
    ]);
  });

  it('restores beside a map still in the library instead of overwriting it', async () => {
    const db = createTestDb();
    const bridge = memoryBridge();
    const backedUp = documentWithNotes('Checkout', 3);
    await bridge.writeBackup({ mapId: backedUp.id, name: 'Checkout', content: toMapFile(backedUp) });
    await putDocument(db, backedUp);
    await renameMap(db, backedUp.id, 'Checkout, edited since the backup');
    const before = await loadMap(db, backedUp.id);

    const result = await restoreFromBackup(db, bridge, backedUp.id);
    if (!result.ok) throw new Error(result.error);
    expect(result.asCopy).toBe(true);
    expect(result.mapId).not.toBe(backedUp.id);
    const restored = await loadMap(db, result.mapId);
    expect(restored && mapRecordOf(restored.doc).name).toBe('Checkout (restored from backup)');
    expect(restored && liveNotesByZ(restored.doc).map((note) => note.text)).toEqual([
      'Note 0',
      'Note 1',
      'Note 2',
    ]);
    expect(await loadMap(db, backedUp.id)).toEqual(before);
    expect((await listMaps(db)).map((map) => map.name).sort()).toEqual([
      'Checkout (restored from backup)',
      'Checkout, edited since the backup',
    ]);
  });

  it('explains a missing or damaged backup and changes nothing', async () => {
    const db = createTestDb();
    const bridge = memoryBridge();
    expect(await restoreFromBackup(db, bridge, 'no-backup')).toEqual({
      ok: false,
      error: 'There is no backup of this map.',
    });

    await bridge.writeBackup({
      mapId: 'damaged',
      name: 'Damaged',
      content: '{"format":"journeywall-backup","ver',
    });
    const damaged = await restoreFromBackup(db, bridge, 'damaged');
    expect(damaged.ok).toBe(false);
    expect(!damaged.ok && damaged.error).toMatch(
      /^The backup cannot be restored\. This map file is damaged: /,
    );
    expect(await listMaps(db)).toEqual([]);

    const failing = { readBackup: async () => Promise.reject(new Error('permission denied')) };
    expect(await restoreFromBackup(db, failing, 'x')).toEqual({
      ok: false,
      error: "Couldn't read the backup: permission denied",
    });
    expect(await listMaps(db)).toEqual([]);
  });
});
