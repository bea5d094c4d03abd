import { beforeEach, describe, expect, it } from 'vitest';
import { addHeader } from '../../shared/journey/structure-edits.ts';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { addNote, newMapDocument } from '../../shared/model/edits.ts';
import { FILE_LIMITS, PASTE_LIMITS } from '../../shared/model/limits.ts';
import { NOTE_MIN_SIZE, NOTE_SIZE } from '../../shared/model/records.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { noticeStore } from '../ui/notice-store.ts';
import { copySelection, parseClipboard, pasteNotes, pasteNotice } from './clipboard.ts';

const lines = (count: number, blankEvery = 0): string =>
  Array.from({ length: count }, (_, index) =>
    blankEvery && index % blankEvery === 0 ? `Step ${index + 1}\n  \n` : `Step ${index + 1}`,
  ).join('\r\n');

const copied = (count: number): string =>
  JSON.stringify({
    type: 'journeywall/notes',
    notes: Array.from({ length: count }, (_, index) => ({
      ...{ x: (index % 100) * 200, y: Math.floor(index / 100) * 200, w: 180, h: 120 },
      ...{ text: `Note ${index + 1}`, color: 'green', z: index },
    })),
  });

describe('parseClipboard', () => {
  it('keeps plain text at the limit whole', () => {
    const parsed = parseClipboard(lines(PASTE_LIMITS.maxLines));
    expect(parsed).toMatchObject({ from: 'text', leftOut: 0 });
    expect(parsed.notes).toHaveLength(PASTE_LIMITS.maxLines);
    expect(parsed.notes.at(-1)?.text).toBe(`Step ${PASTE_LIMITS.maxLines}`);
    expect(pasteNotice(parsed)).toBeNull();
  });

  it('counts the lines past the limit, not the empty ones', () => {
    const parsed = parseClipboard(lines(2500, 3));
    expect(parsed.notes).toHaveLength(2000);
    expect(parsed.notes.map((note) => note.text).slice(0, 2)).toEqual(['Step 1', 'Step 2']);
    expect(parsed.leftOut).toBe(500);
    expect(pasteNotice(parsed)).toBe(
      'Pasted 2,000 notes; the other 500 lines were left out (up to 2,000 notes go in one paste).',
    );
  });

  it('names the one line left out', () => {
    const parsed = parseClipboard(`${lines(PASTE_LIMITS.maxLines + 1)}\n\n`);
    expect(parsed.leftOut).toBe(1);
    expect(pasteNotice(parsed)).toBe(
      'Pasted 2,000 notes; the last line was left out (up to 2,000 notes go in one paste).',
    );
  });

  it('keeps copied notes at the limit whole and counts those past it', () => {
    const atLimit = parseClipboard(copied(PASTE_LIMITS.maxCopiedNotes));
    expect(atLimit).toMatchObject({ from: 'journeywall', leftOut: 0 });
    expect(atLimit.notes).toHaveLength(PASTE_LIMITS.maxCopiedNotes);
    const over = parseClipboard(copied(PASTE_LIMITS.maxCopiedNotes + 3));
    expect(over).toMatchObject({ from: 'journeywall', leftOut: 3 });
    expect(over.notes).toHaveLength(PASTE_LIMITS.maxCopiedNotes);
    expect(over.notes[0]).toMatchObject({ text: 'Note 1', color: 'green' });
    expect(pasteNotice(over)).toBe(
      'Pasted 20,000 notes; the other 3 notes were left out (up to 20,000 notes go in one paste).',
    );
  });

  it("reads copied notes as a file's: its defaults for fields left out, nothing past its bounds", () => {
    const one = (note: object) => JSON.stringify({ type: 'journeywall/notes', notes: [note] });
    const plain = { x: 10, y: 20, text: 'Calls support', color: 'blue', z: 3 };
    const parsed = parseClipboard(one(plain));
    expect(parsed.from).toBe('journeywall');
    expect(parsed.notes).toEqual([
      { ...plain, w: NOTE_SIZE.w, h: NOTE_SIZE.h, kind: 'note', channel: null, wow: false, ratings: null },
    ]);
    for (const outside of [
      { w: NOTE_MIN_SIZE.w - 1 },
      { x: FILE_LIMITS.maxCoordinate + 1 },
      { text: 'a'.repeat(FILE_LIMITS.maxTextLength + 1) },
      { color: 'gold' },
    ])
      expect(parseClipboard(one({ ...plain, ...outside })).from).toBe('text');
  });

  it('reads nothing of text too long to read, and says so', () => {
    const parsed = parseClipboard('a'.repeat(PASTE_LIMITS.maxChars + 1));
    expect(parsed).toEqual({ from: 'too-long', notes: [], leftOut: 0 });
    expect(pasteNotice(parsed)).toBe(
      'Nothing was pasted: the clipboard holds more than 20,000,000 characters.',
    );
  });
});

describe('pasteNotes', () => {
  let store: BoardStore;
  const noteCount = () => {
    const doc = store.getState().doc;
    return doc ? liveNotesByZ(doc).length : 0;
  };

  beforeEach(() => {
    store = createBoardStore();
    store.getState().loadDocument(newMapDocument('Toner'));
    store.getState().setCanvasSize({ width: 1000, height: 800 });
    noticeStore.getState().dismiss();
  });

  it('pastes up to the limit as one undo step and tells what was left out', () => {
    expect(pasteNotes(store, lines(PASTE_LIMITS.maxLines + 20))).toBe(PASTE_LIMITS.maxLines);
    expect(noteCount()).toBe(PASTE_LIMITS.maxLines);
    expect(store.getState().past).toHaveLength(1);
    expect(noticeStore.getState().message).toBe(
      'Pasted 2,000 notes; the other 20 lines were left out (up to 2,000 notes go in one paste).',
    );
    store.getState().undo();
    expect(noteCount()).toBe(0);
  });

  it('pastes what this board copied last when the paste brings no clipboard data', () => {
    let id = '';
    store.getState().edit('Note', (draft) => {
      id = addNote(draft, { x: 0, y: 0, text: 'Orders toner' }).id;
    });
    store.getState().select([id]);
    expect(copySelection(store, null)).toBe(true);
    expect(pasteNotes(store, null)).toBe(1);
    expect(liveNotesByZ(store.getState().doc ?? { id: '', records: {} }).map((note) => note.text)).toEqual([
      'Orders toner',
      'Orders toner',
    ]);
    // Another board has copied nothing: it pastes nothing.
    const other = createBoardStore();
    other.getState().loadDocument(newMapDocument('Other'));
    expect(pasteNotes(other, null)).toBe(0);
  });

  it('says nothing when the whole paste went in', () => {
    expect(pasteNotes(store, 'Sees an ad\n\nCalls support')).toBe(2);
    expect(noticeStore.getState().message).toBeNull();
  });

  it('says nothing of left-out lines when the map is held in another window', () => {
    store.getState().setHeldElsewhere(true);
    expect(pasteNotes(store, lines(PASTE_LIMITS.maxLines + 20))).toBe(0);
    expect(noticeStore.getState().message).toBeNull();
  });

  it('tells when the clipboard held too much text to paste', () => {
    expect(pasteNotes(store, 'a'.repeat(PASTE_LIMITS.maxChars + 1))).toBe(0);
    expect(noticeStore.getState().message).toMatch(/^Nothing was pasted/);
  });

  it('pastes into the selected cell, after its notes, in the order the copied notes were read', () => {
    let cell = { stageId: '', laneId: '' };
    store.getState().edit('Structure', (draft) => {
      cell = {
        stageId: addHeader(draft, 'stage', 'Order') ?? '',
        laneId: addHeader(draft, 'lane', 'Touchpoints') ?? '',
      };
    });
    const scenarioId = store.getState().scenarioId ?? '';
    store.getState().edit('Note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Already there', scenarioId, ...cell, slot: 0 });
    });
    store.getState().selectCell(cell);
    // Two notes copied from far apart on the board: one lower left, one upper right.
    const far = JSON.stringify({
      type: 'journeywall/notes',
      notes: [
        { x: -900, y: 600, w: 180, h: 120, text: 'Second', color: 'green', z: 1 },
        { x: 2400, y: -300, w: 180, h: 120, text: 'First', color: 'green', z: 2 },
      ],
    });
    expect(pasteNotes(store, far)).toBe(2);
    const inCell = liveNotesByZ(store.getState().doc ?? { id: '', records: {} })
      .filter((note) => note.stageId === cell.stageId && note.laneId === cell.laneId)
      .sort((a, b) => a.slot - b.slot)
      .map((note) => note.text);
    expect(inCell).toEqual(['Already there', 'First', 'Second']);
  });
});
