import { afterEach, describe, expect, it } from 'vitest';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { addNote, newMapDocument } from '../../shared/model/edits.ts';
import { createBrowserBridge } from '../bridge/browser-bridge.ts';
import { createMemoryBackupStore } from '../bridge/memory-backup-store.ts';
import { readMapFile } from '../files/map-file.ts';
import { createBoardStore } from '../store/index.ts';
import { startBackups } from './backup.ts';
import { createSaveStatusStore } from './save-status.ts';

const running: { stop(): void }[] = [];
afterEach(() => {
  for (const backups of running.splice(0)) backups.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const setUp = (delayMs: number) => {
  const store = createBoardStore();
  const status = createSaveStatusStore();
  const bridge = createBrowserBridge({ backups: async () => createMemoryBackupStore() });
  const backups = startBackups({ store, bridge, status, delayMs });
  running.push(backups);
  return { store, status, bridge, backups };
};

const backedUpNotes = async (bridge: ReturnType<typeof createBrowserBridge>, mapId: string) => {
  const text = await bridge.readBackup(mapId);
  const parsed = text === null ? null : readMapFile(new TextEncoder().encode(text));
  return parsed?.ok ? liveNotesByZ(parsed.document).map((note) => note.text) : null;
};

describe('the rolling file backup', () => {
  it('backs up a changed map once per interval, and leaves an unchanged map alone', async () => {
    const { store, status, bridge } = setUp(200);
    const doc = newMapDocument('Checkout');
    store.getState().loadDocument(doc);
    await sleep(300);
    expect(await bridge.listBackups()).toEqual([]);

    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'First' });
    });
    await sleep(50);
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 200, y: 0, text: 'Second' });
    });
    expect(await bridge.listBackups()).toEqual([]);

    await expect.poll(() => backedUpNotes(bridge, doc.id), { timeout: 1_000 }).toEqual(['First', 'Second']);
    expect(await bridge.listBackups()).toMatchObject([{ mapId: doc.id, name: 'Checkout' }]);
    expect(status.getState()).toMatchObject({ backupError: null });
    expect(status.getState().lastBackupAt).toBeGreaterThan(0);

    const [first] = await bridge.listBackups();
    await sleep(400);
    expect(await bridge.listBackups()).toEqual([first]);
  });

  it('writes the backup at once on flush (before quitting), and only when something changed', async () => {
    const { store, bridge, backups } = setUp(60_000);
    const doc = newMapDocument('Quit');
    store.getState().loadDocument(doc);
    await backups.flush();
    expect(await bridge.listBackups()).toEqual([]);

    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Last words' });
    });
    await backups.flush();
    expect(await backedUpNotes(bridge, doc.id)).toEqual(['Last words']);
  });

  it('backs up the map being left when another one is opened', async () => {
    const { store, bridge } = setUp(60_000);
    const first = newMapDocument('First');
    store.getState().loadDocument(first);
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'On the first map' });
    });
    store.getState().loadDocument(newMapDocument('Second'));
    await expect
      .poll(() => backedUpNotes(bridge, first.id), { timeout: 1_000 })
      .toEqual(['On the first map']);
  });

  it('reports a failed backup and tries again', async () => {
    const store = createBoardStore();
    const status = createSaveStatusStore();
    let failing = true;
    const written: string[] = [];
    const bridge = {
      writeBackup: async ({ content }: { content: string }) => {
        if (failing) throw new Error('disk full');
        written.push(content);
      },
    };
    const backups = startBackups({ store, bridge, status, delayMs: 100 });
    running.push(backups);
    store.getState().loadDocument(newMapDocument('Failing'));
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Needs a backup' });
    });

    await expect
      .poll(() => status.getState().backupError, { timeout: 1_000 })
      .toBe(
        "The disk is full, so the backup file couldn't be written. The map itself is kept in this window.",
      );
    failing = false;
    await expect.poll(() => written.length, { timeout: 1_000 }).toBe(1);
    expect(status.getState().backupError).toBeNull();
  });
});
