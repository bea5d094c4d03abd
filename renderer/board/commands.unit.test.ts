import { beforeEach, describe, expect, it } from 'vitest';
import { newMapFromTemplate } from '../../shared/journey/create-map.ts';
import { templateById } from '../../shared/journey/templates.ts';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { newMapDocument } from '../../shared/model/edits.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { pasteNotes } from './clipboard.ts';
import {
  applyColor,
  bringSelectionToFront,
  commitEditing,
  deleteSelection,
  duplicateSelection,
  nudgeSelection,
  selectAll,
  startNewNote,
  stepOut,
  zoomIn,
  zoomToFit,
} from './commands.ts';
import { boardLayout, orderedNotes } from './note-order.ts';
import { pointerOrCentre, setLastPointer } from './pointer.ts';

let store: BoardStore;
const notes = (): NoteRecord[] => {
  const doc = store.getState().doc;
  return doc ? liveNotesByZ(doc) : [];
};

/** Types a run of notes the way a facilitator does: N, text, Tab, text, Tab... Enter. */
const typeRun = (texts: string[]) => {
  startNewNote(store, { x: 100, y: 100 });
  for (const [index, text] of texts.entries())
    commitEditing(store, text, index === texts.length - 1 ? 'done' : 'next');
};

/** Loads a map from the customer-experience template and returns its grid as drawn. */
const loadJourneyMap = () => {
  const template = templateById('customer-experience');
  if (!template) throw new Error('no template');
  store.getState().loadDocument(newMapFromTemplate(template, 'Toner'));
  return boardLayout(store.getState().doc, store.getState().scenarioId);
};

beforeEach(() => {
  store = createBoardStore();
  store.getState().loadDocument(newMapDocument('Toner'));
  store.getState().setCanvasSize({ width: 1000, height: 800 });
});

describe('typing notes from the keyboard', () => {
  it('adds each typed note as one undo step and places the next beside it', () => {
    typeRun(['Sees an ad', 'Visits the website', 'Orders toner']);
    const typed = notes();
    expect(typed.map((n) => n.text)).toEqual(['Sees an ad', 'Visits the website', 'Orders toner']);
    expect(typed[1]?.x).toBeGreaterThan(typed[0]?.x ?? Number.POSITIVE_INFINITY);
    expect(typed[1]?.y).toBe(typed[0]?.y);
    expect(store.getState().past).toHaveLength(3);
    expect(store.getState().editing).toBeNull();
    expect([...store.getState().selection]).toEqual([typed[2]?.id]);
    store.getState().undo();
    expect(notes().map((n) => n.text)).toEqual(['Sees an ad', 'Visits the website']);
  });

  it('never adds a note left empty', () => {
    startNewNote(store, { x: 0, y: 0 });
    commitEditing(store, '   ', 'done');
    expect(notes()).toHaveLength(0);
    expect(store.getState().past).toHaveLength(0);
  });

  it('edits an existing note text as one step, undone in one step', () => {
    typeRun(['Calls support']);
    const [note] = notes();
    store.getState().startEditing({ kind: 'existing', id: note?.id as string });
    commitEditing(store, 'Calls support twice', 'done');
    expect(notes()[0]?.text).toBe('Calls support twice');
    store.getState().undo();
    expect(notes()[0]?.text).toBe('Calls support');
    store.getState().redo();
    expect(notes()[0]?.text).toBe('Calls support twice');
  });
});

describe('undo and redo', () => {
  it('bump the version of the records they restore, so copies reconcile', () => {
    typeRun(['a']);
    const [created] = notes();
    applyColor(store, 'pink');
    store.getState().undo();
    const [restored] = notes();
    expect(restored?.color).toBe('yellow');
    expect(restored?.version).toBeGreaterThan(created?.version ?? 0);
  });

  it('restore deleted notes and drop the redo branch on a new edit', () => {
    typeRun(['a', 'b']);
    selectAll(store);
    deleteSelection(store);
    expect(notes()).toHaveLength(0);
    store.getState().undo();
    expect(notes().map((n) => n.text)).toEqual(['a', 'b']);
    store.getState().undo();
    expect(store.getState().future).toHaveLength(2);
    typeRun(['c']);
    expect(store.getState().future).toHaveLength(0);
  });
});

describe('selection commands', () => {
  it('duplicate, recolour, nudge and bring to front the selection', () => {
    typeRun(['a', 'b']);
    const [a, b] = notes();
    store.getState().select([a?.id as string]);
    duplicateSelection(store);
    const copy = notes().at(-1);
    expect(copy).toMatchObject({ text: 'a', x: (a?.x ?? 0) + 20, y: (a?.y ?? 0) + 20 });
    expect([...store.getState().selection]).toEqual([copy?.id]);
    applyColor(store, 'green');
    expect(notes().at(-1)?.color).toBe('green');
    nudgeSelection(store, 10, 0);
    expect(notes().at(-1)?.x).toBe((a?.x ?? 0) + 30);
    store.getState().select([a?.id as string]);
    bringSelectionToFront(store);
    expect(notes().at(-1)?.id).toBe(a?.id);
    expect(notes().map((n) => n.id)).toContain(b?.id);
  });

  it('with nothing selected, a colour applies to the next notes', () => {
    applyColor(store, 'purple');
    typeRun(['idea']);
    expect(notes()[0]?.color).toBe('purple');
    expect(store.getState().past).toHaveLength(1);
  });
});

describe('paste', () => {
  it('pastes copied notes at the pointer with new ids, as one step', () => {
    typeRun(['a', 'b']);
    const json = JSON.stringify({
      type: 'journeywall/notes',
      notes: notes().map(({ x, y, w, h, text, color, z }) => ({ x, y, w, h, text, color, z })),
    });
    setLastPointer(store, { x: 2000, y: 2000 });
    expect(pasteNotes(store, json)).toBe(2);
    const pasted = notes().slice(2);
    expect(pasted.map((n) => n.text)).toEqual(['a', 'b']);
    expect(pasted[0]?.x).toBeGreaterThan(1500);
    expect(store.getState().past).toHaveLength(3);
  });

  it('places a note from the keyboard at the pointer over its own board, else mid-screen', () => {
    const other = createBoardStore();
    other.getState().setCanvasSize({ width: 1000, height: 800 });
    setLastPointer(store, { x: 100, y: 700 });
    expect(pointerOrCentre(store)).toEqual({ x: 100, y: 700 });
    expect(pointerOrCentre(other)).toEqual({ x: 500, y: 400 });
    setLastPointer(store, null);
    expect(pointerOrCentre(store)).toEqual({ x: 500, y: 400 });
  });

  it('turns plain text into one note per line and refuses hostile JSON', () => {
    expect(pasteNotes(store, 'Sees an ad\n\nCalls support\r\n')).toBe(2);
    expect(notes().map((n) => n.text)).toEqual(['Sees an ad', 'Calls support']);
    const hostile = JSON.stringify({
      type: 'journeywall/notes',
      notes: [{ x: 1e300, y: 0, w: 1, h: 1, text: 1, color: 'x', z: 0 }],
    });
    pasteNotes(store, hostile);
    expect(notes().every((n) => Number.isFinite(n.x) && n.x < 1e7)).toBe(true);
  });
});

describe('zoom', () => {
  it('steps in about the centre and fits all notes', () => {
    zoomIn(store);
    expect(store.getState().viewport.scale).toBe(1.25);
    typeRun(['a']);
    startNewNote(store, { x: 5000, y: 3000 });
    commitEditing(store, 'far away', 'done');
    zoomToFit(store);
    const { scale } = store.getState().viewport;
    expect(scale).toBeLessThan(0.25);
    expect(scale).toBeGreaterThan(0.1);
  });
});

describe('typing into the journey grid', () => {
  it('puts a run of notes typed in a cell into that cell, in order, wrapping inside it', () => {
    const layout = loadJourneyMap();
    const purchase = layout.stages.find((column) => column.stage.name === 'Purchase');
    const touchpoints = layout.lanes.find((row) => row.lane.role === 'touchpoints');
    if (!purchase || !touchpoints) throw new Error('template incomplete');
    startNewNote(store, { x: purchase.x + 50, y: touchpoints.y + 50 });
    for (const [index, text] of ['Order page', 'Cartridge finder', 'Confirmation email'].entries()) {
      commitEditing(store, text, index === 2 ? 'done' : 'next');
    }
    const placed = boardLayout(store.getState().doc, store.getState().scenarioId).notes;
    expect(placed.map((note) => [note.text, note.stageId, note.laneId])).toEqual([
      ['Order page', purchase.stage.id, touchpoints.lane.id],
      ['Cartridge finder', purchase.stage.id, touchpoints.lane.id],
      ['Confirmation email', purchase.stage.id, touchpoints.lane.id],
    ]);
    for (const note of placed) {
      expect(note.x).toBeGreaterThanOrEqual(purchase.x);
      expect(note.x + note.w).toBeLessThanOrEqual(purchase.x + purchase.w);
    }
    expect(placed[2]?.y).toBeGreaterThan(placed[0]?.y ?? 0);
    expect(store.getState().past).toHaveLength(3);
  });

  it('a note typed into a lane takes its kind; the cell stays current; a note steps back to its cell', () => {
    const layout = loadJourneyMap();
    const [stage] = layout.stages;
    const touchpoints = layout.lanes.find((row) => row.lane.role === 'touchpoints');
    const thoughts = layout.lanes.find((row) => row.lane.role === 'thoughts');
    if (!stage || !touchpoints || !thoughts) throw new Error('template incomplete');
    const cell = { stageId: stage.stage.id, laneId: touchpoints.lane.id };
    startNewNote(store, { x: stage.x + 50, y: touchpoints.y + 50 });
    expect(store.getState().editing).toMatchObject({ color: 'blue' });
    commitEditing(store, 'Order page', 'done');
    expect(store.getState().selection.size).toBe(0);
    expect(store.getState().selectedCell).toEqual(cell);
    const notes = () => orderedNotes(store.getState().doc, store.getState().scenarioId);
    expect(notes().map(({ text, kind, color }) => ({ text, kind, color }))).toEqual([
      { text: 'Order page', kind: 'touchpoint', color: 'blue' },
    ]);

    startNewNote(store, { x: stage.x + 50, y: thoughts.y + 50 });
    commitEditing(store, '“Why is it out of stock again?”', 'done');
    startNewNote(store, { x: stage.x + 50, y: thoughts.y + 50 });
    commitEditing(store, 'Annoyed', 'done');
    expect(notes().map(({ kind, color }) => ({ kind, color }))).toEqual([
      { kind: 'touchpoint', color: 'blue' },
      { kind: 'quote', color: 'grey' },
      { kind: 'note', color: 'yellow' },
    ]);

    store.getState().select([notes()[0]?.id ?? '']);
    stepOut(store);
    expect(store.getState().selectedCell).toEqual(cell);
    stepOut(store);
    expect(store.getState().selectedCell).toBeNull();
  });

  it('leaves a note in a cell where it is when nudged: no move, no undo step', () => {
    const layout = loadJourneyMap();
    const [first] = layout.stages;
    const lane = layout.lanes.find((row) => row.lane.role !== 'emotion');
    startNewNote(store, { x: (first?.x ?? 0) + 50, y: (lane?.y ?? 0) + 50 });
    commitEditing(store, 'In a cell', 'done');
    store
      .getState()
      .select(orderedNotes(store.getState().doc, store.getState().scenarioId).map((note) => note.id));
    const before = store.getState().doc;
    nudgeSelection(store, 10, 0);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(1);
  });

  it('duplicates and pastes a note of a cell into the cell under the copy, after its notes', () => {
    const layout = loadJourneyMap();
    const [first] = layout.stages;
    const lane = layout.lanes.find((row) => row.lane.role !== 'emotion');
    if (!first || !lane) throw new Error('template incomplete');
    startNewNote(store, { x: first.x + 50, y: lane.y + 50 });
    commitEditing(store, 'Original', 'next');
    commitEditing(store, 'Second', 'done');
    const original = notes().find((note) => note.text === 'Original');
    store.getState().select([original?.id as string]);
    duplicateSelection(store);
    const json = JSON.stringify({
      type: 'journeywall/notes',
      notes: [{ x: 0, y: 0, w: 180, h: 120, text: 'Pasted', color: 'yellow', z: 0 }],
    });
    store.getState().setViewport({ x: 500 - (first.x + 100), y: 400 - (lane.y + 80), scale: 1 });
    pasteNotes(store, json);
    const drawn = boardLayout(store.getState().doc, store.getState().scenarioId).notes;
    const inCell = drawn
      .filter((note) => note.stageId === first.stage.id && note.laneId === lane.lane.id)
      .sort((a, b) => a.slot - b.slot);
    expect(inCell.map((note) => note.text)).toEqual(['Original', 'Second', 'Original', 'Pasted']);
    for (const note of inCell) {
      expect(note.x).toBeGreaterThanOrEqual(first.x);
      expect(note.x + note.w).toBeLessThanOrEqual(first.x + first.w);
    }
    expect(store.getState().past).toHaveLength(4);
  });

  it('adds no note in the emotion lane, which holds the emotion curve', () => {
    const template = templateById('lifecycle');
    if (!template) throw new Error('no template');
    store.getState().loadDocument(newMapFromTemplate(template, 'Lifecycle'));
    const layout = boardLayout(store.getState().doc, store.getState().scenarioId);
    const emotion = layout.lanes.find((row) => row.lane.role === 'emotion');
    startNewNote(store, { x: 20, y: (emotion?.y ?? 0) + 20 });
    expect(store.getState().editing).toBeNull();
  });
});
