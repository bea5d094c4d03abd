import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserBridge } from '../bridge/browser-bridge.ts';
import { createMemoryBackupStore } from '../bridge/memory-backup-store.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { putDocument } from '../db/library.ts';
import { createTestDb, deleteTestDbs, documentWithNotes } from '../db/testing.ts';
import { toMapFile } from '../files/map-file.ts';
import { recoveredMessage, recoverLostMaps } from './recover-lost-maps.ts';

afterEach(deleteTestDbs);

const memoryBridge = () => createBrowserBridge({ backups: async () => createMemoryBackupStore() });

/** Live notes of a stored map, counted from the rows themselves. */
const storedNoteCount = async (db: JourneywallDb, mapId: string): Promise<number> =>
  db.records
    .where('mapId')
    .equals(mapId)
    .filter((row) => row.type === 'note' && !row.isDeleted)
    .count();

describe('recovering maps the library lost', () => {
  it('brings back every map the storage lost, newest first, and says which', async () => {
    const db = createTestDb();
    const bridge = memoryBridge();
    const older = documentWithNotes('Onboarding', 12);
    const newer = documentWithNotes('Checkout', 30);
    const [olderFile, newerFile] = [toMapFile(older), toMapFile(newer)];
    // Written a minute apart, as the backups of two workshops would be.
    vi.spyOn(Date, 'now').mockReturnValueOnce(1_700_000_000_000).mockReturnValueOnce(1_700_000_060_000);
    await bridge.writeBackup({ mapId: older.id, name: 'Onboarding', content: olderFile });
    await bridge.writeBackup({ mapId: newer.id, name: 'Checkout', content: newerFile });
    vi.restoreAllMocks();

    const recovered = await recoverLostMaps(db, bridge, new Set());

    expect(recovered).toEqual([
      { mapId: newer.id, name: 'Checkout' },
      { mapId: older.id, name: 'Onboarding' },
    ]);
    expect(await storedNoteCount(db, newer.id)).toBe(30);
    expect(await db.maps.get(older.id)).toMatchObject({ name: 'Onboarding', noteCount: 12, deletedAt: null });
    expect(recoveredMessage(recovered)).toBe(
      "This computer's storage had lost 2 maps, so they were brought back from their backups: “Checkout”, “Onboarding”.",
    );
  });

  it('repairs a map whose library row survived but whose records are gone', async () => {
    const db = createTestDb();
    const bridge = memoryBridge();
    const doc = documentWithNotes('Half gone', 11);
    await putDocument(db, doc);
    await bridge.writeBackup({ mapId: doc.id, name: 'Half gone', content: toMapFile(doc) });
    await db.records.where('mapId').equals(doc.id).delete();

    expect(await recoverLostMaps(db, bridge, new Set())).toEqual([{ mapId: doc.id, name: 'Half gone' }]);
    expect(await storedNoteCount(db, doc.id)).toBe(11);
    expect(await db.maps.get(doc.id)).toMatchObject({ noteCount: 11 });
  });

  it('leaves stored maps, maps deleted for good and unreadable backups alone', async () => {
    const db = createTestDb();
    const bridge = memoryBridge();
    const kept = documentWithNotes('Still here', 2);
    await putDocument(db, kept);
    await bridge.writeBackup({ mapId: kept.id, name: 'Still here', content: toMapFile(kept) });
    const purged = documentWithNotes('Deleted for good', 2);
    await bridge.writeBackup({ mapId: purged.id, name: 'Deleted for good', content: toMapFile(purged) });
    const damaged = documentWithNotes('Damaged', 2);
    await bridge.writeBackup({ mapId: damaged.id, name: 'Damaged', content: '{"not": "a map"' });
    const keptRevision = (await db.maps.get(kept.id))?.revision;

    expect(await recoverLostMaps(db, bridge, new Set([purged.id]))).toEqual([]);
    expect(await db.maps.get(purged.id)).toBeUndefined();
    expect(await db.maps.get(damaged.id)).toBeUndefined();
    expect((await db.maps.get(kept.id))?.revision).toBe(keptRevision);
  });

  it('names one map in the singular and long lists briefly', () => {
    expect(recoveredMessage([{ mapId: 'a', name: 'Toner' }])).toBe(
      "This computer's storage had lost a map, so it was brought back from its backup: “Toner”.",
    );
    const five = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ mapId: name, name }));
    expect(recoveredMessage(five)).toContain('“A”, “B”, “C” and 2 more.');
  });
});
