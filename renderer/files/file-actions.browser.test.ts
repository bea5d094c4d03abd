import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JourneywallBridge, OpenedFile } from '../../shared/ipc/contract.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import { liveNotesByZ, mapRecordOf } from '../../shared/model/document.ts';
import { addNote, type MutableDocument, newMapDocument, updateNote } from '../../shared/model/edits.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { deleteMap, listMaps, listTrash, loadMap, putDocument } from '../db/library.ts';
import { createTestDb, deleteTestDbs } from '../db/testing.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { promptStore } from '../ui/prompt-store.ts';
import { createFileActions } from './file-actions.ts';
import { readMapFile, toMapFile } from './map-file.ts';
import { closeReview, resolveConflict, reviewStore } from './merge-review.ts';

let db: JourneywallDb;
let store: BoardStore;
let written: { name: string; content: string }[];
let notices: string[];

const encoder = new TextEncoder();
const fileOf = (name: string, text: string, handle: string | null = 'handle-1'): OpenedFile => ({
  handle,
  name,
  bytes: encoder.encode(text),
});

/** A shell that records what would be written and hands back a fixed file to open. */
const fakeBridge = (toOpen: OpenedFile | null = null): JourneywallBridge =>
  ({
    openFile: async () => toOpen,
    openDroppedFile: async () => toOpen,
    saveFile: async (handle: string, content: string) => {
      written.push({ name: handle, content });
      return { handle, name: 'toner.cxmap' };
    },
    saveFileAs: async (name: string, content: string) => {
      written.push({ name, content });
      return { handle: 'handle-new', name };
    },
  }) as unknown as JourneywallBridge;

const actionsWith = (bridge: JourneywallBridge) =>
  createFileActions({
    db,
    bridge,
    store,
    notify: (message) => notices.push(message),
    openMap: async (mapId) => {
      const loaded = await loadMap(db, mapId);
      if (loaded) store.getState().loadDocument(loaded.doc);
    },
  });

/** Answers the next question the file actions ask, as the user would by clicking. */
const answerNextPrompt = (value: string) =>
  new Promise<string>((resolve) => {
    const unsubscribe = promptStore.subscribe((state) => {
      if (!state.prompt || !state.answer) return;
      unsubscribe();
      const title = state.prompt.title;
      state.answer(value);
      resolve(title);
    });
  });

const tonerMap = (): JourneyDocument => {
  const doc = newMapDocument('Home printer toner: current');
  const mutable: MutableDocument = { id: doc.id, records: { ...doc.records } };
  addNote(mutable, { x: 0, y: 0, text: 'Runs out of toner' });
  addNote(mutable, { x: 200, y: 0, text: 'Orders on the website' });
  return mutable;
};

const texts = () => liveNotesByZ(store.getState().doc as JourneyDocument).map((note) => note.text);

beforeEach(() => {
  db = createTestDb();
  store = createBoardStore();
  written = [];
  notices = [];
  closeReview();
});

afterEach(deleteTestDbs);

describe('saving a map to a file', () => {
  it('asks where on the first save, then saves to the same file, and the file opens to the same map', async () => {
    const doc = tonerMap();
    store.getState().loadDocument(doc);
    const files = actionsWith(fakeBridge());
    expect(await files.save()).toBe(true);
    expect(written[0]?.name).toBe('Home printer toner current.cxmap');
    expect(await db.fileLinks.get(doc.id)).toMatchObject({ handle: 'handle-new' });
    await files.save();
    expect(written[1]?.name).toBe('handle-new');
    const reopened = readMapFile(encoder.encode(written[1]?.content ?? ''));
    expect(reopened.ok && liveNotesByZ(reopened.document).map((note) => note.text)).toEqual([
      'Runs out of toner',
      'Orders on the website',
    ]);
  });
});

describe('opening a file', () => {
  it('adds a map that is not in the library and links it to its file', async () => {
    const doc = tonerMap();
    await actionsWith(fakeBridge(fileOf('toner.cxmap', toMapFile(doc)))).open();
    expect((await listMaps(db)).map((map) => map.name)).toEqual(['Home printer toner: current']);
    expect(texts()).toEqual(['Runs out of toner', 'Orders on the website']);
    expect(await db.fileLinks.get(doc.id)).toMatchObject({ fileName: 'toner.cxmap', handle: 'handle-1' });
  });

  it('explains a damaged file and changes nothing', async () => {
    const doc = tonerMap();
    await putDocument(db, doc);
    store.getState().loadDocument(doc);
    const damaged = toMapFile(doc).slice(0, 200);
    const asked = answerNextPrompt('ok');
    await actionsWith(fakeBridge(fileOf('toner.cxmap', damaged))).open();
    expect(await asked).toBe("Couldn't open toner.cxmap");
    expect(texts()).toEqual(['Runs out of toner', 'Orders on the website']);
    expect(await listMaps(db)).toHaveLength(1);
  });

  it('offers the library copy, a separate copy or a merge when the map is already in the library', async () => {
    const doc = tonerMap();
    await putDocument(db, doc);
    const asked = answerNextPrompt('copy');
    await actionsWith(fakeBridge(fileOf('toner.cxmap', toMapFile(doc)))).open();
    expect(await asked).toBe('“Home printer toner: current” is already in your library');
    const names = (await listMaps(db)).map((map) => map.name).sort();
    expect(names).toEqual(['Home printer toner: current', 'Home printer toner: current (from toner.cxmap)']);
  });

  it('a file of a map in the trash restores that map before opening it, never edits it in the trash', async () => {
    const doc = tonerMap();
    await putDocument(db, doc);
    await deleteMap(db, doc.id);
    const asked = answerNextPrompt('library');
    await actionsWith(fakeBridge(fileOf('toner.cxmap', toMapFile(doc)))).open();
    expect(await asked).toBe('“Home printer toner: current” is in your trash');
    expect((await listMaps(db)).map((map) => map.name)).toEqual(['Home printer toner: current']);
    expect(await listTrash(db)).toEqual([]);
    expect(store.getState().doc?.id).toBe(doc.id);
  });
});

describe('merging a copy', () => {
  it('brings in the other copy as one undo step and keeps both versions of a note both changed', async () => {
    const original = tonerMap();
    store.getState().loadDocument(original);
    const files = actionsWith(fakeBridge());
    await files.save();
    const sent = readMapFile(encoder.encode(written[0]?.content ?? ''));
    if (!sent.ok) throw new Error(sent.message);
    const [first] = liveNotesByZ(sent.document);
    // The team lead edits his copy: a new note, and a change to the first note.
    const theirs: MutableDocument = { id: sent.document.id, records: { ...sent.document.records } };
    addNote(theirs, { x: 0, y: 300, text: 'Interview: orders the wrong cartridge' });
    updateNote(theirs, first?.id as string, { text: 'Runs out of toner before a board meeting' });
    // Meanwhile the facilitator changes the same note here.
    store
      .getState()
      .edit('Edit', (draft) =>
        updateNote(draft, first?.id as string, { text: 'Runs out of toner at night' }),
      );
    const before = store.getState().past.length;

    await actionsWith(fakeBridge(fileOf('toner-from-lead.cxmap', toMapFile(theirs)))).mergeCopy();

    expect(store.getState().past.length).toBe(before + 1);
    expect(texts().sort()).toEqual(
      [
        'Interview: orders the wrong cartridge',
        'Orders on the website',
        'Runs out of toner at night',
        'Runs out of toner before a board meeting',
      ].sort(),
    );
    expect(reviewStore.getState().summary).toMatchObject({ added: 1, conflicts: 1 });
    expect(notices.at(-1)).toBe('Merged toner-from-lead.cxmap: 1 added, 0 updated, 0 deleted, 1 conflict.');

    const [conflict] = reviewStore.getState().conflicts;
    if (!conflict) throw new Error('expected a conflict');
    resolveConflict(store, conflict, 'theirs');
    expect(texts().sort()).toEqual(
      [
        'Interview: orders the wrong cartridge',
        'Orders on the website',
        'Runs out of toner before a board meeting',
      ].sort(),
    );
    expect(reviewStore.getState().conflicts).toHaveLength(0);

    store.getState().undo();
    store.getState().undo();
    expect(texts().sort()).toEqual(['Orders on the website', 'Runs out of toner at night'].sort());
  });

  it('offers to import or add the notes of a different map', async () => {
    store.getState().loadDocument(tonerMap());
    const other = tonerMap();
    (other.records as Record<string, unknown>)[other.id] = { ...mapRecordOf(other), name: 'Coffee shop' };
    const asked = answerNextPrompt('notes');
    await actionsWith(fakeBridge(fileOf('coffee.cxmap', toMapFile(other)))).mergeCopy();
    expect(await asked).toBe('coffee.cxmap is a different map');
    expect(texts()).toHaveLength(4);
  });
});
