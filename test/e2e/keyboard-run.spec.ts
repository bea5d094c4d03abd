import { expect, test } from '@playwright/test';
import { centreOf, type NoteOnScreen, visibleNotes } from './support/board-pixels.ts';
import {
  createMap,
  expectSaved,
  goToLibrary,
  mapCard,
  readNoteText,
  renameOpenMap,
  typeNotes,
} from './support/journeywall.ts';

/** Pain points called out in the room, typed as they come. */
const CALLED_OUT = [
  'Could not find opening hours',
  'Long queue at the desk',
  'Form asks twice for the address',
  'Friendly staff',
  'No parking nearby',
  'App login failed\nhad to call',
  'Waited 40 minutes',
  'Confusing signage',
  'Paid twice by mistake',
  'Refund took 3 weeks',
  'Great follow-up email',
  'Would recommend to a friend',
];

const rowsOf = (notes: readonly NoteOnScreen[]): NoteOnScreen[][] => {
  const rows: NoteOnScreen[][] = [];
  for (const note of notes) {
    const row = rows.find((candidate) => Math.abs((candidate[0]?.y ?? 0) - note.y) < 5);
    if (row) row.push(note);
    else rows.push([note]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return rows.sort((a, b) => (a[0]?.y ?? 0) - (b[0]?.y ?? 0));
};

test('a facilitator types a run of twelve notes from the keyboard', async ({ page }) => {
  await createMap(page);
  await renameOpenMap(page, 'Checkout journey');

  await typeNotes(page, CALLED_OUT);
  // Still keyboard only: Shift+1 shows the whole map.
  await page.keyboard.press('Shift+Digit1');

  const notes = await visibleNotes(page);
  expect(notes).toHaveLength(12);
  expect(new Set(notes.map((note) => note.color))).toEqual(new Set(['yellow']));

  // The run fills rows left to right, each note beside the previous one, all the same size.
  const rows = rowsOf(notes);
  expect(rows.map((row) => row.length)).toEqual([5, 5, 2]);
  const [first] = notes;
  if (!first) throw new Error('no note found');
  for (const note of notes) {
    expect(Math.abs(note.w - first.w)).toBeLessThanOrEqual(1);
    expect(Math.abs(note.h - first.h)).toBeLessThanOrEqual(1);
  }
  for (const row of rows) {
    expect(Math.abs((row[0]?.x ?? 0) - first.x)).toBeLessThanOrEqual(1);
    for (let index = 1; index < row.length; index++) {
      const gap = (row[index]?.x ?? 0) - ((row[index - 1]?.x ?? 0) + first.w);
      expect(gap).toBeGreaterThan(5);
      expect(gap).toBeLessThan(first.w / 2);
    }
  }

  // Each note holds what was typed into it, in the order it was called out.
  const inReadingOrder = rows.flat();
  for (const [index, note] of inReadingOrder.entries()) {
    expect(await readNoteText(page, centreOf(note))).toBe(CALLED_OUT[index]);
  }

  await expectSaved(page);
  await goToLibrary(page);
  await expect(mapCard(page, 'Checkout journey')).toContainText('12 notes');
});
