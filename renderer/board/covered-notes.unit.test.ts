import { describe, expect, test } from 'vitest';
import type { NoteRecord } from '../../shared/model/records.ts';
import { uncoveredNotes } from './covered-notes.ts';

const note = (id: string, x: number, y: number, w = 180, h = 120): NoteRecord =>
  ({ id, type: 'note', x, y, w, h }) as NoteRecord;

const ids = (notes: readonly NoteRecord[]) => notes.map((shown) => shown.id);

describe('notes under another are not drawn', () => {
  test('of a pile of 10,000 notes on one spot only the top one is drawn', () => {
    const pile = Array.from({ length: 10_000 }, (_, i) => note(`n${i}`, 40, 40));
    expect(ids(uncoveredNotes(pile, 1))).toEqual(['n9999']);
  });

  test('a note peeking out by more than 2 screen pixels is drawn, bottom to top', () => {
    const notes = [note('under', 0, 0), note('peeks', 3, 0), note('top', 0, 0)];
    expect(ids(uncoveredNotes(notes, 1))).toEqual(['peeks', 'top']);
    // Zoomed out to 25%, 3 board units are under a pixel: it no longer shows.
    expect(ids(uncoveredNotes(notes, 0.25))).toEqual(['top']);
  });

  test('a smaller or larger note at the same spot is drawn', () => {
    const notes = [note('big', 0, 0, 400, 300), note('small', 0, 0), note('same', 0, 0)];
    expect(ids(uncoveredNotes(notes, 1))).toEqual(['big', 'same']);
  });
});
