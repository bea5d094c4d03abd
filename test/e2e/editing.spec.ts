import { expect, test } from '@playwright/test';
import { captureBoard, centreOf, colorAt, noteCovering, visibleNotes } from './support/board-pixels.ts';
import {
  addNoteAt,
  createMap,
  drag,
  expectSaved,
  goToLibrary,
  mapCard,
  openMap,
  readNoteText,
  startNewMap,
  swatch,
  zoomLabel,
} from './support/journeywall.ts';

/*
 * A new note is centred on the pointer and is 180 × 120 at 100% zoom, so the tests know where
 * each note they type lands on screen.
 */
const NOTE = { w: 180, h: 120 };

test('move a note by dragging, recolour it with a key and the palette, resize it by a corner', async ({
  page,
}) => {
  await createMap(page, 'Onboarding');
  await addNoteAt(page, { x: 300, y: 300 }, 'Sign-up form');
  let image = await captureBoard(page);
  expect(colorAt(image, 300, 300)).toBe('yellow');

  await drag(page, { x: 300, y: 300 }, { x: 520, y: 460 });
  image = await captureBoard(page);
  expect(colorAt(image, 300, 300)).toBeNull();
  expect(colorAt(image, 520, 460)).toBe('yellow');
  const [moved] = await visibleNotes(page);
  expect(moved).toMatchObject({ x: 520 - NOTE.w / 2, w: NOTE.w });

  // The dragged note is selected: 4 makes it blue, the palette's green button green.
  await page.keyboard.press('4');
  expect(colorAt(await captureBoard(page), 520, 460)).toBe('blue');
  await swatch(page, 'Green note').click();
  expect(colorAt(await captureBoard(page), 520, 460)).toBe('green');

  // Its bottom-right corner handle, dragged 60 right and 40 down, makes it that much bigger.
  const corner = { x: 520 + NOTE.w / 2, y: 460 + NOTE.h / 2 };
  await drag(page, corner, { x: corner.x + 60, y: corner.y + 40 });
  const [resized] = await visibleNotes(page);
  if (!moved || !resized) throw new Error('the note is not on screen');
  expect(resized).toMatchObject({ color: 'green', x: moved.x, y: moved.y });
  expect(resized.w).toBe(moved.w + 60);
  expect(resized.h).toBe(moved.h + 40);
  expect(await readNoteText(page, centreOf(resized))).toBe('Sign-up form');
});

test('select notes with a marquee and shift-click, recolour them together, delete them', async ({ page }) => {
  await createMap(page, 'Support calls');
  const a = { x: 300, y: 300 };
  const b = { x: 560, y: 300 };
  const c = { x: 900, y: 300 };
  const d = { x: 300, y: 560 };
  for (const [index, at] of [a, b, c, d].entries()) await addNoteAt(page, at, `Call ${index + 1}`);
  expect(await visibleNotes(page)).toHaveLength(4);

  // A marquee from empty board around A and B, then shift-click adds D and takes B out again.
  await page.keyboard.press('Escape');
  await drag(page, { x: 150, y: 200 }, { x: 600, y: 420 });
  await page.keyboard.down('Shift');
  await page.mouse.click(d.x, d.y);
  await page.mouse.click(b.x, b.y);
  await page.keyboard.up('Shift');
  await page.keyboard.press('3');

  const image = await captureBoard(page);
  expect([a, b, c, d].map((at) => colorAt(image, at.x, at.y))).toEqual(['pink', 'yellow', 'yellow', 'pink']);

  await page.keyboard.press('Delete');
  const left = await visibleNotes(page);
  expect(left).toHaveLength(2);
  expect(noteCovering(left, b)?.color).toBe('yellow');
  expect(noteCovering(left, c)?.color).toBe('yellow');
  expect(noteCovering(left, a)).toBeUndefined();
  expect(noteCovering(left, d)).toBeUndefined();

  await expectSaved(page);
  await goToLibrary(page);
  await expect(mapCard(page, 'Support calls')).toContainText('2 notes');
});

test('duplicate a note with Ctrl+D and with the toolbar', async ({ page }) => {
  await createMap(page, 'Store visit');
  await addNoteAt(page, { x: 300, y: 300 }, 'Greeted at the door');

  // The copy lands just below and right of the original, selected, so it can be dragged away.
  await page.keyboard.press('Control+d');
  await drag(page, { x: 380, y: 370 }, { x: 780, y: 370 });
  await page.mouse.click(300, 300);
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await drag(page, { x: 380, y: 370 }, { x: 380, y: 670 });

  const notes = await visibleNotes(page);
  expect(notes).toHaveLength(3);
  const [original] = notes;
  if (!original) throw new Error('no note found');
  for (const note of notes) {
    expect(note).toMatchObject({ color: 'yellow', w: original.w, h: original.h });
    expect(await readNoteText(page, centreOf(note))).toBe('Greeted at the door');
  }

  await expectSaved(page);
  await goToLibrary(page);
  await expect(mapCard(page, 'Store visit')).toContainText('3 notes');
});

test('copy and paste notes within a map, and cut them into another map', async ({ page }) => {
  await createMap(page, 'Interviews');
  // A colour key recolours the selected note and becomes the colour of the next ones.
  await addNoteAt(page, { x: 300, y: 300 }, 'Needs a receipt');
  await page.keyboard.press('5');
  await addNoteAt(page, { x: 520, y: 300 }, 'Prefers phone');
  await page.keyboard.press('1');

  // Both selected and copied; pasted centred on the pointer, colours, text and layout kept.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await page.mouse.move(810, 600);
  await page.keyboard.press('Control+v');
  let notes = await visibleNotes(page);
  expect(notes).toHaveLength(4);
  const pastedGreen = noteCovering(notes, { x: 700, y: 600 });
  const pastedYellow = noteCovering(notes, { x: 920, y: 600 });
  expect(pastedGreen?.color).toBe('green');
  expect(pastedYellow?.color).toBe('yellow');
  expect((pastedYellow?.x ?? 0) - (pastedGreen?.x ?? 0)).toBe(220);
  expect(await readNoteText(page, { x: 700, y: 600 })).toBe('Needs a receipt');
  expect(await readNoteText(page, { x: 920, y: 600 })).toBe('Prefers phone');

  // The pasted pair is cut and taken to another map.
  await page.mouse.click(700, 600);
  await page.keyboard.down('Shift');
  await page.mouse.click(920, 600);
  await page.keyboard.up('Shift');
  await page.keyboard.press('Control+x');
  expect(await visibleNotes(page)).toHaveLength(2);
  await expectSaved(page);

  await goToLibrary(page);
  await startNewMap(page, 'Untitled map');
  await page.mouse.move(600, 400);
  await page.keyboard.press('Control+v');
  notes = await visibleNotes(page);
  expect(notes.map((note) => note.color)).toEqual(['green', 'yellow']);
  expect(await readNoteText(page, { x: 490, y: 400 })).toBe('Needs a receipt');
  expect(await readNoteText(page, { x: 710, y: 400 })).toBe('Prefers phone');

  await expectSaved(page);
  await goToLibrary(page);
  await expect(mapCard(page, 'Untitled map')).toContainText('2 notes');
  await expect(mapCard(page, 'Interviews')).toContainText('2 notes');
  await openMap(page, 'Interviews');
  expect((await visibleNotes(page)).map((note) => note.color)).toEqual(['green', 'yellow']);
});

test('keys pressed in a dialog stay in the dialog: the notes behind it are left alone', async ({ page }) => {
  await createMap(page, 'Dialog keys');
  await addNoteAt(page, { x: 400, y: 300 }, 'Stays on the board');
  await page.keyboard.press('Escape');
  await page.mouse.click(400, 300);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: /Keyboard shortcuts/ });
  await expect(dialog).toBeVisible();
  // Delete, a colour digit and N would act on the selected note if the board heard them.
  await page.keyboard.press('Delete');
  await page.keyboard.press('3');
  await page.keyboard.press('n');
  // Enter on the focused Close button closes the dialog instead of editing the note.
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Note text', exact: true })).toHaveCount(0);
  const notes = await visibleNotes(page);
  expect(notes).toHaveLength(1);
  expect(notes[0]?.color).toBe('yellow');
});

test('Enter and Space press a focused button, not the board; other keys still reach the board', async ({
  page,
}) => {
  await createMap(page, 'Button keys');
  await addNoteAt(page, { x: 400, y: 300 }, 'Selected');
  await page.mouse.click(400, 300);
  const noteEditor = page.getByRole('textbox', { name: 'Note text', exact: true });

  await page.getByRole('button', { name: /^Insights/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
  await expect(noteEditor).toHaveCount(0);

  await page
    .getByRole('toolbar', { name: 'Zoom' })
    .getByRole('button', { name: /^Zoom in/ })
    .focus();
  await page.keyboard.press('Space');
  await expect(zoomLabel(page)).not.toHaveAccessibleName(/^Zoom 100%,/);
  await expect(noteEditor).toHaveCount(0);

  // A digit from the focused button still recolours the selected note.
  await page.keyboard.press('4');
  await expect.poll(async () => (await visibleNotes(page)).map((note) => note.color)).toEqual(['blue']);
});
