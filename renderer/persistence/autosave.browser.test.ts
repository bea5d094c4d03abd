import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveNotesByZ, scenariosOf } from '../../shared/model/document.ts';
import { addNote, moveNotes, renameMap, updateNote } from '../../shared/model/edits.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { createMap, listMaps, loadMap, putDocument } from '../db/library.ts';
import {
  countPuts,
  createTestDb,
  deleteTestDbs,
  documentWithNotes,
  injectQuotaFault,
  logCommits,
} from '../db/testing.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { AUTOSAVE_TIMING, type AutosaveOptions, startAutosave } from './autosave.ts';
import { openMap } from './open-map.ts';
import { createSaveStatusStore, type SaveState } from './save-status.ts';

const running: { stop(): void }[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const autosave of running.splice(0)) autosave.stop();
  await deleteTestDbs();
});

/**
 * Fakes the clock autosave schedules its writes by. Only that: IndexedDB's callbacks are real
 * tasks and keep running, so a write a timer starts completes on its own.
 */
const fakeAutosaveClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

/** When each write transaction started, by the clock of the moment (virtual under fakeAutosaveClock). */
const logWriteStarts = (db: JourneywallDb): number[] => {
  const starts: number[] = [];
  db.use({
    stack: 'dbcore',
    name: 'log-write-starts',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite') starts.push(Date.now());
        return down.transaction(stores, mode, options);
      },
    }),
  });
  return starts;
};

/** A board store with a map opened from the library, as the app does it. */
const openBoard = async (db: JourneywallDb, mapId: string, options: Partial<AutosaveOptions> = {}) => {
  const store: BoardStore = createBoardStore();
  const status = createSaveStatusStore();
  const autosave = startAutosave({ db, store, status, ...options });
  running.push(autosave);
  expect(await openMap(db, store, { autosave }, mapId)).not.toBeNull();
  return { store, status, autosave };
};

const storedNotes = async (db: JourneywallDb, mapId: string) => {
  const loaded = await loadMap(db, mapId);
  return loaded ? liveNotesByZ(loaded.doc).map((note) => note.text) : [];
};

describe('autosave', () => {
  it('starts storing an edit the moment it is made, without waiting for a timer', async () => {
    const db = createTestDb();
    const writesStarted = logWriteStarts(db);
    const mapId = await createMap(db, 'Checkout');
    const { store, status } = await openBoard(db, mapId);
    writesStarted.length = 0;
    fakeAutosaveClock();

    const editedAt = Date.now();
    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 10, y: 20, text: 'Long queue at the till' });
    });
    expect(status.getState().state).toBe('saving');
    await vi.advanceTimersByTimeAsync(0);
    expect(writesStarted).toEqual([editedAt]);

    vi.useRealTimers();
    await expect.poll(() => status.getState().state).toBe('saved');
    expect(await storedNotes(db, mapId)).toEqual(['Long queue at the till']);
    expect(status.getState()).toMatchObject({ state: 'saved', message: null });
    expect(await listMaps(db)).toMatchObject([{ id: mapId, noteCount: 1 }]);
  });

  it("keeps the library's note count of each scenario, so Current and Ideal are not summed", async () => {
    const db = createTestDb();
    const mapId = await createMap(db, 'Toner');
    const { store, status } = await openBoard(db, mapId);
    const [current, ideal] = scenariosOf(store.getState().doc ?? { id: mapId, records: {} });
    if (!current || !ideal) throw new Error('a new map has Current and Ideal');
    store.getState().edit('Add notes', (doc) => {
      addNote(doc, { x: 0, y: 0, text: 'Runs out of toner', scenarioId: current.id });
      addNote(doc, { x: 0, y: 0, text: 'Orders online', scenarioId: current.id });
      addNote(doc, { x: 0, y: 0, text: 'Printer orders its own toner', scenarioId: ideal.id });
    });
    await expect.poll(() => status.getState().state).toBe('saved');
    expect(await listMaps(db)).toMatchObject([
      {
        noteCount: 3,
        scenarioNotes: [
          { name: 'Current', notes: 2 },
          { name: 'Ideal', notes: 1 },
        ],
      },
    ]);
    const [first] = liveNotesByZ(store.getState().doc ?? { id: mapId, records: {} });
    store
      .getState()
      .edit('Move to ideal', (doc) => updateNote(doc, first?.id ?? '', { scenarioId: ideal.id }));
    await expect.poll(() => status.getState().state).toBe('saved');
    expect((await listMaps(db))[0]?.scenarioNotes).toEqual([
      { name: 'Current', notes: 1 },
      { name: 'Ideal', notes: 2 },
    ]);
  });

  it('stores edits made while a write runs in the next write, losing none', async () => {
    const db = createTestDb();
    const commits: { event: string; at: number }[] = [];
    logCommits(db, commits);
    const mapId = await createMap(db, 'Drag');
    const { store, status } = await openBoard(db, mapId);
    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 0, y: 0, text: 'Dragged' });
    });
    const noteId = liveNotesByZ(store.getState().doc ?? { id: '', records: {} })[0]?.id ?? '';
    // A drag's steps come faster than a write: all but the first arrive while it runs.
    for (let step = 0; step < 60; step++)
      store.getState().edit('Move', (doc) => moveNotes(doc, [noteId], 5, 0));

    await expect.poll(() => status.getState().state, { timeout: 10_000 }).toBe('saved');
    const stored = await db.records.get([mapId, noteId]);
    expect(stored).toMatchObject({ x: 300, text: 'Dragged' });
    // Writes follow one another: the edits made during the first write go in the next one.
    expect(commits.length).toBeGreaterThan(0);
    expect(commits.length).toBeLessThanOrEqual(3);
  });

  it('writes only the changed note when one note of a 5,000-note map is edited', async () => {
    const db = createTestDb();
    const puts = countPuts(db);
    const big = documentWithNotes('Big workshop', 5_000);
    await putDocument(db, big);
    const { store, autosave } = await openBoard(db, big.id);
    puts.clear();

    const note = liveNotesByZ(big)[1234];
    if (!note) throw new Error('no note to edit');
    store.getState().edit('Edit text', (doc) => updateNote(doc, note.id, { text: 'Edited in the room' }));
    await autosave.flush();

    expect(puts.get('records')).toBe(1);
    expect(puts.get('maps')).toBe(1);
    const stored = await db.records.get([big.id, note.id]);
    expect(stored).toMatchObject({ text: 'Edited in the room', version: 2 });
    // The map record, its two scenarios and the 5,000 notes.
    expect(await db.records.where('mapId').equals(big.id).count()).toBe(5_003);
  });

  it('writes nothing when a map is opened and left unchanged', async () => {
    const db = createTestDb();
    const puts = countPuts(db);
    const doc = documentWithNotes('Untouched', 50);
    await putDocument(db, doc, { x: 5, y: 6, scale: 1.5 });
    puts.clear();
    fakeAutosaveClock();

    const { autosave } = await openBoard(db, doc.id);
    // Longer than autosave ever lets a change wait before writing it.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_TIMING.viewportMaxWaitMs);
    await autosave.flush();

    expect([...puts.values()].reduce((sum, count) => sum + count, 0)).toBe(0);
  });

  it('reopens with exactly the same document and viewport', async () => {
    const db = createTestDb();
    const mapId = await createMap(db, 'Support call');
    const { store, autosave } = await openBoard(db, mapId);
    const { edit, setViewport } = store.getState();
    edit('Rename', (doc) => renameMap(doc, 'Support call, revised'));
    edit('Add notes', (doc) => {
      addNote(doc, { x: 0, y: 0, text: 'Waits on hold', color: 'pink' });
      addNote(doc, { x: 200, y: 0, text: 'Repeats account number', color: 'blue' });
    });
    edit('Add note', (doc) => {
      addNote(doc, { x: 400, y: 0, text: 'Undone' });
    });
    store.getState().undo();
    setViewport({ x: -120.5, y: 64, scale: 0.75 });
    await autosave.flush();
    const shown = store.getState().doc;
    db.close();

    const reopened = createTestDb(db.name);
    const again = createBoardStore();
    const autosaveAgain = startAutosave({ db: reopened, store: again, status: createSaveStatusStore() });
    running.push(autosaveAgain);
    const loaded = await openMap(reopened, again, { autosave: autosaveAgain }, mapId);
    expect(loaded?.doc).toEqual(shown);
    expect(again.getState().doc).toEqual(shown);
    expect(again.getState().viewport).toEqual({ x: -120.5, y: 64, scale: 0.75 });
    expect(await listMaps(reopened)).toMatchObject([{ name: 'Support call, revised', noteCount: 2 }]);
  });

  it('keeps the edits and retries with a clear message while the disk is full', async () => {
    const db = createTestDb();
    const fault = injectQuotaFault(db);
    const mapId = await createMap(db, 'Full disk');
    const { store, status } = await openBoard(db, mapId, { retryDelaysMs: [100, 200] });
    const states: SaveState[] = [];
    status.subscribe((now) => states.push(now.state));

    fault.failing = true;
    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 0, y: 0, text: 'Written while the disk was full' });
    });
    await expect.poll(() => status.getState().state, { timeout: 2_000 }).toBe('error');
    expect(status.getState().message).toBe(
      "The disk is full, so this computer can't store your latest edits. They are kept in this window; saving resumes by itself when space is freed.",
    );
    await expect.poll(() => states.includes('retrying'), { timeout: 2_000 }).toBe(true);
    expect(liveNotesByZ(store.getState().doc ?? { id: '', records: {} }).map((note) => note.text)).toEqual([
      'Written while the disk was full',
    ]);
    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 200, y: 0, text: 'And another' });
    });
    expect(await storedNotes(db, mapId)).toEqual([]);

    fault.failing = false;
    await expect.poll(() => status.getState().state, { timeout: 3_000 }).toBe('saved');
    expect(status.getState().message).toBeNull();
    expect(await storedNotes(db, mapId)).toEqual(['Written while the disk was full', 'And another']);
  });

  it('resolves a flush only after IndexedDB committed the transaction', async () => {
    const db = createTestDb();
    const events: { event: string; at: number }[] = [];
    logCommits(db, events);
    const mapId = await createMap(db, 'Quit');
    const { store, autosave } = await openBoard(db, mapId, {});
    events.length = 0;

    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 0, y: 0, text: 'Typed just before quitting' });
    });
    await autosave.flush();
    events.push({ event: 'flushed', at: performance.now() });

    expect(events.map((entry) => entry.event)).toEqual(['commit', 'flushed']);
    expect(await storedNotes(createTestDb(db.name), mapId)).toEqual(['Typed just before quitting']);
  });

  it('rejects a flush that could not save, and keeps the edit for the next attempt', async () => {
    const db = createTestDb();
    const fault = injectQuotaFault(db);
    const mapId = await createMap(db, 'Quit on a full disk');
    const { store, autosave } = await openBoard(db, mapId, {});
    fault.failing = true;
    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 0, y: 0, text: 'Kept' });
    });

    await expect(autosave.flush()).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(autosave.unsaved(mapId)?.doc).toBe(store.getState().doc);
    fault.failing = false;
    await autosave.flush();
    expect(await storedNotes(db, mapId)).toEqual(['Kept']);
    expect(autosave.unsaved(mapId)).toBeNull();
  });

  it('saves the map being left at once when another map is opened', async () => {
    const db = createTestDb();
    const first = await createMap(db, 'First');
    const second = await createMap(db, 'Second');
    const { store, autosave } = await openBoard(db, first, {});
    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 0, y: 0, text: 'On the first map' });
    });

    await openMap(db, store, { autosave }, second);
    await expect.poll(() => storedNotes(db, first), { timeout: 1_000 }).toEqual(['On the first map']);
    expect(store.getState().doc?.id).toBe(second);
  });

  it('stores a viewport change on its own after a short wait (pans come in bursts), without touching the map', async () => {
    const db = createTestDb();
    const puts = countPuts(db);
    const writesStarted = logWriteStarts(db);
    const mapId = await createMap(db, 'Panned');
    const { store } = await openBoard(db, mapId);
    const [before] = await listMaps(db);
    puts.clear();
    writesStarted.length = 0;
    fakeAutosaveClock();

    const pannedAt = Date.now();
    store.getState().setViewport({ x: 300, y: -50, scale: 2 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_TIMING.viewportDebounceMs - 1);
    expect(writesStarted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writesStarted).toEqual([pannedAt + AUTOSAVE_TIMING.viewportDebounceMs]);

    vi.useRealTimers();
    await expect.poll(async () => (await loadMap(db, mapId))?.viewport).toEqual({ x: 300, y: -50, scale: 2 });
    expect(puts.get('maps')).toBeUndefined();
    expect(puts.get('records')).toBeUndefined();
    expect(await listMaps(db)).toEqual([before]);
  });

  it('waits for a pause in a burst of pans, but no longer than the longest wait', async () => {
    const db = createTestDb();
    const writesStarted = logWriteStarts(db);
    const mapId = await createMap(db, 'Panned');
    const { store } = await openBoard(db, mapId);
    writesStarted.length = 0;
    fakeAutosaveClock();
    const { viewportDebounceMs, viewportMaxWaitMs } = AUTOSAVE_TIMING;
    const step = viewportDebounceMs / 2;

    // Two pans half a debounce apart: one write, a debounce after the second.
    const firstPanAt = Date.now();
    store.getState().setViewport({ x: 10, y: 0, scale: 1 });
    await vi.advanceTimersByTimeAsync(step);
    store.getState().setViewport({ x: 20, y: 0, scale: 1 });
    await vi.advanceTimersByTimeAsync(viewportDebounceMs - 1);
    expect(writesStarted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writesStarted).toEqual([firstPanAt + step + viewportDebounceMs]);

    // Pans that never pause are still written once the longest wait is up.
    writesStarted.length = 0;
    const burstAt = Date.now();
    for (let x = 30; Date.now() - burstAt < viewportMaxWaitMs + step; x += 10) {
      store.getState().setViewport({ x, y: 0, scale: 1 });
      await vi.advanceTimersByTimeAsync(step);
    }
    expect(writesStarted[0]).toBe(burstAt + viewportMaxWaitMs);
    vi.useRealTimers();
  });
});
