import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { addNote } from '../../shared/model/edits.ts';
import { createBrowserBridge } from '../bridge/browser-bridge.ts';
import { createMemoryBackupStore } from '../bridge/memory-backup-store.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { createMap, loadMap } from '../db/library.ts';
import { createTestDb, deleteTestDbs, injectQuotaFault } from '../db/testing.ts';
import { readMapFile } from '../files/map-file.ts';
import { createBoardStore } from '../store/index.ts';
import { REWRITTEN_MESSAGE } from './autosave.ts';
import { openMap } from './open-map.ts';
import { createSaveStatusStore } from './save-status.ts';
import { type Persistence, startPersistence } from './start-persistence.ts';
import { requestPersistentStorage } from './storage-durability.ts';

const running: Persistence[] = [];
afterEach(async () => {
  for (const persistence of running.splice(0)) persistence.stop();
  Reflect.deleteProperty(document, 'visibilityState');
  vi.restoreAllMocks();
  await deleteTestDbs();
});

/** Persistence whose backup would wait a minute on its own, so only a flush explains a backup. */
const start = async (db: JourneywallDb, bridge: JourneywallBridge, mapName = 'Workshop') => {
  const store = createBoardStore();
  const notices: string[] = [];
  const notify = (message: string) => notices.push(message);
  const status = createSaveStatusStore();
  const persistence = startPersistence({
    db,
    store,
    bridge,
    status,
    notify,
    backupDelayMs: 60_000,
  });
  running.push(persistence);
  const mapId = await createMap(db, mapName);
  await openMap(db, store, persistence, mapId);
  const addText = (text: string) =>
    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 0, y: 0, text });
    });
  return { store, status, persistence, mapId, addText, notices };
};

const memoryBridge = () => createBrowserBridge({ backups: async () => createMemoryBackupStore() });

/** Another writer: the map's notes are cut from the stored copy and its library row rewritten. */
const changeElsewhere = async (db: JourneywallDb, mapId: string): Promise<void> => {
  const other = createTestDb(db.name);
  await other.transaction('rw', [other.maps, other.records], async () => {
    const notes = await other.records
      .where('mapId')
      .equals(mapId)
      .filter((row) => row.type === 'note')
      .primaryKeys();
    await other.records.bulkDelete(notes);
    await other.maps.update(mapId, { noteCount: 0, revision: 99 });
  });
};

const storedNotes = async (db: JourneywallDb, mapId: string) => {
  const loaded = await loadMap(db, mapId);
  return loaded ? liveNotesByZ(loaded.doc).map((note) => note.text) : [];
};

describe('persistence', () => {
  it('saves and writes the backup at once when the window is hidden', async () => {
    const db = createTestDb();
    const bridge = memoryBridge();
    const { mapId, addText } = await start(db, bridge);
    addText('Typed before switching windows');

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await expect.poll(() => storedNotes(db, mapId)).toEqual(['Typed before switching windows']);
    // Left alone, the backup would wait a minute.
    await expect.poll(() => bridge.readBackup(mapId)).toContain('Typed before switching windows');
  });

  it('writes the whole map back when the browser deletes the database under it', async () => {
    const db = createTestDb();
    const { store, mapId, addText, notices, status } = await start(db, memoryBridge());
    addText('Before the wipe');
    addText('Also before the wipe');
    await expect.poll(() => storedNotes(db, mapId)).toHaveLength(2);

    // What clearing site data does: the open connection is told to go, then the database is gone.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(db.name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    await expect.poll(() => notices, { timeout: 3_000 }).toEqual([REWRITTEN_MESSAGE]);
    expect((await storedNotes(db, mapId)).sort()).toEqual(['Also before the wipe', 'Before the wipe']);
    expect(await db.maps.get(mapId)).toMatchObject({ noteCount: 2, deletedAt: null });
    expect(status.getState().state).toBe('saved');
    expect(store.getState().doc).not.toBeNull();
  });

  it('writes the whole map back when another writer changed it', async () => {
    const db = createTestDb();
    const { mapId, addText, notices } = await start(db, memoryBridge());
    addText('Mine');
    await expect.poll(() => storedNotes(db, mapId)).toEqual(['Mine']);
    await changeElsewhere(db, mapId);

    addText('Mine too');
    await expect.poll(() => notices).toEqual([REWRITTEN_MESSAGE]);
    expect((await storedNotes(db, mapId)).sort()).toEqual(['Mine', 'Mine too']);
    expect(await db.maps.get(mapId)).toMatchObject({ noteCount: 2 });
  });

  it('writes the whole map back when the board is only panned after another writer changed it', async () => {
    const db = createTestDb();
    const { mapId, addText, notices, store } = await start(db, memoryBridge());
    addText('Mine');
    await expect.poll(() => storedNotes(db, mapId)).toEqual(['Mine']);
    await changeElsewhere(db, mapId);

    store.getState().setViewport({ x: 120, y: -40, scale: 1.5 });
    await expect.poll(() => notices).toEqual([REWRITTEN_MESSAGE]);
    expect(await storedNotes(db, mapId)).toEqual(['Mine']);
    expect(await db.maps.get(mapId)).toMatchObject({ noteCount: 1 });
    expect(await db.viewports.get(mapId)).toMatchObject({ x: 120, y: -40, scale: 1.5 });
  });

  it('saves and writes the backup when the page is closed', async () => {
    const db = createTestDb();
    const bridge = memoryBridge();
    const { mapId, addText } = await start(db, bridge);
    addText('Typed before closing the tab');

    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await expect.poll(() => storedNotes(db, mapId)).toEqual(['Typed before closing the tab']);
    const backup = readMapFile(new TextEncoder().encode((await bridge.readBackup(mapId)) ?? ''));
    expect(backup.ok && liveNotesByZ(backup.document).map((note) => note.text)).toEqual([
      'Typed before closing the tab',
    ]);
  });

  it("answers the shell's flush request only once the edit is stored and backed up", async () => {
    const db = createTestDb();
    const shell: { requestFlush: (() => Promise<void>) | null } = { requestFlush: null };
    const bridge: JourneywallBridge = {
      ...memoryBridge(),
      onFlushRequest: (listener) => {
        shell.requestFlush = listener;
        return () => {
          shell.requestFlush = null;
        };
      },
    };
    const { mapId, addText } = await start(db, bridge);
    addText('Typed before quitting');

    expect(shell.requestFlush).not.toBeNull();
    await shell.requestFlush?.();
    expect(await storedNotes(createTestDb(db.name), mapId)).toEqual(['Typed before quitting']);
    expect(await bridge.readBackup(mapId)).toContain('Typed before quitting');

    running.splice(0).forEach((persistence) => {
      persistence.stop();
    });
    expect(shell.requestFlush).toBeNull();
  });

  it('reopens a map with the edits the disk could not take yet', async () => {
    const db = createTestDb();
    const fault = injectQuotaFault(db);
    const { store, persistence, mapId, addText } = await start(db, memoryBridge());
    const other = await createMap(db, 'Other');
    fault.failing = true;
    addText('Only in memory');
    await expect(persistence.flush()).rejects.toMatchObject({ name: 'QuotaExceededError' });

    await openMap(db, store, persistence, other);
    await openMap(db, store, persistence, mapId);
    expect(liveNotesByZ(store.getState().doc ?? { id: '', records: {} }).map((note) => note.text)).toEqual([
      'Only in memory',
    ]);
    fault.failing = false;
    await persistence.flush();
    expect(await storedNotes(db, mapId)).toEqual(['Only in memory']);
  });
});

describe('persistent storage', () => {
  it('records whether the browser granted it', async () => {
    const status = createSaveStatusStore();
    vi.spyOn(navigator.storage, 'persisted').mockResolvedValue(false);
    vi.spyOn(navigator.storage, 'persist').mockResolvedValue(true);
    expect(await requestPersistentStorage(status)).toBe('persistent');
    expect(status.getState().storage).toBe('persistent');

    vi.spyOn(navigator.storage, 'persist').mockResolvedValue(false);
    expect(await requestPersistentStorage(status)).toBe('best-effort');
    expect(status.getState().storage).toBe('best-effort');

    expect(await requestPersistentStorage(status, null)).toBe('unavailable');
  });

  it('is requested when persistence starts', async () => {
    vi.spyOn(navigator.storage, 'persisted').mockResolvedValue(false);
    const persist = vi.spyOn(navigator.storage, 'persist').mockResolvedValue(true);
    const { status } = await start(createTestDb(), memoryBridge());
    await expect.poll(() => status.getState().storage).toBe('persistent');
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
