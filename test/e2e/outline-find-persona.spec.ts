import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { writeExampleMap } from '../docs/example-map-file.ts';
import { createJourneyMap } from './support/journey-grid.ts';
import { board, expectSaved, openFromLibrary, test } from './support/journeywall.ts';

/**
 * The map read and edited without the canvas: find across notes, headers and the persona, the
 * outline as a keyboard- and screen-reader-friendly tree, and the persona card.
 */

const openExample = async (page: Page): Promise<void> => {
  const path = join(await mkdtemp(join(tmpdir(), 'journeywall-e2e-')), 'home-printer-toner.cxmap');
  await writeExampleMap(path);
  await openFromLibrary(page, path);
};

const zoomLevel = (page: Page) => page.getByRole('button', { name: /^Zoom \d+%/ });

test('find steps through the matches in notes and the persona, and the board goes to each', async ({
  page,
}) => {
  await openExample(page);
  const fitted = await zoomLevel(page).getAttribute('aria-label');
  await page.keyboard.press('Control+f');
  const input = page.getByRole('searchbox', { name: 'Find in notes, headers and personas' });
  await expect(input).toBeFocused();
  // Accents and case don't matter: "CARTRIDGE" finds "cartridge" and "Cartridge".
  await input.fill('CARTRIDGE');
  const count = page.locator('.find-count');
  await expect(count).toHaveText(/^1 of \d+$/);
  const total = Number((await count.textContent())?.split(' of ')[1]);
  // Notes ("Cannot tell which cartridge fits", ...) and the persona's frustrations and needs.
  expect(total).toBeGreaterThanOrEqual(5);
  // Going to a match brings it close enough to read.
  await expect(zoomLevel(page)).not.toHaveAccessibleName(fitted ?? '');
  const firstSelected = await page.evaluate(() => document.querySelector('.find-count')?.textContent);
  expect(firstSelected).toBe(`1 of ${total}`);
  await input.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`1 of ${total}`);

  await input.fill('client deadline');
  await expect(count).toHaveText('1 of 1');
  const goals = page.locator('.persona-field[data-field="goals"]');
  await expect(goals).toHaveAttribute('data-found', 'true');
  await expect(goals).toContainText('Never run out of toner before a client deadline');

  await input.fill('no such words here');
  await expect(count).toHaveText('No results');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
});

test('the outline reads the map as text, edits a note from the keyboard, and undo puts it back', async ({
  page,
}) => {
  await openExample(page);
  await page.keyboard.press('Control+Shift+O');
  const tree = page.getByRole('tree', { name: 'Home printer toner, Current scenario' });
  await expect(tree).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /^Stage: Purchase/ })).toBeVisible();
  const orderPage = tree.getByRole('treeitem', {
    name: 'Touchpoint: Order page, web, effortless 2/5, productive 4/5, painless 2/5',
  });
  await expect(orderPage).toBeVisible();
  const wow = tree.getByRole('treeitem', { name: /Install video on the box, other, stamp of authenticity/ });
  await expect(wow).toBeVisible();

  await orderPage.focus();
  await page.keyboard.press('Enter');
  const editor = tree.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await editor.fill('Order page with guest checkout');
  await page.keyboard.press('Enter');
  await expect(
    tree.getByRole('treeitem', { name: /^Touchpoint: Order page with guest checkout/ }),
  ).toBeFocused();
  await expectSaved(page);

  // The board shows the same text: find it there.
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find in notes, headers and personas' }).fill('guest checkout');
  await expect(page.locator('.find-count')).toHaveText('1 of 2');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+z');
  await expect(orderPage).toBeVisible();
  await page.getByRole('button', { name: 'Close outline' }).click();
  await expect(tree).toHaveCount(0);
});

test('a persona is added, filled in on the card and still there after a reload', async ({ page }) => {
  await createJourneyMap(page, 'Toner, second persona');

  // A map without a persona shows a small chip; it opens the card.
  await page.getByRole('button', { name: 'Persona: none' }).click();
  await page.getByRole('button', { name: 'Add a persona' }).click();
  const name = page.getByRole('textbox', { name: 'Persona name' });
  await expect(name).toBeFocused();
  await name.fill('Sam');
  await page.keyboard.press('Enter');
  await page.locator('.persona-field[data-field="quote"] button').click();
  await page.getByRole('textbox', { name: 'Persona quote' }).fill('Why is there no recycling bag?');
  await page.keyboard.press('Enter');
  await expectSaved(page);

  await page.reload();
  await expect(board(page)).toBeVisible();
  const card = page.getByRole('region', { name: /Persona/ });
  await expect(card).toContainText('Sam');
  await expect(card).toContainText('Why is there no recycling bag?');
});

test('a persona match is shown on the card without switching the map’s persona or its history', async ({
  page,
}) => {
  await openExample(page);
  const card = page.getByRole('region', { name: /Persona/ });
  await card.getByRole('button', { name: 'Add persona' }).click();
  await page.getByRole('textbox', { name: 'Persona name' }).fill('Sam');
  await page.keyboard.press('Enter');
  const shown = card.getByRole('combobox', { name: 'Persona shown' }).locator('option:checked');
  await expect(shown).toHaveText('Sam');
  // Undo the name, so there is something to redo.
  await page.getByRole('button', { name: 'Undo' }).click();
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(redo).toBeEnabled();

  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find in notes, headers and personas' }).fill('client deadline');
  await expect(shown).toHaveText('Dana');
  await expect(page.locator('.persona-field[data-field="goals"]')).toHaveAttribute('data-found', 'true');
  await expect(redo).toBeEnabled();

  // Closing find shows the map's persona again; reopening it does not go back to the match.
  await page.keyboard.press('Escape');
  await expect(shown).not.toHaveText('Dana');
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Find in notes, headers and personas' })).toBeFocused();
  await expect(shown).not.toHaveText('Dana');
  await page.keyboard.press('Escape');
  await redo.click();
  await expect(shown).toHaveText('Sam');
});
