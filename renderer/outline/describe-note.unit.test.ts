import { describe, expect, it } from 'vitest';
import type { NewNote } from '../../shared/model/edits.ts';
import { addNote, type MutableDocument, newMapDocument } from '../../shared/model/edits.ts';
import { describeNote } from './describe-note.ts';

const note = (fields: Omit<NewNote, 'x' | 'y'>, conflictOf?: string) => {
  const doc: MutableDocument = { ...newMapDocument('Describe') };
  doc.records = { ...doc.records };
  const record = addNote(doc, { x: 0, y: 0, ...fields });
  return conflictOf ? { ...record, conflictOf } : record;
};

describe('describeNote', () => {
  it('says the kind, the text, the channel and the stamp of authenticity', () => {
    const description = describeNote(
      note({ kind: 'touchpoint', text: 'Order page', channel: 'web', wow: true }),
    );
    expect(description.label).toBe('Touchpoint: Order page, web, stamp of authenticity');
    expect(description.kind).toBe('Touchpoint');
    expect(description.marks).toEqual(['web', 'stamp of authenticity']);
  });

  it('says the ratings that are set, out of five', () => {
    const description = describeNote(
      note({
        kind: 'touchpoint',
        text: 'Call centre',
        channel: 'in-person',
        ratings: { effortless: 4, productive: null, painless: 2 },
      }),
    );
    expect(description.label).toBe('Touchpoint: Call centre, in person, effortless 4/5, painless 2/5');
  });

  it('names every kind, flags a conflict and reads an empty or multi-line note', () => {
    expect(describeNote(note({ kind: 'breakdown', text: 'Toner\n  runs out' })).label).toBe(
      'Breakdown point: Toner runs out',
    );
    expect(describeNote(note({ kind: 'quote', text: '' })).label).toBe('Customer quote: empty note');
    expect(describeNote(note({ text: 'Mine' }, 'other-note')).label).toBe('Note: Mine, conflict');
  });

  it('shows no stamp on a note that is not a touchpoint, as the board does', () => {
    expect(describeNote(note({ kind: 'idea', text: 'Subscription', wow: true })).label).toBe(
      'Idea: Subscription',
    );
  });

  it("says a note's dots as the board shows them: every voter's, or the current voter's own", () => {
    const breakdown = note({ kind: 'breakdown', text: 'Courier comes too early' });
    expect(describeNote(breakdown, { count: 3, own: false }).label).toBe(
      'Breakdown point: Courier comes too early, 3 dots',
    );
    expect(describeNote(breakdown, { count: 1, own: false }).marks).toEqual(['1 dot']);
    expect(describeNote(breakdown, { count: 2, own: true }).marks).toEqual(['2 of your dots']);
    expect(describeNote(breakdown, { count: 0, own: false }).marks).toEqual([]);
  });
});
