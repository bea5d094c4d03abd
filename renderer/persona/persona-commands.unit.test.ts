import { describe, expect, it } from 'vitest';
import { activePersonaOf, personasOf } from '../../shared/journey/personas/persona-queries.ts';
import { mapRecordOf } from '../../shared/model/document.ts';
import { newMapDocument } from '../../shared/model/edits.ts';
import { createBoardStore } from '../store/index.ts';
import { addPersonaToMap, editPersonaField, removePersonaFromMap, showPersona } from './persona-commands.ts';

const storeWithMap = () => {
  const store = createBoardStore();
  store.getState().loadDocument(newMapDocument('Home printer toner'));
  return store;
};

const docOf = (store: ReturnType<typeof createBoardStore>) => {
  const { doc } = store.getState();
  if (!doc) throw new Error('no map open');
  return doc;
};

describe('persona commands on the board store', () => {
  it('adds a persona and makes it active in one undo step', () => {
    const store = storeWithMap();
    const id = addPersonaToMap(store);
    expect(store.getState().past.map((entry) => entry.label)).toEqual(['Add persona']);
    expect(mapRecordOf(docOf(store)).activePersonaId).toBe(id);

    store.getState().undo();
    expect(personasOf(docOf(store))).toEqual([]);
    expect(mapRecordOf(docOf(store)).activePersonaId).toBeNull();
  });

  it('shows a second persona as soon as it is added', () => {
    const store = storeWithMap();
    addPersonaToMap(store);
    const second = addPersonaToMap(store);
    expect(activePersonaOf(docOf(store))?.id).toBe(second);
  });

  it('edits one field in one undo step, and undo brings the old text back', () => {
    const store = storeWithMap();
    const id = addPersonaToMap(store) ?? '';
    editPersonaField(store, id, 'role', '  Office manager ');
    expect(store.getState().past.at(-1)?.label).toBe('Edit persona role');
    expect(activePersonaOf(docOf(store))?.role).toBe('Office manager');

    store.getState().undo();
    expect(activePersonaOf(docOf(store))?.role).toBe('');
    expect(store.getState().past).toHaveLength(1);
  });

  it('records nothing when the text does not change', () => {
    const store = storeWithMap();
    const id = addPersonaToMap(store) ?? '';
    editPersonaField(store, id, 'name', '   ');
    expect(store.getState().past).toHaveLength(1);
  });

  it('removes the active persona and moves to the next one, undone in one step', () => {
    const store = storeWithMap();
    const ana = addPersonaToMap(store) ?? '';
    editPersonaField(store, ana, 'name', 'Ana');
    const ben = addPersonaToMap(store) ?? '';
    editPersonaField(store, ben, 'name', 'Ben');
    showPersona(store, ana);
    const steps = store.getState().past.length;

    removePersonaFromMap(store, ana);
    expect(store.getState().past).toHaveLength(steps + 1);
    expect(activePersonaOf(docOf(store))?.name).toBe('Ben');
    expect(personasOf(docOf(store)).map((persona) => persona.name)).toEqual(['Ben']);

    store.getState().undo();
    expect(activePersonaOf(docOf(store))?.name).toBe('Ana');
    expect(personasOf(docOf(store)).map((persona) => persona.name)).toEqual(['Ana', 'Ben']);
  });

  it('switches the persona shown in one undo step', () => {
    const store = storeWithMap();
    const ana = addPersonaToMap(store) ?? '';
    const ben = addPersonaToMap(store) ?? '';
    const steps = store.getState().past.length;
    showPersona(store, ana);
    expect(store.getState().past).toHaveLength(steps + 1);
    expect(activePersonaOf(docOf(store))?.id).toBe(ana);
    store.getState().undo();
    expect(activePersonaOf(docOf(store))?.id).toBe(ben);
  });
});
