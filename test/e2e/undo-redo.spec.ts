import { expect, type Page, test } from '@playwright/test';
import { captureBoard, colorAt } from './support/board-pixels.ts';
import {
  addNoteAt,
  createMap,
  drag,
  type Point,
  readNoteText,
  renameOpenMap,
} from './support/journeywall.ts';

const colourAt = async (page: Page, at: Point) => colorAt(await captureBoard(page), at.x, at.y);

test('a drag and a text edit each undo and redo in one step', async ({ page }) => {
  await createMap(page);
  await renameOpenMap(page, 'Undo session');
  const start = { x: 300, y: 300 };
  const end = { x: 640, y: 480 };
  await addNoteAt(page, start, 'First draft');

  // A drag of many pointer moves is one step.
  await drag(page, start, end, { steps: 25 });
  expect(await colourAt(page, end)).toBe('yellow');
  await page.keyboard.press('Control+z');
  expect(await colourAt(page, start)).toBe('yellow');
  expect(await colourAt(page, end)).toBeNull();
  await page.keyboard.press('Control+Shift+z');
  expect(await colourAt(page, start)).toBeNull();
  expect(await colourAt(page, end)).toBe('yellow');

  // Retyping the text, letter by letter, is one step too; undoing it leaves the drag alone.
  await page.mouse.dblclick(end.x, end.y);
  const editor = page.getByRole('textbox', { name: 'Note text', exact: true });
  await expect(editor).toHaveValue('First draft');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Second draft, typed one letter at a time');
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);

  await page.keyboard.press('Control+z');
  expect(await readNoteText(page, end)).toBe('First draft');
  await page.keyboard.press('Control+y');
  expect(await readNoteText(page, end)).toBe('Second draft, typed one letter at a time');

  // The toolbar's buttons walk the same history: the text, the drag, the note, the map's name.
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(redo).toBeDisabled();
  await undo.click();
  expect(await readNoteText(page, end)).toBe('First draft');
  await undo.click();
  expect(await colourAt(page, start)).toBe('yellow');
  expect(await colourAt(page, end)).toBeNull();
  await undo.click();
  expect(await colourAt(page, start)).toBeNull();
  const mapName = page.getByRole('textbox', { name: 'Map name' });
  await expect(mapName).toHaveValue('Undo session');
  await undo.click();
  await expect(mapName).toHaveValue('Untitled map');
  await expect(undo).toBeDisabled();

  for (let step = 0; step < 4; step++) await redo.click();
  await expect(redo).toBeDisabled();
  await expect(mapName).toHaveValue('Undo session');
  expect(await colourAt(page, end)).toBe('yellow');
  expect(await readNoteText(page, end)).toBe('Second draft, typed one letter at a time');
});
