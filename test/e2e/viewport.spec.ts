import { expect, test } from '@playwright/test';
import { noteCovering, visibleNotes } from './support/board-pixels.ts';
import {
  addNoteAt,
  board,
  createMap,
  drag,
  readNoteText,
  typeNotes,
  zoomLabel,
  zoomPercent,
} from './support/journeywall.ts';

test('the zoom buttons and keys step the zoom, and notes grow and shrink with it', async ({ page }) => {
  await createMap(page, 'Zooming');
  await addNoteAt(page, { x: 700, y: 450 }, 'Centre stage');
  const [atHundred] = await visibleNotes(page);
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 100%,/);

  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  await zoomIn.click();
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 125%,/);
  const [atLarger] = await visibleNotes(page);
  expect(atLarger?.w).toBeCloseTo((atHundred?.w ?? 0) * 1.25, -1);
  await zoomIn.click();
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 150%,/);
  await zoomOut.click();
  await zoomOut.click();
  await zoomOut.click();
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 80%,/);
  const [atSmaller] = await visibleNotes(page);
  expect(atSmaller?.w).toBeCloseTo((atHundred?.w ?? 0) * 0.8, -1);
  await zoomLabel(page).click();
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 100%,/);

  await page.keyboard.press('Control+=');
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 125%,/);
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 80%,/);
  await page.keyboard.press('Control+0');
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 100%,/);
  expect((await visibleNotes(page))[0]).toMatchObject({ x: atHundred?.x, w: atHundred?.w });
});

test('the zoom level’s drawn label changes with the zoom, and is the same again at the same zoom', async ({
  page,
}) => {
  await createMap(page, 'Zoom label');
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 100%,/);
  // Its own text goes once the label its worker draws is on screen.
  await expect(zoomLabel(page).locator('span')).toHaveCount(0);
  const label = () => zoomLabel(page).screenshot({ animations: 'disabled' });
  const atHundred = await label();
  await page.keyboard.press('Control+=');
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 125%,/);
  await expect.poll(async () => (await label()).equals(atHundred)).toBe(false);
  await page.keyboard.press('Control+0');
  await expect.poll(async () => (await label()).equals(atHundred)).toBe(true);
});

test('ctrl+wheel zooms about the pointer', async ({ page }) => {
  await createMap(page, 'Wheel zoom');
  await addNoteAt(page, { x: 300, y: 300 }, 'Left');
  await addNoteAt(page, { x: 900, y: 500 }, 'Right');
  const pointer = { x: 340, y: 320 };
  const before = noteCovering(await visibleNotes(page), pointer);
  if (!before) throw new Error('no note under the pointer');

  await page.mouse.move(pointer.x, pointer.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');

  await expect(zoomLabel(page)).not.toHaveAccessibleName(/^Zoom 100%,/);
  const zoom = (await zoomPercent(page)) / 100;
  expect(zoom).toBeGreaterThan(1.2);
  // The same spot of the same note is still under the pointer: the note grew around it.
  const after = noteCovering(await visibleNotes(page), pointer);
  if (!after) throw new Error('no note under the pointer after zooming');
  expect(after.w / before.w).toBeCloseTo(zoom, 1);
  expect((pointer.x - after.x) / (pointer.x - before.x)).toBeCloseTo(zoom, 1);
  expect((pointer.y - after.y) / (pointer.y - before.y)).toBeCloseTo(zoom, 1);

  await page.keyboard.down('Control');
  for (let step = 0; step < 6; step++) await page.mouse.wheel(0, 100);
  await page.keyboard.up('Control');
  expect(await zoomPercent(page)).toBeLessThan(60);
});

test('zoom to fit brings every note into view', async ({ page }) => {
  await createMap(page, 'Wide wall');
  // Three groups of notes far apart, panning with the wheel in between, as on a long wall.
  await page.mouse.move(300, 300);
  await typeNotes(page, ['Aware', 'Consider', 'Visit']);
  await page.mouse.wheel(1500, 0);
  await page.mouse.wheel(1500, 0);
  await page.mouse.move(400, 300);
  await typeNotes(page, ['Buy', 'Pay', 'Leave']);
  await page.mouse.wheel(0, 1000);
  await page.mouse.wheel(0, 1000);
  await page.mouse.move(300, 400);
  await typeNotes(page, ['Use', 'Complain', 'Return']);
  expect(await visibleNotes(page)).toHaveLength(3);

  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  expect(await zoomPercent(page)).toBeLessThan(50);
  const notes = await visibleNotes(page, 200);
  expect(notes).toHaveLength(9);
  const area = await board(page).boundingBox();
  if (!area) throw new Error('no board');
  for (const note of notes) {
    expect(note.x).toBeGreaterThan(area.x);
    expect(note.y).toBeGreaterThan(area.y);
    expect(note.x + note.w).toBeLessThan(area.x + area.width);
    expect(note.y + note.h).toBeLessThan(area.y + area.height);
  }
});

test('space+drag, middle-drag and the wheel pan the board', async ({ page }) => {
  await createMap(page, 'Panning');
  await addNoteAt(page, { x: 400, y: 300 }, 'Moves with the board');
  await addNoteAt(page, { x: 800, y: 300 }, 'So does this one');
  await page.keyboard.press('Escape');
  const start = await visibleNotes(page);
  expect(start).toHaveLength(2);
  const expectShiftedBy = async (dx: number, dy: number) => {
    const notes = await visibleNotes(page);
    expect(notes.map(({ x, y, w }) => ({ x, y, w }))).toEqual(
      start.map(({ x, y, w }) => ({ x: x + dx, y: y + dy, w })),
    );
  };

  // Dragging from a note with space held pans the whole board instead of moving the note.
  await page.keyboard.down('Space');
  await drag(page, { x: 400, y: 300 }, { x: 550, y: 380 });
  await page.keyboard.up('Space');
  await expectShiftedBy(150, 80);
  // Reading a note selects its text; on Linux a middle click would paste that selection.
  expect(await readNoteText(page, { x: 550, y: 380 })).toBe('Moves with the board');
  await drag(page, { x: 1000, y: 600 }, { x: 900, y: 560 }, { button: 'middle' });
  await expectShiftedBy(50, 40);
  await page.mouse.move(800, 500);
  await page.mouse.wheel(50, 40);
  await expectShiftedBy(0, 0);
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 100%,/);
});

test('after scrolling the board, N puts the new note under the pointer', async ({ page }) => {
  await createMap(page, 'Scroll then type');
  await addNoteAt(page, { x: 400, y: 300 }, 'Before scrolling');
  // A trackpad scroll pans the board under a pointer that does not move.
  await page.mouse.wheel(300, 150);
  await typeNotes(page, ['Under the pointer']);
  const placed = noteCovering(await visibleNotes(page), { x: 400, y: 300 });
  expect(placed).toBeDefined();
  expect(await readNoteText(page, { x: 400, y: 300 })).toBe('Under the pointer');
});
