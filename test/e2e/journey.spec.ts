import { expect, test } from '@playwright/test';
import { createJourneyMap, geometry, typeInCell } from './support/journey-grid.ts';
import { board, expectSaved } from './support/journeywall.ts';

/**
 * The workshop day on a journey map: a map from the customer-experience template, touchpoints
 * typed into the Touchpoints lane's cells (so they are touchpoints), a stamp of authenticity, the touchpoint warning, the ideal scenario created
 * from the current one, changed, and the gap list read.
 */

test('a facilitator maps the current journey, then the ideal, and reads the gap list', async ({ page }) => {
  await createJourneyMap(page, 'Home printer toner: current');
  const grid = await geometry(page);

  // Touchpoints called out in the room, typed into their cells: click the cell, type, Tab, type…
  await typeInCell(page, grid.cell('Brand awareness', 'Touchpoints'), ['TV ad', 'Search result']);
  await typeInCell(page, grid.cell('Interest', 'Touchpoints'), ['Website', 'Reviews']);
  await typeInCell(page, grid.cell('Purchase', 'Touchpoints'), [
    'Order page',
    'Cartridge finder',
    'Confirmation email',
  ]);
  await typeInCell(page, grid.cell('Use', 'Touchpoints'), ['Install video', 'Support line', 'Delivery box']);
  await expectSaved(page);

  // Typed into the Touchpoints lane, they are touchpoints already.
  await board(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('combobox', { name: 'Note kind' })).toHaveValue('touchpoint');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Insights/ }).click();
  const insights = page.getByRole('list', { name: 'Insights' });
  await expect(insights).toContainText('Pick the few touchpoints that wow customers');
  await expect(insights).not.toContainText('touchpoints: the map may describe');

  // One stamp of authenticity: the install video.
  await page.getByRole('button', { name: 'Close insights' }).click();
  // Closing the panel gives the keyboard back to the button that opened it.
  await expect(page.getByRole('button', { name: /^Insights/ })).toBeFocused();
  const video = grid.firstNote('Use', 'Touchpoints');
  await page.mouse.click(video.x, video.y);
  await page.getByRole('checkbox', { name: /Wow/ }).check();
  await page.getByRole('button', { name: /^Insights/ }).click();
  await expect(insights).not.toContainText('Pick the few touchpoints that wow customers');
  await page.getByRole('button', { name: 'Close insights' }).click();

  // The eleventh touchpoint: the warning from the article appears.
  await typeInCell(page, grid.cell('Post-purchase', 'Touchpoints'), ['Survey email']);
  await page.getByRole('button', { name: /^Insights/ }).click();
  await expect(insights).toContainText('11 touchpoints: the map may describe your processes');

  // The ideal: created from the current scenario, then changed.
  await page.getByRole('button', { name: 'Close insights' }).click();
  await page.getByRole('button', { name: 'Create ideal from current' }).click();
  await expect(page.getByRole('tab', { name: 'Ideal' })).toHaveAttribute('aria-selected', 'true');
  await typeInCell(page, grid.cell('Repeat purchases', 'Touchpoints'), ['Printer orders its own toner']);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Compare current and ideal' }).click();
  const gaps = page.getByRole('table', { name: 'Gap list' });
  await expect(gaps).toContainText('Repeat purchases');
  await expect(gaps).toContainText('Printer orders its own toner');
  await expect(page.getByRole('dialog')).toContainText('1 touchpoints added');

  // "Copy as text" puts the gap list on the clipboard, not the notes selected on the board.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect(page.getByRole('dialog')).toContainText('Gap list copied.');
  await expect.poll(clipboard).toContain('Printer orders its own toner');

  // Where the clipboard API is refused (the desktop shell), the copy command does the same.
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
  });
  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect.poll(clipboard).toContain('Printer orders its own toner');

  // Asking again for an ideal from current asks before replacing the one worked on.
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'New ideal from current' }).click();
  const question = page.getByRole('dialog', { name: 'Start Ideal over?' });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('tab')).toHaveText(['Current', 'Ideal']);
  await page.getByRole('button', { name: 'New ideal from current' }).click();
  await question.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('tab')).toHaveText(['Current', 'Ideal']);
  await page.getByRole('button', { name: 'Compare current and ideal' }).click();
  await expect(page.getByRole('dialog')).toContainText('No differences yet');
});

test('a facilitator adds a scenario, names it, and undo takes it back', async ({ page }) => {
  await createJourneyMap(page, 'Toner scenarios');

  // A new scenario is shown at once, its name ready to type.
  await page.getByRole('button', { name: 'Add scenario' }).click();
  const name = page.getByRole('textbox', { name: 'Scenario name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Scenario 3');
  await name.fill('Automatic delivery');
  await name.press('Enter');
  const added = page.getByRole('tab', { name: 'Automatic delivery' });
  await expect(added).toHaveAttribute('aria-selected', 'true');
  await expect(added).toBeFocused();

  // Double-click renames; Escape leaves the name as it was.
  await added.dblclick();
  await name.fill('Printer on autopilot');
  await name.press('Escape');
  await expect(page.getByRole('tab')).toHaveText(['Current', 'Ideal', 'Automatic delivery']);
  await added.dblclick();
  await name.fill('Printer on autopilot');
  await name.press('Enter');
  await expect(page.getByRole('tab')).toHaveText(['Current', 'Ideal', 'Printer on autopilot']);

  // Each is one undo step: each rename, then the new scenario.
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(page.getByRole('tab')).toHaveText(['Current', 'Ideal', 'Automatic delivery']);
  await undo.click();
  await undo.click();
  await expect(page.getByRole('tab')).toHaveText(['Current', 'Ideal']);

  // Removing asks first, and never takes the last scenario.
  await page.getByRole('button', { name: 'Remove scenario Current' }).click();
  await page
    .getByRole('dialog', { name: 'Remove scenario?' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(page.getByRole('tab')).toHaveText(['Ideal']);
  await expect(page.getByRole('tab', { name: 'Ideal' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Remove scenario Ideal' })).toBeDisabled();
  await undo.click();
  await expect(page.getByRole('tab')).toHaveText(['Current', 'Ideal']);
  await expectSaved(page);
});

test('a connected-customer map is placed on the continuum, and the place can change later', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Toner subscription');
  await page.getByText('Connected customer', { exact: true }).click();
  await page
    .getByRole('combobox', { name: 'Connected customer experience' })
    .selectOption('curated-offering');
  await page.getByRole('button', { name: 'Create map' }).click();
  await expect(board(page)).toBeVisible();

  await page.getByRole('button', { name: 'Stages and lanes' }).click();
  const place = page.getByRole('combobox', { name: 'Connected experience' });
  await expect(place).toHaveValue('curated-offering');
  await place.selectOption('automatic-execution');
  await expect(place).toHaveValue('automatic-execution');
  // One undo step puts the map back where it was.
  await page.keyboard.press('Escape');
  await board(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: 'Stages and lanes' }).click();
  await expect(place).toHaveValue('curated-offering');

  await place.selectOption('respond-to-desire');
  await expectSaved(page);
  await page.reload();
  await expect(board(page)).toBeVisible();
  await page.getByRole('button', { name: 'Stages and lanes' }).click();
  await expect(place).toHaveValue('respond-to-desire');
});
