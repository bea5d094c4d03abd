import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { addNote, newMapDocument } from '../../shared/model/edits.ts';
import { createBrowserBridge } from '../bridge/browser-bridge.ts';
import { createMemoryBackupStore } from '../bridge/memory-backup-store.ts';
import { readMapFile } from '../files/map-file.ts';
import { createBoardStore } from '../store/index.ts';
import {
  BACKUP_DELAY_MS,
  BACKUP_IDLE_WAIT_MS,
  BACKUP_INPUT_PAUSE_MS,
  BACKUP_MAX_DEFER_MS,
  startBackups,
} from './backup.ts';
import { createSaveStatusStore } from './save-status.ts';

const running: { stop(): void }[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const backups of running.splice(0)) backups.stop();
});

/** Fakes the timer and the idle callback a backup waits for; the writes themselves are promises. */
const fakeBackupClock = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback'] });

const setUp = (delayMs: number, sinceInput?: () => number) => {
  const store = createBoardStore();
  const status = createSaveStatusStore();
  const bridge = createBrowserBridge({ backups: async () => createMemoryBackupStore() });
  const backups = startBackups({ store, bridge, status, delayMs, sinceInput });
  running.push(backups);
  return { store, status, bridge, backups };
};

const backedUpNotes = async (bridge: ReturnType<typeof createBrowserBridge>, mapId: string) => {
  const text = await bridge.readBackup(mapId);
  const parsed = text === null ? null : readMapFile(new TextEncoder().encode(text));
  return parsed?.ok ? liveNotesByZ(parsed.document).map((note) => note.text) : null;
};

describe('the rolling file backup', () => {
  it('backs up a changed map once, the delay after its first change, and leaves an unchanged map alone', async () => {
    fakeBackupClock();
    const { store, status, bridge } = setUp(BACKUP_DELAY_MS);
    const doc = newMapDocument('Checkout');
    store.getState().loadDocument(doc);
    await vi.advanceTimersByTimeAsync(2 * BACKUP_DELAY_MS);
    expect(await bridge.listBackups()).toEqual([]);

    const betweenEdits = 1000;
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'First' });
    });
    await vi.advanceTimersByTimeAsync(betweenEdits);
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 200, y: 0, text: 'Second' });
    });
    await vi.advanceTimersByTimeAsync(BACKUP_DELAY_MS - betweenEdits - 1);
    expect(await bridge.listBackups()).toEqual([]);

    // The delay is up; the backup waits for a quiet moment, at most the idle wait.
    await vi.advanceTimersByTimeAsync(1 + BACKUP_IDLE_WAIT_MS);
    expect(await backedUpNotes(bridge, doc.id)).toEqual(['First', 'Second']);
    expect(await bridge.listBackups()).toMatchObject([{ mapId: doc.id, name: 'Checkout' }]);
    expect(status.getState()).toMatchObject({ backupError: null });
    expect(status.getState().lastBackupAt).toBeGreaterThan(0);

    const [first] = await bridge.listBackups();
    await vi.advanceTimersByTimeAsync(2 * (BACKUP_DELAY_MS + BACKUP_IDLE_WAIT_MS));
    expect(await bridge.listBackups()).toEqual([first]);
  });

  it('waits for the user to pause before writing, so its long task never lands in a pan or a drag', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback', 'Date'],
    });
    let lastInput = Number.NEGATIVE_INFINITY;
    const { store, bridge } = setUp(BACKUP_DELAY_MS, () => Date.now() - lastInput);
    const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
    const doc = newMapDocument('Busy');
    store.getState().loadDocument(doc);
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Kept' });
    });
    // Panning from just before the delay is up until 3 s after it, one input every 100 ms.
    for (let ms = 0; ms < BACKUP_DELAY_MS + 3000; ms += 100) {
      lastInput = Date.now();
      await advance(100);
    }
    expect(await bridge.listBackups()).toEqual([]);
    await advance(BACKUP_INPUT_PAUSE_MS + BACKUP_IDLE_WAIT_MS);
    expect(await backedUpNotes(bridge, doc.id)).toEqual(['Kept']);
  });

  it('writes the backup anyway when the user never pauses, after at most the longest deferral', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback', 'performance'],
    });
    const { store, bridge } = setUp(BACKUP_DELAY_MS, () => 0);
    const doc = newMapDocument('Never still');
    store.getState().loadDocument(doc);
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Still kept' });
    });
    await vi.advanceTimersByTimeAsync(BACKUP_DELAY_MS + BACKUP_MAX_DEFER_MS / 2);
    expect(await bridge.listBackups()).toEqual([]);
    await vi.advanceTimersByTimeAsync(BACKUP_MAX_DEFER_MS / 2 + 2 * BACKUP_IDLE_WAIT_MS);
    expect(await backedUpNotes(bridge, doc.id)).toEqual(['Still kept']);
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
    fakeBackupClock();
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
    const backups = startBackups({ store, bridge, status });
    running.push(backups);
    store.getState().loadDocument(newMapDocument('Failing'));
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Needs a backup' });
    });

    await vi.advanceTimersByTimeAsync(BACKUP_DELAY_MS + BACKUP_IDLE_WAIT_MS);
    expect(status.getState().backupError).toBe(
      "The disk is full, so the backup file couldn't be written. The map itself is kept in this window.",
    );
    failing = false;
    await vi.advanceTimersByTimeAsync(BACKUP_DELAY_MS + BACKUP_IDLE_WAIT_MS);
    expect(written).toHaveLength(1);
    expect(status.getState().backupError).toBeNull();
  });
});
