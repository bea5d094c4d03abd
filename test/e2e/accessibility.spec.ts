import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { writeExampleMap } from '../docs/example-map-file.ts';
import { addNoteAt, createMap, goToLibrary, openFromLibrary, swatch, test } from './support/journeywall.ts';

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

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core over the page as it is now; any violation fails, named with where it is. */
const expectAccessible = async (page: Page, screen: string): Promise<void> => {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const found = violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${screen}: ${violation.id} at ${node.target.join(' ')}: ${violation.help}`,
    ),
  );
  expect(found).toEqual([]);
};

/** Escape closes what has the focus, and the focus goes back to the button that opened it. */
const escapeBackTo = async (page: Page, shown: Locator, opener: Locator): Promise<void> => {
  await page.keyboard.press('Escape');
  await expect(shown).toBeHidden();
  await expect(opener).toBeFocused();
};

test('every screen, panel and dialog passes axe-core at WCAG 2.2 AA', async ({ page }, info) => {
  // Thirteen axe runs of a few seconds each, one after the other.
  test.setTimeout(240_000);
  await page.goto('/');
  await expectAccessible(page, 'empty library');
  await page.getByRole('button', { name: 'New map' }).click();
  const newMap = page.getByRole('dialog', { name: 'New map' });
  await expect(newMap).toBeVisible();
  await expectAccessible(page, 'new-map dialog');
  await newMap.getByRole('button', { name: 'Cancel' }).click();

  const path = info.outputPath('toner.cxmap');
  await writeExampleMap(path);
  await openFromLibrary(page, path);
  await expectAccessible(page, 'board');

  const chip = page.getByRole('button', { name: /^Persona: / });
  if (await chip.isVisible()) await chip.click();
  await expect(page.getByRole('button', { name: 'Collapse persona card' })).toBeVisible();
  await expectAccessible(page, 'persona card');

  for (const [button, panel] of [
    ['Outline', 'Outline'],
    ['Legend', 'Legend'],
  ] as const) {
    const opener = page.getByRole('button', { name: button, exact: true });
    await opener.click();
    const shown = page.getByRole('complementary', { name: panel });
    await expect(shown).toBeVisible();
    await expectAccessible(page, `${panel} panel`);
    await escapeBackTo(page, shown, opener);
  }
  const insightsButton = page.getByRole('button', { name: /^Insights/ });
  await insightsButton.click();
  const insights = page.getByRole('complementary', { name: 'Insights' });
  await expectAccessible(page, 'Insights panel');
  await escapeBackTo(page, insights, insightsButton);

  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in notes, headers and personas' });
  await find.fill('toner');
  await expectAccessible(page, 'find bar');
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();

  const structureButton = page.getByRole('button', { name: 'Stages and lanes' });
  await structureButton.click();
  const structure = page.getByRole('group', { name: 'Stages and lanes' });
  await expect(structure).toBeVisible();
  await expectAccessible(page, 'Stages and lanes menu');
  await escapeBackTo(page, structure, structureButton);

  const fileButton = page.getByRole('button', { name: 'File', exact: true });
  await fileButton.click();
  const fileMenu = page.getByRole('menu', { name: 'File' });
  await expectAccessible(page, 'File menu');
  await escapeBackTo(page, fileMenu, fileButton);

  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await expectAccessible(page, 'shortcuts dialog');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  await page.keyboard.press('Control+Shift+E');
  const poster = page.getByRole('dialog', { name: 'Export poster' });
  await expect(poster.getByRole('img', { name: 'Preview of the poster' })).toBeVisible();
  await expectAccessible(page, 'poster export dialog');
  await page.keyboard.press('Escape');
  await expect(poster).toBeHidden();

  const createIdeal = page.getByRole('button', { name: /ideal from current/ });
  if (await createIdeal.isEnabled()) await createIdeal.click();
  await page.getByRole('button', { name: 'Compare current and ideal' }).click();
  const compare = page.getByRole('dialog', { name: /→/ });
  await expect(compare.getByRole('table', { name: 'Gap list' })).toBeVisible();
  await expectAccessible(page, 'compare view');
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();

  await goToLibrary(page);
  await expectAccessible(page, 'library with a map');
});

test('a panel opened from the toolbar takes the focus, and Escape gives it back', async ({ page }) => {
  await createMap(page, 'Focus map');
  const legendButton = page.getByRole('button', { name: 'Legend', exact: true });
  await legendButton.click();
  const legend = page.getByRole('complementary', { name: 'Legend' });
  await expect(legend).toBeFocused();
  await escapeBackTo(page, legend, legendButton);

  // Opened with its shortcut, the outline takes the focus too, and Escape returns it to the board.
  await page.keyboard.press('Control+Shift+O');
  const outline = page.getByRole('complementary', { name: 'Outline' });
  await expect(outline).toBeVisible();
  await expect(outline).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(outline).toBeHidden();
});

test('the File menu moves with the arrow keys, Home and End, and closes on Escape', async ({ page }) => {
  await createMap(page, 'Menu map');
  const fileButton = page.getByRole('button', { name: 'File', exact: true });
  await fileButton.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'File' });
  const item = (name: RegExp) => menu.getByRole('menuitem', { name });
  await expect(item(/^Open…/)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item(/^Save\b(?! as)/)).toBeFocused();
  await page.keyboard.press('End');
  await expect(item(/^Print pages/)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item(/^Open…/)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(item(/^Print pages/)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item(/^Open…/)).toBeFocused();
  await escapeBackTo(page, menu, fileButton);

  // Enter on an item runs it: Print pages opens its dialog.
  await page.keyboard.press('ArrowUp');
  await expect(item(/^Print pages/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Print pages' })).toBeVisible();
});

test('the Stages and lanes checkboxes are targets of at least 24 by 24 pixels', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the example map' }).click();
  await page.getByRole('button', { name: 'Stages and lanes' }).click();
  const boxes = page.getByRole('group', { name: 'Lanes shown' }).getByRole('checkbox');
  expect(await boxes.count()).toBeGreaterThan(3);
  for (const box of await boxes.all()) {
    const size = await box.boundingBox();
    expect(size?.width).toBeGreaterThanOrEqual(24);
    expect(size?.height).toBeGreaterThanOrEqual(24);
  }
});
