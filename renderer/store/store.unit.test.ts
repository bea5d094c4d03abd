import { beforeEach, describe, expect, it } from 'vitest';
import { addHeader } from '../../shared/journey/structure-edits.ts';
import { type JourneyDocument, scenariosOf } from '../../shared/model/document.ts';
import { addNote, newMapDocument } from '../../shared/model/edits.ts';
import { recordsOfType } from '../../shared/model/records-by-type.ts';
import { type BoardStore, createBoardStore } from './index.ts';

let store: BoardStore;

beforeEach(() => {
  store = createBoardStore();
  store.getState().loadDocument(newMapDocument('Session'));
});

describe('undo and redo leave no stale session state', () => {
  it('clear the selected header, cell and renaming when their stage is gone', () => {
    let stageId = '';
    let laneId = '';
    store.getState().edit('Add lane', (draft) => {
      laneId = addHeader(draft, 'lane', 'Actions') ?? '';
    });
    store.getState().edit('Add stage', (draft) => {
      stageId = addHeader(draft, 'stage', 'Purchase') ?? '';
    });
    store.getState().selectCell({ stageId, laneId });
    store.getState().undo();
    expect(store.getState().selectedCell).toBeNull();

    store.getState().redo();
    store.getState().selectHeader({ kind: 'stage', id: stageId });
    store.getState().startRenaming({ kind: 'stage', id: stageId });
    store.getState().undo();
    expect(store.getState().selectedHeader).toBeNull();
    expect(store.getState().renaming).toBeNull();
  });

  it('keep what still exists selected', () => {
    let laneId = '';
    store.getState().edit('Add lane', (draft) => {
      laneId = addHeader(draft, 'lane', 'Actions') ?? '';
    });
    store.getState().edit('Add stage', (draft) => {
      addHeader(draft, 'stage', 'Purchase');
    });
    store.getState().selectHeader({ kind: 'lane', id: laneId });
    store.getState().undo();
    expect(store.getState().selectedHeader).toEqual({ kind: 'lane', id: laneId });
  });
});

it('selecting a header unselects the selected cell, so typing no longer starts a note there', () => {
  store.getState().selectCell({ stageId: 's', laneId: 'l' });
  store.getState().selectHeader({ kind: 'stage', id: 's' });
  expect(store.getState().selectedCell).toBeNull();
});

it('undo and redo show the scenario the step was made in', () => {
  const doc = store.getState().doc;
  if (!doc) throw new Error('no map');
  const [current, ideal] = scenariosOf(doc);
  if (!current || !ideal) throw new Error('no scenarios');
  store.getState().setScenario(ideal.id);
  store.getState().edit('Add note', (draft) => {
    addNote(draft, { x: 0, y: 0, text: 'Ideal step', scenarioId: ideal.id });
  });
  store.getState().setScenario(current.id);
  store.getState().undo();
  expect(store.getState().scenarioId).toBe(ideal.id);
  store.getState().setScenario(current.id);
  store.getState().redo();
  expect(store.getState().scenarioId).toBe(ideal.id);
});

describe('a map as the store holds it', () => {
  it('is split by type once, opened, followed or undone, until its next edit', () => {
    // Parsed, as from storage or a file: nothing of it frozen.
    const opened: JourneyDocument = JSON.parse(JSON.stringify(newMapDocument('Opened from a file')));
    store.getState().loadDocument(opened);
    // The same split for every query: the records were not walked again.
    expect(recordsOfType(opened, 'map')).toBe(recordsOfType(opened, 'map'));
    // Held as it was handed over, so autosave still knows it for the map it opened.
    expect(store.getState().doc).toBe(opened);

    const copy: JourneyDocument = JSON.parse(JSON.stringify(newMapDocument('Another window')));
    store.getState().follow(copy, Object.keys(copy.records));
    expect(recordsOfType(copy, 'map')).toBe(recordsOfType(copy, 'map'));

    store.getState().loadDocument(opened);
    store.getState().edit('Add note', (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'Undone' });
    });
    store.getState().undo();
    const undone = store.getState().doc;
    if (!undone) throw new Error('no map');
    expect(recordsOfType(undone, 'map')).toBe(recordsOfType(undone, 'map'));
  });
});
