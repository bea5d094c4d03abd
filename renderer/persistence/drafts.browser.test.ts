import { afterEach, describe, expect, it } from 'vitest';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { addNote } from '../../shared/model/edits.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { createMap } from '../db/library.ts';
import { createTestDb, deleteTestDbs, logCommits } from '../db/testing.ts';
import type { Draft } from '../store/draft.ts';
import { createBoardStore } from '../store/index.ts';
import { startAutosave } from './autosave.ts';
import { openMap } from './open-map.ts';
import { createSaveStatusStore } from './save-status.ts';

const running: { stop(): void }[] = [];
afterEach(async () => {
  for (const autosave of running.splice(0)) autosave.stop();
  await deleteTestDbs();
});

const openBoard = async (db: JourneywallDb, mapId: string) => {
  const store = createBoardStore();
  const status = createSaveStatusStore();
  const autosave = startAutosave({ db, store, status });
  running.push(autosave);
  await openMap(db, store, { autosave }, mapId);
  return { store, status, autosave };
};

const newNoteDraft = (text: string): Draft => ({
  target: { kind: 'note', editing: { kind: 'new', x: 40, y: 60, w: 180, h: 120, color: 'yellow', run: 0 } },
  text,
  scenarioId: null,
});

describe('drafts: the text of an open editor', () => {
  it('is stored as it is typed, and only then does the status say everything is saved', async () => {
    const db = createTestDb();
    const mapId = await createMap(db, 'Typing');
    const { store, status } = await openBoard(db, mapId);

    store.getState().startEditing({ kind: 'new', x: 40, y: 60, w: 180, h: 120, color: 'yellow', run: 0 });
    store.getState().setDraft(newNoteDraft('The room says the kiosk'));
    expect(status.getState().state).toBe('saving');

    await expect.poll(() => status.getState().state).toBe('saved');
    expect(await db.drafts.get(mapId)).toMatchObject({ mapId, text: 'The room says the kiosk' });
  });

  it('goes in the same write as the note it became, so a crash never shows both or neither', async () => {
    const db = createTestDb();
    const commits: { event: string; at: number }[] = [];
    logCommits(db, commits);
    const mapId = await createMap(db, 'Commit');
    const { store, autosave } = await openBoard(db, mapId);
    store.getState().startEditing({ kind: 'new', x: 40, y: 60, w: 180, h: 120, color: 'yellow', run: 0 });
    store.getState().setDraft(newNoteDraft('Kiosk out of order'));
    await autosave.flush();
    commits.length = 0;

    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 40, y: 60, text: 'Kiosk out of order' });
    });
    store.getState().startEditing(null);
    await autosave.flush();

    expect(commits).toHaveLength(1);
    expect(await db.drafts.get(mapId)).toBeUndefined();
    const notes = await db.records
      .where('mapId')
      .equals(mapId)
      .filter((row) => row.type === 'note')
      .toArray();
    expect(notes.map((row) => (row.type === 'note' ? row.text : ''))).toEqual(['Kiosk out of order']);
  });

  it('reopens the note editor with the text after a crash', async () => {
    const db = createTestDb();
    const mapId = await createMap(db, 'Crash');
    const first = await openBoard(db, mapId);
    first.store.getState().startEditing({ kind: 'new', x: 40, y: 60, w: 180, h: 120, color: 'pink', run: 0 });
    first.store
      .getState()
      .setDraft({ ...newNoteDraft('Half a sente'), scenarioId: first.store.getState().scenarioId });
    await first.autosave.flush();
    first.autosave.stop();

    const again = await openBoard(createTestDb(db.name), mapId);
    expect(again.store.getState().editing).toMatchObject({ kind: 'new', x: 40, y: 60, text: 'Half a sente' });
    expect(again.store.getState().draft?.text).toBe('Half a sente');
    // Reopening writes nothing, and says so.
    await expect.poll(() => again.status.getState().state).toBe('saved');
  });

  it('reopens a stage rename and drops a draft whose note is gone', async () => {
    const db = createTestDb();
    const mapId = await createMap(db, 'Headers');
    const first = await openBoard(db, mapId);
    first.store.getState().setDraft({
      target: { kind: 'note', editing: { kind: 'existing', id: 'no-such-note' } },
      text: 'Lost cause',
      scenarioId: null,
    });
    await first.autosave.flush();
    first.autosave.stop();

    const again = await openBoard(createTestDb(db.name), mapId);
    expect(again.store.getState().editing).toBeNull();
    await again.autosave.flush();
    expect(await db.drafts.get(mapId)).toBeUndefined();
  });

  it('drops a damaged draft row instead of opening it', async () => {
    const db = createTestDb();
    const mapId = await createMap(db, 'Damaged');
    await db.drafts.put({ mapId, text: 42, target: { kind: 'note' }, updated: 1 } as never);
    const { store } = await openBoard(db, mapId);
    expect(store.getState().editing).toBeNull();
    expect(store.getState().draft).toBeNull();
  });
});

describe('a map held by another window', () => {
  it('is shown but nothing of it is stored from here', async () => {
    const db = createTestDb();
    const mapId = await createMap(db, 'Elsewhere');
    const store = createBoardStore();
    const status = createSaveStatusStore();
    const autosave = startAutosave({ db, store, status });
    running.push(autosave);
    store.getState().setHeldElsewhere(true);
    await openMap(db, store, { autosave }, mapId);

    store.getState().edit('Add note', (doc) => {
      addNote(doc, { x: 0, y: 0, text: 'Should not land' });
    });
    store.getState().setViewport({ x: 5, y: 5, scale: 2 });
    await autosave.flush();
    expect(liveNotesByZ(store.getState().doc ?? { id: '', records: {} })).toEqual([]);
    expect(await db.viewports.get(mapId)).toBeUndefined();
    expect(status.getState().state).toBe('saved');
  });
});
