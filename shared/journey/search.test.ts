import { describe, expect, it } from 'vitest';
import { mapRecordOf } from '../model/document.ts';
import { addNote, deleteRecords } from '../model/edits.ts';
import type { PersonaRecord } from '../model/journey-records.ts';
import { freshBookkeeping, updateRecord } from '../model/update.ts';
import { layoutGrid } from './layout.ts';
import { testMap } from './scenarios/test-support.ts';
import { normalizeForSearch, searchMap } from './search.ts';
import { renameHeader, setLaneHidden } from './structure-edits.ts';

const search = (map: ReturnType<typeof testMap>, query: string, scenarioId = map.currentId) =>
  searchMap(map.doc, layoutGrid(map.doc, scenarioId), query);

const summary = (map: ReturnType<typeof testMap>, query: string) =>
  search(map, query).map((match) => `${match.kind}:${match.text}`);

const addPersona = (
  map: ReturnType<typeof testMap>,
  fields: Partial<Omit<PersonaRecord, 'id' | 'type'>> & { id: string },
): void => {
  map.doc.records[fields.id] = {
    ...freshBookkeeping(fields.id),
    type: 'persona',
    name: '',
    role: '',
    goals: '',
    needs: '',
    frustrations: '',
    quote: '',
    ...fields,
  };
};

describe('searchMap', () => {
  it('finds the notes of the shown scenario whose text contains the query', () => {
    const map = testMap();
    const order = map.put('Purchase', 'Touchpoints', {
      text: 'Order page on the website',
      kind: 'touchpoint',
    });
    map.put('Purchase', 'Customer actions', { text: 'Compares toner prices' });
    map.put('Use', 'Touchpoints', { text: 'Web order form', scenarioId: map.idealId });
    const matches = search(map, 'order');
    expect(matches).toEqual([{ kind: 'note', id: order.id, text: 'Order page on the website' }]);
    expect(search(map, 'order', map.idealId).map((match) => match.text)).toEqual(['Web order form']);
  });

  it('ignores case and accents on either side, and white space breaking a line', () => {
    const map = testMap();
    map.put('Use', 'Thoughts and feelings', { text: 'Le CAFÉ était froid' });
    map.put('Use', 'Thoughts and feelings', { text: 'Naïve\nquestion', slot: 1 });
    expect(summary(map, 'cafe')).toEqual(['note:Le CAFÉ était froid']);
    expect(summary(map, 'Café')).toEqual(['note:Le CAFÉ était froid']);
    expect(summary(map, 'ETAIT')).toEqual(['note:Le CAFÉ était froid']);
    expect(summary(map, 'naive question')).toEqual(['note:Naïve\nquestion']);
    expect(summary(map, 'froide')).toEqual([]);
  });

  it('normalizes to lower case without diacritics or ligatures', () => {
    expect(normalizeForSearch('Ça ÉTÉ Ångström ﬁle')).toBe('ca ete angstrom file');
  });

  it('finds nothing for an empty or blank query', () => {
    const map = testMap();
    map.put('Use', 'Touchpoints', { text: 'Anything' });
    expect(search(map, '')).toEqual([]);
    expect(search(map, '   ')).toEqual([]);
  });

  it('skips deleted notes, notes of hidden lanes and hidden lane names', () => {
    const map = testMap();
    const gone = map.put('Use', 'Touchpoints', { text: 'Toner gone' });
    map.put('Use', 'Metrics', { text: 'Toner reorder rate' });
    deleteRecords(map.doc, [gone.id]);
    setLaneHidden(map.doc, map.laneId('Metrics'), true);
    expect(summary(map, 'toner')).toEqual([]);
    expect(summary(map, 'metrics')).toEqual([]);
  });

  it('finds stage and lane headers', () => {
    const map = testMap();
    expect(summary(map, 'purchase')).toEqual([
      'stage:Purchase',
      'stage:Post-purchase',
      'stage:Repeat purchases',
    ]);
    expect(summary(map, 'backstage')).toEqual(['lane:Backstage (employees and systems)']);
    renameHeader(map.doc, map.stageId('Use'), 'Everyday use');
    expect(search(map, 'everyday')).toEqual([
      { kind: 'stage', id: map.stageId('Everyday use'), text: 'Everyday use' },
    ]);
  });

  it("finds every field of the map's personas, the active persona first", () => {
    const map = testMap();
    addPersona(map, {
      id: 'p-zoe',
      name: 'Zoé',
      role: 'Office manager',
      quote: 'I just want the printer to work',
    });
    addPersona(map, {
      id: 'p-ada',
      name: 'Ada',
      goals: 'Print reports on time',
      needs: 'Toner before it runs out',
      frustrations: 'The printer stops mid-report',
    });
    map.doc.records[map.doc.id] = updateRecord(mapRecordOf(map.doc), { activePersonaId: 'p-zoe' });
    expect(search(map, 'print')).toEqual([
      { kind: 'persona', id: 'p-zoe', field: 'quote', text: 'I just want the printer to work' },
      { kind: 'persona', id: 'p-ada', field: 'goals', text: 'Print reports on time' },
      { kind: 'persona', id: 'p-ada', field: 'frustrations', text: 'The printer stops mid-report' },
    ]);
    expect(search(map, 'zoe')).toEqual([{ kind: 'persona', id: 'p-zoe', field: 'name', text: 'Zoé' }]);
    expect(search(map, 'manager')).toEqual([
      { kind: 'persona', id: 'p-zoe', field: 'role', text: 'Office manager' },
    ]);
    expect(search(map, 'runs out')).toEqual([
      { kind: 'persona', id: 'p-ada', field: 'needs', text: 'Toner before it runs out' },
    ]);
    deleteRecords(map.doc, ['p-ada']);
    expect(search(map, 'report')).toEqual([]);
  });

  it('lists headers, then notes stage by stage, lane by lane, in cell order, then notes outside the grid', () => {
    const map = testMap();
    addPersona(map, { id: 'p', name: 'Ink buyer' });
    map.put('Use', 'Touchpoints', { text: 'ink: use, touchpoint, second', slot: 2 });
    map.put('Use', 'Customer actions', { text: 'ink: use, action' });
    map.put('Use', 'Touchpoints', { text: 'ink: use, touchpoint, first', slot: 1 });
    map.put('Interest', 'Opportunities', { text: 'ink: interest, opportunity' });
    addNote(map.doc, { x: 5000, y: 0, text: 'ink: outside, right', scenarioId: map.currentId });
    addNote(map.doc, { x: -900, y: 400, text: 'ink: outside, left', scenarioId: map.currentId });
    renameHeader(map.doc, map.laneId('Metrics'), 'Ink metrics');
    renameHeader(map.doc, map.stageId('Referral'), 'Ink referral');
    renameHeader(map.doc, map.stageId('Brand awareness'), 'Ink brand awareness');
    expect(summary(map, 'ink')).toEqual([
      'stage:Ink brand awareness',
      'stage:Ink referral',
      'lane:Ink metrics',
      'note:ink: interest, opportunity',
      'note:ink: use, action',
      'note:ink: use, touchpoint, first',
      'note:ink: use, touchpoint, second',
      'note:ink: outside, left',
      'note:ink: outside, right',
      'persona:Ink buyer',
    ]);
  });

  it('follows a stage moved to another place', () => {
    const map = testMap();
    map.put('Use', 'Touchpoints', { text: 'toner: use' });
    map.put('Referral', 'Touchpoints', { text: 'toner: referral' });
    const referral = map.doc.records[map.stageId('Referral')];
    if (referral?.type !== 'stage') throw new Error('no Referral stage');
    map.doc.records[referral.id] = updateRecord(referral, { order: -1 });
    expect(summary(map, 'toner')).toEqual(['note:toner: referral', 'note:toner: use']);
  });
});
