import { expect, type Page, test } from '@playwright/test';
import { createJourneyMap, geometry } from './support/journey-grid.ts';
import { expectSaved } from './support/journeywall.ts';

/**
 * Text that is not one key press starting a note in the selected cell: an accent made with a
 * dead key or a compose key, an IME's composition, an emoji from the picker. Driven through the
 * DevTools protocol as the operating system delivers them: Input.insertText and IME composition.
 */

const editor = (page: Page) => page.getByRole('textbox', { name: 'New note text' });

test('a composed first character, an IME word and an emoji each start the note whole', async ({ page }) => {
  await createJourneyMap(page, 'Composed');
  const grid = await geometry(page);
  const cdp = await page.context().newCDPSession(page);

  // "Étape suivante": É from a compose or dead key arrives as a composition.
  await page.mouse.click(grid.cell('Interest', 'Touchpoints').x, grid.cell('Interest', 'Touchpoints').y);
  await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: 'É' });
  await expect(editor(page)).toHaveValue('É');
  await page.keyboard.type('tape suivante');
  await page.keyboard.press('Enter');

  // An emoji from the picker is inserted as text, with no key press.
  await page.mouse.click(grid.cell('Purchase', 'Touchpoints').x, grid.cell('Purchase', 'Touchpoints').y);
  await cdp.send('Input.insertText', { text: '😬' });
  await expect(editor(page)).toHaveValue('😬');
  await page.keyboard.type(' too expensive');
  await page.keyboard.press('Enter');

  // A Japanese IME: the reading is composed, then confirmed as one word.
  await page.mouse.click(grid.cell('Use', 'Touchpoints').x, grid.cell('Use', 'Touchpoints').y);
  await cdp.send('Input.imeSetComposition', { text: 'せつめい', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.insertText', { text: '説明' });
  await expect(editor(page)).toHaveValue('説明');
  await page.keyboard.press('Enter');
  await expectSaved(page);

  await page.keyboard.press('Control+Shift+O');
  const outline = page.getByRole('tree');
  for (const text of ['Étape suivante', '😬 too expensive', '説明'])
    await expect(outline).toContainText(text);
});

test('with a cell selected, plain keys still reach the board: an arrow moves the cell, typing starts a note there', async ({
  page,
}) => {
  await createJourneyMap(page, 'Arrows');
  const grid = await geometry(page);
  await page.mouse.click(grid.cell('Interest', 'Touchpoints').x, grid.cell('Interest', 'Touchpoints').y);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('Order page');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+O');
  const outline = page.getByRole('tree');
  await expect(outline.getByRole('treeitem', { name: /A taste of the offering/ })).toContainText(
    'Order page',
  );
});
