import { expect, type Page, test } from '@playwright/test';
import { centreOf, visibleNotes } from './support/board-pixels.ts';
import {
  addNoteAt,
  createMap,
  expectSaved,
  goToLibrary,
  mapCard,
  openMap,
  readNoteText,
} from './support/journeywall.ts';

/** A map with two notes, left for the library. */
const makeMap = async (page: Page, name: string): Promise<void> => {
  await createMap(page, name);
  await addNoteAt(page, { x: 300, y: 300 }, `${name}: first`);
  await addNoteAt(page, { x: 560, y: 300 }, `${name}: second`);
  await expectSaved(page);
  await goToLibrary(page);
  await expect(mapCard(page, name)).toContainText('2 notes');
};

const trash = (page: Page) => page.getByRole('list', { name: 'Trash' });

test('a deleted map comes back with Undo, and from the trash', async ({ page }) => {
  await makeMap(page, 'Retail workshop');

  await page.getByRole('button', { name: 'Delete Retail workshop' }).click();
  await expect(mapCard(page, 'Retail workshop')).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: '“Retail workshop” moved to the trash.' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(mapCard(page, 'Retail workshop')).toContainText('2 notes');
  await expect(trash(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete Retail workshop' }).click();
  await expect(mapCard(page, 'Retail workshop')).toHaveCount(0);
  await expect(trash(page).getByRole('listitem')).toHaveText([/Retail workshop/]);
  await trash(page).getByRole('button', { name: 'Restore' }).click();
  await expect(trash(page)).toHaveCount(0);
  await expect(mapCard(page, 'Retail workshop')).toContainText('2 notes');

  await openMap(page, 'Retail workshop');
  const notes = await visibleNotes(page);
  expect(notes).toHaveLength(2);
  expect(await readNoteText(page, { x: 300, y: 300 })).toBe('Retail workshop: first');
});

test('a map deleted forever is gone, and its file backup brings it back', async ({ page }) => {
  await makeMap(page, 'Pilot run');
  await page.getByRole('button', { name: 'Delete Pilot run' }).click();
  // The one step with no Undo asks first; keeping it changes nothing.
  await page.getByRole('button', { name: 'Delete Pilot run forever' }).click();
  const question = page.getByRole('dialog', { name: 'Delete “Pilot run” forever?' });
  await expect(question).toContainText('“Pilot run” and its 2 notes will be removed');
  await question.getByRole('button', { name: 'Keep it in the trash' }).click();
  await expect(trash(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete Pilot run forever' }).click();
  await question.getByRole('button', { name: 'Delete forever' }).click();
  await expect(trash(page)).toHaveCount(0);
  await expect(mapCard(page, 'Pilot run')).toHaveCount(0);
  await expect(page.getByText('No maps yet. Create one to start a workshop.')).toBeVisible();

  await page.getByRole('button', { name: 'Show backups' }).click();
  await page.getByRole('button', { name: 'Restore Pilot run from backup' }).click();
  await expect(page.getByRole('status')).toContainText('Restored “Pilot run” from its backup.');
  await expect(mapCard(page, 'Pilot run')).toContainText('2 notes');
  // The backup holds no viewport, so the map opens zoomed to fit.
  await openMap(page, 'Pilot run');
  const notes = await visibleNotes(page);
  expect(notes).toHaveLength(2);
  const texts = [];
  for (const note of notes) texts.push(await readNoteText(page, centreOf(note)));
  expect(texts).toEqual(['Pilot run: first', 'Pilot run: second']);
});

test('rename and duplicate a map from the library', async ({ page }) => {
  await makeMap(page, 'Draft');

  await page.getByRole('button', { name: 'Rename Draft' }).click();
  const name = page.getByRole('textbox', { name: 'New name for Draft' });
  await expect(name).toBeFocused();
  await name.fill('Hotel check-in');
  await name.press('Enter');
  await expect(mapCard(page, 'Hotel check-in')).toContainText('2 notes');
  await expect(mapCard(page, 'Draft')).toHaveCount(0);

  await page.getByRole('button', { name: 'Duplicate Hotel check-in' }).click();
  await expect(mapCard(page, 'Hotel check-in (copy)')).toContainText('2 notes');
  await expect(mapCard(page, 'Hotel check-in')).toContainText('2 notes');

  await openMap(page, 'Hotel check-in (copy)');
  expect(await visibleNotes(page)).toHaveLength(2);
  expect(await readNoteText(page, { x: 300, y: 300 })).toBe('Draft: first');
});
