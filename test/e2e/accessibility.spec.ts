import { expect, test } from '@playwright/test';
import { addNoteAt, createMap, goToLibrary, swatch } from './support/journeywall.ts';

/** Each toolbar control by its accessible name, and the shortcut its tooltip must name. */
const SHORTCUTS: readonly (readonly [name: string, shortcut: string | null])[] = [
  ['Library', null],
  ['New note', 'N'],
  ['Duplicate', 'Ctrl+D'],
  ['Bring to front', 'Ctrl+Shift+]'],
  ['Delete', 'Delete'],
  ['Undo', 'Ctrl+Z'],
  ['Redo', 'Ctrl+Shift+Z'],
  ['Zoom out', 'Ctrl+-'],
  ['Zoom in', 'Ctrl+='],
  ['Zoom to fit', 'Shift+1'],
  ['Keyboard shortcuts', '?'],
];
const SWATCHES = ['Yellow', 'Orange', 'Pink', 'Blue', 'Green', 'Purple', 'Grey'];

test('every toolbar control has a name and a tooltip naming its shortcut', async ({ page }) => {
  await createMap(page, 'Accessible map');
  await addNoteAt(page, { x: 300, y: 300 }, 'Selected, so every command is available');
  const toolbar = page.locator('header.toolbar');

  // Nothing in the toolbar is nameless or without a tooltip.
  const controls = toolbar.locator('button, input');
  expect(await controls.count()).toBeGreaterThanOrEqual(SHORTCUTS.length + SWATCHES.length + 2);
  for (const control of await controls.all()) {
    await expect(control).toHaveAccessibleName(/\S/);
    if ((await control.evaluate((element) => element.tagName)) === 'BUTTON')
      await expect(control).toHaveAttribute('title', /\S/);
  }

  for (const [name, shortcut] of SHORTCUTS) {
    const title = await toolbar.getByRole('button', { name, exact: true }).getAttribute('title');
    if (shortcut) expect(title).toContain(`(${shortcut})`);
    else expect(title).toBe(name);
  }
  for (const [index, colour] of SWATCHES.entries()) {
    await expect(swatch(page, `${colour} note`)).toHaveAttribute('title', `${colour} (${index + 1})`);
  }
  await expect(toolbar.getByRole('button', { name: /^Zoom 100%/ })).toHaveAttribute('title', /\(Ctrl\+0\)/);
  await expect(toolbar.getByRole('textbox', { name: 'Map name' })).toHaveValue('Accessible map');
  await expect(page.getByRole('application', { name: 'Journey map board' })).toBeVisible();

  // The ? key (its tooltip's shortcut) opens the sheet listing the others; Escape closes it.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const [, shortcut] of SHORTCUTS)
    if (shortcut && shortcut !== '?') await expect(sheet).toContainText(shortcut);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('every control of the library has a name', async ({ page }) => {
  await createMap(page, 'Named map');
  await goToLibrary(page);
  for (const name of ['Open Named map', 'Rename Named map', 'Duplicate Named map', 'Delete Named map'])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  const controls = page.getByRole('main').locator('button');
  expect(await controls.count()).toBeGreaterThanOrEqual(6);
  for (const control of await controls.all()) await expect(control).toHaveAccessibleName(/\S/);
});
