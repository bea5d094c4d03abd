import { expect } from '@playwright/test';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { exampleMap } from '../docs/example-map.ts';
import { board, expectSaved, goToLibrary, mapCard, test } from './support/journeywall.ts';

/**
 * The example map that ships with the app: a first-time facilitator opens "Home printer toner"
 * from the library, with no file of her own, and finds a filled-in journey map to explore.
 */

const NAME = 'Home printer toner';
const NOTES = liveNotesByZ(exampleMap()).length;

test('the library opens the shipped example map, with its notes and persona, in a fresh profile', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('No maps yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Open the example map' }).click();
  await expect(board(page)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue(NAME);
  await expect(
    page.getByRole('status').filter({ hasText: 'Opened Home printer toner (example).cxmap.' }),
  ).toBeVisible();
  await expect(page.locator('.persona-card')).toContainText('Dana');
  await expectSaved(page);

  await page.keyboard.press('Control+Shift+O');
  const tree = page.getByRole('tree', { name: `${NAME}, Current scenario` });
  for (const note of [
    'Note: Notices the low-toner warning',
    'Touchpoint: Order page, web, effortless 2/5, productive 4/5, painless 2/5',
    'Breakdown point: Account required to pay',
    'Opportunity: Guest checkout',
  ])
    await expect(tree.getByRole('treeitem', { name: note, exact: true })).toBeVisible();

  await goToLibrary(page);
  await expect(mapCard(page, NAME)).toContainText(`${NOTES} notes`);
});

test('opening the example again offers the library copy, a separate copy or a merge, as any file does', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the example map' }).click();
  await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue(NAME);
  await expectSaved(page);
  await goToLibrary(page);

  await page.getByRole('button', { name: 'Open the example map' }).click();
  const prompt = page.getByRole('dialog', { name: `“${NAME}” is already in your library` });
  await expect(prompt).toContainText('Home printer toner (example).cxmap is a copy of a map you have.');
  for (const choice of ['Merge into my copy', 'Open my library copy'])
    await expect(prompt.getByRole('button', { name: choice })).toBeVisible();
  await prompt.getByRole('button', { name: 'Open the file as a copy' }).click();
  const copy = `${NAME} (from Home printer toner (example).cxmap)`;
  await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue(copy);
  await expectSaved(page);

  await goToLibrary(page);
  await expect(mapCard(page, NAME)).toContainText(`${NOTES} notes`);
  await expect(mapCard(page, copy)).toContainText(`${NOTES} notes`);
});
