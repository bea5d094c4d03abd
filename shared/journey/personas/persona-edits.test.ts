import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapRecordOf } from '../../model/document.ts';
import { addNote, type MutableDocument, newMapDocument } from '../../model/edits.ts';
import type { JourneyRecord } from '../../model/records.ts';
import {
  addPersona as addPersonaOrRefused,
  removePersona,
  setActivePersona,
  updatePersona,
} from './persona-edits.ts';
import { activePersonaOf, personasOf } from './persona-queries.ts';

/** Adds, failing the test if the map refuses (it is far from its limits here). */
const addPersona = (...args: Parameters<typeof addPersonaOrRefused>): string => {
  const id = addPersonaOrRefused(...args);
  if (id === null) throw new Error('refused: the map is at its limit');
  return id;
};

const blankMap = (): MutableDocument => {
  const doc = newMapDocument('Home printer toner', 1000);
  return { id: doc.id, records: { ...doc.records } };
};

const activeId = (doc: MutableDocument) => mapRecordOf(doc).activePersonaId;

describe('adding a persona', () => {
  it('stores the texts given, trimmed, and leaves the others blank', () => {
    const doc = blankMap();
    const id = addPersona(doc, { name: '  Mia  ', role: ' Office manager\n' }, 5000);
    expect(doc.records[id]).toEqual({
      id,
      type: 'persona',
      name: 'Mia',
      role: 'Office manager',
      goals: '',
      needs: '',
      frustrations: '',
      quote: '',
      version: 1,
      versionNonce: expect.any(Number),
      updated: 5000,
      isDeleted: false,
    });
  });

  it('makes the first persona of a map the active one', () => {
    const doc = blankMap();
    const map = mapRecordOf(doc);
    const id = addPersona(doc, { name: 'Mia' }, 5000);
    expect(activeId(doc)).toBe(id);
    expect(mapRecordOf(doc)).toMatchObject({ version: map.version + 1, updated: 5000 });
  });

  it('keeps the active persona when the map already has one', () => {
    const doc = blankMap();
    const mia = addPersona(doc, { name: 'Mia' });
    const mapBefore = mapRecordOf(doc);
    const tom = addPersona(doc, { name: 'Tom' });
    expect(activeId(doc)).toBe(mia);
    expect(mapRecordOf(doc)).toBe(mapBefore);
    expect(personasOf(doc).map((persona) => persona.id)).toEqual([mia, tom]);
  });

  it('makes the new persona active when the map names one that was removed', () => {
    const doc = blankMap();
    const gone = addPersona(doc, { name: 'Mia' });
    doc.records[gone] = { ...(doc.records[gone] as JourneyRecord), isDeleted: true } as JourneyRecord;
    const id = addPersona(doc, { name: 'Tom' });
    expect(activeId(doc)).toBe(id);
  });

  it('cuts texts to their limits: 500 for the name, 10,000 for the others', () => {
    const doc = blankMap();
    const id = addPersona(doc, { name: 'N'.repeat(600), quote: 'q'.repeat(10_050) });
    expect(doc.records[id]).toMatchObject({ name: 'N'.repeat(500), quote: 'q'.repeat(10_000) });
  });
});

describe('changing a persona', () => {
  it('changes the texts given, trimmed, and bumps the version', () => {
    const doc = blankMap();
    const id = addPersona(doc, { name: 'Mia', role: 'Office manager' });
    updatePersona(doc, id, { goals: '  Never run out of toner  ', needs: 'Reorder in one click' }, 7000);
    expect(doc.records[id]).toMatchObject({
      name: 'Mia',
      role: 'Office manager',
      goals: 'Never run out of toner',
      needs: 'Reorder in one click',
      version: 2,
      updated: 7000,
    });
  });

  it('cuts a long name to 500 characters and long texts to 10,000', () => {
    const doc = blankMap();
    const id = addPersona(doc);
    updatePersona(doc, id, { name: ` ${'M'.repeat(501)}`, frustrations: 'f'.repeat(12_000) });
    expect(doc.records[id]).toMatchObject({ name: 'M'.repeat(500), frustrations: 'f'.repeat(10_000) });
  });

  it('can clear a text', () => {
    const doc = blankMap();
    const id = addPersona(doc, { name: 'Mia', quote: 'Not again!' });
    updatePersona(doc, id, { quote: '   ' });
    expect(doc.records[id]).toMatchObject({ quote: '' });
  });

  it('makes no new version when nothing changes', () => {
    const doc = blankMap();
    const id = addPersona(doc, { name: 'Mia' });
    const before = doc.records[id];
    updatePersona(doc, id, { name: ' Mia ' });
    expect(doc.records[id]).toBe(before);
  });

  it('leaves a removed persona, a missing one and other records alone', () => {
    const doc = blankMap();
    const id = addPersona(doc, { name: 'Mia' });
    removePersona(doc, id);
    const note = addNote(doc, { x: 0, y: 0, text: 'Orders toner' });
    const before = { ...doc.records };
    updatePersona(doc, id, { name: 'Back' });
    updatePersona(doc, 'nope', { name: 'Ghost' });
    updatePersona(doc, note.id, { name: 'Note' });
    expect(doc.records).toEqual(before);
  });
});

describe('removing a persona', () => {
  it('tombstones it and makes the next persona active', () => {
    const doc = blankMap();
    const ana = addPersona(doc, { name: 'Ana' });
    const ben = addPersona(doc, { name: 'Ben' });
    const cleo = addPersona(doc, { name: 'Cleo' });
    setActivePersona(doc, ben);

    expect(removePersona(doc, ben, 9000)).toBe('removed');

    expect(doc.records[ben]).toMatchObject({ isDeleted: true, version: 2, updated: 9000 });
    expect(activeId(doc)).toBe(cleo);
    expect(personasOf(doc).map((persona) => persona.id)).toEqual([ana, cleo]);
  });

  it('falls back to the persona before when the last one in order goes', () => {
    const doc = blankMap();
    const ana = addPersona(doc, { name: 'Ana' });
    const ben = addPersona(doc, { name: 'Ben' });
    setActivePersona(doc, ben);
    removePersona(doc, ben);
    expect(activeId(doc)).toBe(ana);
  });

  it('leaves no active persona when the only one goes', () => {
    const doc = blankMap();
    const mia = addPersona(doc, { name: 'Mia' });
    removePersona(doc, mia);
    expect(activeId(doc)).toBeNull();
    expect(activePersonaOf(doc)).toBeNull();
  });

  it('keeps the active persona when another one goes', () => {
    const doc = blankMap();
    const ana = addPersona(doc, { name: 'Ana' });
    const ben = addPersona(doc, { name: 'Ben' });
    const mapBefore = mapRecordOf(doc);
    removePersona(doc, ben);
    expect(activeId(doc)).toBe(ana);
    expect(mapRecordOf(doc)).toBe(mapBefore);
  });

  it('reports a persona that is not there or already removed', () => {
    const doc = blankMap();
    const mia = addPersona(doc, { name: 'Mia' });
    expect(removePersona(doc, 'nope')).toBe('missing');
    expect(removePersona(doc, doc.id)).toBe('missing');
    expect(removePersona(doc, mia)).toBe('removed');
    expect(removePersona(doc, mia)).toBe('missing');
  });
});

describe('choosing the active persona', () => {
  it('names it on the map record, with a new version of the map', () => {
    const doc = blankMap();
    addPersona(doc, { name: 'Ana' });
    const ben = addPersona(doc, { name: 'Ben' });
    const map = mapRecordOf(doc);
    setActivePersona(doc, ben, 8000);
    expect(mapRecordOf(doc)).toMatchObject({ activePersonaId: ben, version: map.version + 1, updated: 8000 });
    expect(activePersonaOf(doc)?.name).toBe('Ben');
  });

  it('can choose none', () => {
    const doc = blankMap();
    addPersona(doc, { name: 'Ana' });
    setActivePersona(doc, null);
    expect(activeId(doc)).toBeNull();
  });

  it('ignores ids that are not a live persona', () => {
    const doc = blankMap();
    const ana = addPersona(doc, { name: 'Ana' });
    const ben = addPersona(doc, { name: 'Ben' });
    removePersona(doc, ben);
    const note = addNote(doc, { x: 0, y: 0 });
    for (const id of [ben, note.id, 'nope', 'constructor']) setActivePersona(doc, id);
    expect(activeId(doc)).toBe(ana);
  });
});

describe('personas of a map', () => {
  it('lists the live ones by name', () => {
    const doc = blankMap();
    const cleo = addPersona(doc, { name: 'Cleo' });
    const ana = addPersona(doc, { name: 'ana' });
    const gone = addPersona(doc, { name: 'Ben' });
    removePersona(doc, gone);
    expect(personasOf(doc).map((persona) => persona.id)).toEqual([ana, cleo]);
  });

  it('shows the first persona when the map names none that is live', () => {
    const doc = blankMap();
    const ben = addPersona(doc, { name: 'Ben' });
    const ana = addPersona(doc, { name: 'Ana' });
    setActivePersona(doc, null);
    expect(activePersonaOf(doc)?.id).toBe(ana);
    setActivePersona(doc, ben);
    expect(activePersonaOf(doc)?.id).toBe(ben);
  });

  it('always has a live active persona while it has any, after any adds, removes and switches', () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const), name: fc.string({ maxLength: 4 }) }),
      fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('switch' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const doc = blankMap();
        for (const action of steps) {
          const personas = personasOf(doc);
          const picked =
            personas.length > 0 && 'pick' in action ? personas[action.pick % personas.length] : null;
          if (action.op === 'add') addPersona(doc, { name: action.name });
          else if (action.op === 'remove' && picked) removePersona(doc, picked.id);
          else if (action.op === 'switch' && picked) setActivePersona(doc, picked.id);
          const live = personasOf(doc).map((persona) => persona.id);
          const active = activeId(doc);
          if (live.length === 0) expect(active).toBeNull();
          else expect(live).toContain(active);
        }
      }),
    );
  });
});
