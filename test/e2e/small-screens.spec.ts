import { expect, type Locator, type Page } from '@playwright/test';
import { writeExampleMap } from '../docs/example-map-file.ts';
import { openFromLibrary, test } from './support/journeywall.ts';

/**
 * A facilitator's laptop on a small projector: every toolbar command stays on screen (the toolbar
 * wraps onto a second row rather than hiding commands), and long messages stay inside the window.
 */

const TOOLBAR_BUTTONS = [
  'Library',
  'File',
  'New note',
  'Yellow note',
  'Orange note',
  'Pink note',
  'Blue note',
  'Green note',
  'Purple note',
  'Grey note',
  'Duplicate',
  'Bring to front',
  'Delete',
  'Undo',
  'Redo',
  'Find',
  'Outline',
  'Legend',
  'Present',
  'Timer',
  'Vote',
  'Zoom out',
  'Zoom in',
  'Zoom to fit',
  'Keyboard shortcuts',
];

// A file name as long as people's file names get: the toast must hold it.
const LONG_NAME = 'Home printer toner journey, workshop with the customer service team, second day, final';

/** The control's box lies wholly inside the window, and a click at its centre lands on it. */
const expectOnScreen = async (page: Page, control: Locator, what: string): Promise<void> => {
  const viewport = page.viewportSize();
  const box = await control.boundingBox();
  if (!viewport || !box) throw new Error(`${what} has no box`);
  expect(box.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what} top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} right edge`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${what} bottom edge`).toBeLessThanOrEqual(viewport.height);
  const hit = await control.evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return element.contains(document.elementFromPoint(x + width / 2, y + height / 2));
  });
  expect(hit, `${what} is not covered`).toBe(true);
};

/** Nothing inside the element is cut off or scrolled out of sight. */
const expectUnclipped = async (element: Locator, what: string): Promise<void> => {
  const size = await element.evaluate((node) => ({
    scroll: [node.scrollWidth, node.scrollHeight],
    client: [node.clientWidth, node.clientHeight],
  }));
  expect(size.scroll, `${what} holds all it shows`).toEqual(size.client);
};

for (const [width, height] of [
  [1024, 700],
  [1280, 720],
] as const) {
  test(`at ${width}×${height} every toolbar command and the long status messages are on screen`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width, height });
    const path = info.outputPath(`${LONG_NAME}.cxmap`);
    await writeExampleMap(path);
    await openFromLibrary(page, path);
    const toolbar = page.locator('header.toolbar');

    // The long file name arrives as a toast, which wraps inside the window.
    const toast = page.getByRole('status').filter({ hasText: `Opened ${LONG_NAME}.cxmap.` });
    await expect(toast).toBeVisible();
    await expectOnScreen(page, toast, 'the toast');
    await expectUnclipped(toast, 'the toast');

    await expectUnclipped(toolbar, 'the toolbar');
    for (const name of TOOLBAR_BUTTONS) {
      const button = toolbar.getByRole('button', { name, exact: true });
      await expect(button).toBeVisible();
      await expectOnScreen(page, button, name);
      // Reachable with Tab as well as the mouse.
      expect(await button.evaluate((element) => element.tabIndex), `${name} takes the focus`).toBe(0);
    }
    await expectOnScreen(page, toolbar.getByRole('button', { name: /^Zoom \d+%/ }), 'the zoom level');
    await expectOnScreen(page, toolbar.getByRole('textbox', { name: 'Map name' }), 'the map name');
    await expectOnScreen(page, toolbar.locator('output.save-status'), 'the save status');

    // The scenario bar's commands too, and the panels leave them in reach.
    await page.getByRole('button', { name: 'Legend', exact: true }).click();
    await page.getByRole('button', { name: 'Outline', exact: true }).click();
    for (const name of [/^Insights/, /^Compare current and ideal/, /^Stages and lanes/]) {
      await expectOnScreen(page, page.getByRole('button', { name }), String(name));
    }
    // Its Stages and lanes menu opens inside the window, over the panels.
    await page.getByRole('button', { name: /^Stages and lanes/ }).click();
    const structure = page.getByRole('group', { name: 'Stages and lanes' });
    await expectOnScreen(page, structure, 'the Stages and lanes menu');
    await expectOnScreen(page, structure.getByRole('button', { name: 'Add a lane' }), 'Add a lane');
  });
}
