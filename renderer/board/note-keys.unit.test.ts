import { beforeEach, describe, expect, it } from 'vitest';
import { newMapFromTemplate } from '../../shared/journey/create-map.ts';
import { templateById } from '../../shared/journey/templates.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { noticeStore } from '../ui/notice-store.ts';
import { typeIntoSelectedCell } from './cell-typing.ts';
import { commitEditing, startNewNote } from './commands.ts';
import { createNoteKeys } from './note-keys.ts';
import { boardLayout, orderedNotes } from './note-order.ts';
import type { KeyPress } from './shortcuts.ts';

let store: BoardStore;
let noteKeys: (event: KeyPress) => boolean;

/** A key as the board's keydown handler passes it: the cell cursor first, then the note keys. */
const press = (key: string, shiftKey = false): boolean => {
  const event: KeyPress = { key, code: '', shiftKey, ctrlKey: false, metaKey: false, altKey: false };
  return typeIntoSelectedCell(store, event) || noteKeys(event);
};

const notes = (): readonly NoteRecord[] => orderedNotes(store.getState().doc, store.getState().scenarioId);
const selectedTexts = () =>
  notes()
    .filter((note) => store.getState().selection.has(note.id))
    .map((n) => n.text);

const laneCell = (role: string) => {
  const layout = boardLayout(store.getState().doc, store.getState().scenarioId);
  const [first, second] = layout.stages;
  const row = layout.lanes.find((candidate) => candidate.lane.role === role);
  if (!first || !second || !row) throw new Error('template incomplete');
  return {
    cell: { stageId: first.stage.id, laneId: row.lane.id },
    right: { stageId: second.stage.id, laneId: row.lane.id },
    centre: { x: first.x + first.w / 2, y: row.y + row.h / 2 },
  };
};

const typeInto = (at: { x: number; y: number }, texts: readonly string[]) => {
  startNewNote(store, at);
  for (const [index, text] of texts.entries())
    commitEditing(store, text, index === texts.length - 1 ? 'done' : 'next');
};

beforeEach(() => {
  const template = templateById('customer-experience');
  if (!template) throw new Error('no template');
  store = createBoardStore();
  store.getState().loadDocument(newMapFromTemplate(template, 'Toner'));
  noteKeys = createNoteKeys(store);
  noticeStore.getState().dismiss();
});

describe('the cell cursor and the notes of a cell', () => {
  it('Tab goes through the notes of the cell and back to the cell; Shift+Tab the other way', () => {
    const { cell, centre } = laneCell('touchpoints');
    typeInto(centre, ['Website', 'Phone call', 'Shop']);
    expect(store.getState().selectedCell).toEqual(cell);
    expect(press('Tab')).toBe(true);
    expect(selectedTexts()).toEqual(['Website']);
    press('Tab');
    press('Tab');
    expect(selectedTexts()).toEqual(['Shop']);
    press('Tab');
    expect(store.getState().selectedCell).toEqual(cell);
    press('Tab', true);
    expect(selectedTexts()).toEqual(['Shop']);
    press('Tab', true);
    expect(selectedTexts()).toEqual(['Phone call']);
  });

  it('the arrow keys on a note of a cell move the cell cursor; typing there starts a note', () => {
    const { right, centre } = laneCell('touchpoints');
    typeInto(centre, ['Website']);
    press('Tab');
    press('ArrowRight');
    expect(store.getState().selection.size).toBe(0);
    expect(store.getState().selectedCell).toEqual(right);
    press('E');
    expect(store.getState().editing).toMatchObject({ kind: 'new', text: 'E', cell: right });
  });
});

describe('classifying the selection from the keyboard', () => {
  it('kind keys set the kind, and the same key again makes a plain note', () => {
    const { centre } = laneCell('thoughts');
    typeInto(centre, ['Too expensive']);
    press('Tab');
    press('q');
    expect(notes()[0]).toMatchObject({ kind: 'quote', color: 'grey' });
    press('Q', true);
    expect(notes()[0]).toMatchObject({ kind: 'question' });
    press('Q', true);
    expect(notes()[0]).toMatchObject({ kind: 'note', color: 'yellow' });
    press('b');
    expect(notes()[0]).toMatchObject({ kind: 'breakdown', color: 'pink' });
  });

  it('channel, stamp and the three ratings of a touchpoint, each one undo step', () => {
    const { centre } = laneCell('touchpoints');
    typeInto(centre, ['Order page']);
    press('Tab');
    const before = store.getState().past.length;
    press('c');
    press('c');
    press('s');
    press('r');
    expect(noticeStore.getState().message).toMatch(/^Effortless: type 1–5/);
    press('4');
    press('2');
    press('0');
    expect(notes()[0]).toMatchObject({
      kind: 'touchpoint',
      channel: 'phone',
      wow: true,
      ratings: { effortless: 4, productive: 2, painless: null },
      color: 'blue',
    });
    expect(store.getState().past.length - before).toBe(6);
    // The ratings are typed: the next digit is a colour key again, not a rating.
    expect(press('3')).toBe(false);
  });

  it('Escape ends the ratings without changing more; channel keys on a plain note say what they are for', () => {
    const { centre } = laneCell('thoughts');
    typeInto(centre, ['Waiting']);
    press('Tab');
    press('c');
    expect(noticeStore.getState().message).toBe(
      'Channel, stamp and ratings are for touchpoints: press T to make the note one.',
    );
    press('t');
    press('r');
    press('5');
    expect(press('Escape')).toBe(true);
    expect(press('3')).toBe(false);
    expect(notes()[0]).toMatchObject({ ratings: { effortless: 5, productive: null, painless: null } });
  });
});
