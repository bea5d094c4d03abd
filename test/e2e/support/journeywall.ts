import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** What a facilitator does with Journeywall, as steps the tests share. */

/**
 * Keeps Playwright's file-chooser interception on for the page's whole life. Turned on only by
 * `waitForEvent('filechooser')`, it can lose the race with the key press that opens the chooser:
 * headless Chromium then shows a real chooser, cancels it at once, and the test waits forever.
 */
export const interceptFileChoosers = <P extends Pick<Page, 'on'>>(page: P): P => {
  page.on('filechooser', () => undefined);
  return page;
};

/** Playwright's test, with file choosers intercepted on its page from the start. */
export const test = base.extend({
  page: async ({ page }, use) => {
    await use(interceptFileChoosers(page));
  },
});

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const board = (page: Page): Locator => page.getByTestId('board');

export const saveStatus = (page: Page): Locator => page.locator('output.save-status');

/** Waits until the save indicator says every edit is stored. */
export const expectSaved = async (page: Page): Promise<void> => {
  await expect(saveStatus(page)).toHaveText('All changes saved');
};

/** A palette swatch ("Green note"): a radio or a toggle button, named by its colour. */
export const swatch = (page: Page, label: string): Locator =>
  page.getByRole('radio', { name: label }).or(page.getByRole('button', { name: label }));

export const zoomLabel = (page: Page): Locator => page.getByRole('button', { name: /^Zoom \d+%/ });

/**
 * The zoom the zoom level shows ("125%"), read from its accessible name: its label is drawn on a
 * canvas (renderer/chrome/zoom-level/), and its pixels are checked in viewport.spec.ts.
 */
export const zoomShown = async (page: Page): Promise<string | null> =>
  /^Zoom (\d+%)/.exec((await zoomLabel(page).getAttribute('aria-label')) ?? '')?.[1] ?? null;

/** The zoom the zoom level shows, as a number of percent. */
export const zoomPercent = async (page: Page): Promise<number> =>
  Number.parseInt((await zoomShown(page)) ?? '', 10);

/**
 * From the library: New map, named in its dialog, on the blank template (a plain board, no
 * stages or lanes); returns once its empty board is shown.
 */
export const startNewMap = async (page: Page, name = 'Untitled map'): Promise<void> => {
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('radio', { name: /^Blank/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(board(page)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue(name);
  await expect(page.getByText('Double-click anywhere, or press N, to add a note.')).toBeVisible();
};

/** Opens the library fresh and creates a blank map. */
export const createMap = async (page: Page, name?: string): Promise<void> => {
  await page.goto('/');
  await startNewMap(page, name);
};

export const renameOpenMap = async (page: Page, name: string): Promise<void> => {
  const title = page.getByRole('textbox', { name: 'Map name' });
  await title.fill(name);
  await title.press('Enter');
  await expect(title).toHaveValue(name);
  await expect(page).toHaveTitle(`${name} — Journeywall`);
};

/**
 * Types notes from the keyboard: N opens a note at the pointer, Tab commits it and opens the
 * next one beside it, Enter commits the last one. A line break in a text is typed as Shift+Enter.
 */
export const typeNotes = async (page: Page, texts: readonly string[]): Promise<void> => {
  await page.keyboard.press('n');
  for (const [index, text] of texts.entries()) {
    const editor = page.getByRole('textbox', { name: 'New note text' });
    await expect(editor).toBeFocused();
    for (const [line, words] of text.split('\n').entries()) {
      if (line > 0) await page.keyboard.press('Shift+Enter');
      await page.keyboard.type(words);
    }
    await page.keyboard.press(index === texts.length - 1 ? 'Enter' : 'Tab');
  }
  await expect(page.getByRole('textbox', { name: 'New note text' })).toHaveCount(0);
};

/** One note typed at a point of the board (the note is centred on the pointer). */
export const addNoteAt = async (page: Page, at: Point, text: string): Promise<void> => {
  await page.mouse.move(at.x, at.y);
  await typeNotes(page, [text]);
};

/** Reads a note's text the way a user does: double-click it, look, leave with Escape. */
export const readNoteText = async (page: Page, at: Point): Promise<string> => {
  await page.mouse.dblclick(at.x, at.y);
  const editor = page.getByRole('textbox', { name: 'Note text', exact: true });
  await expect(editor).toBeFocused();
  const text = await editor.inputValue();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  return text;
};

/** A mouse drag in small steps, as a hand makes it. */
export const drag = async (
  page: Page,
  from: Point,
  to: Point,
  options: { button?: 'left' | 'middle'; steps?: number } = {},
): Promise<void> => {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button: options.button ?? 'left' });
  await page.mouse.move(to.x, to.y, { steps: options.steps ?? 8 });
  await page.mouse.up({ button: options.button ?? 'left' });
};

export const goToLibrary = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Journeywall', level: 1 })).toBeVisible();
};

/** A map's card in the library: its open button carries the name and the note count. */
export const mapCard = (page: Page, name: string): Locator =>
  page.getByRole('list', { name: 'Maps' }).getByRole('button', { name: `Open ${name}`, exact: true });

export const openMap = async (page: Page, name: string): Promise<void> => {
  await mapCard(page, name).click();
  await expect(board(page)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue(name);
};

/**
 * How far the persona card and the scenario bar reach in over the board, measured the way the
 * app measures them, so a test can work out where zoom to fit puts the map (fitBeside).
 */
export const coveredEdges = async (page: Page): Promise<{ left: number; right: number; bottom: number }> =>
  page.evaluate(() => {
    const reach = (selector: string, edge: 'left' | 'right' | 'bottom') => {
      const panel = document.querySelector<HTMLElement>(selector);
      if (!panel || panel.offsetWidth === 0) return 0;
      const board = panel.offsetParent;
      const pixels =
        edge === 'left'
          ? panel.offsetLeft + panel.offsetWidth
          : edge === 'right'
            ? (board?.clientWidth ?? 0) - panel.offsetLeft
            : (board?.clientHeight ?? 0) - panel.offsetTop;
      return Math.max(0, Math.round(pixels));
    };
    return {
      left: reach('.persona-card', 'left'),
      right: reach('.side-panels', 'right'),
      bottom: reach('.scenario-bar', 'bottom'),
    };
  });

/** Opens a map file (or a poster) from disk with Ctrl+O, the way a user does. */
export const openWithShortcut = async (page: Page, path: string): Promise<void> => {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(path);
};

/**
 * Starts on the library and opens a map file there; resolves once the map is on the board and
 * stored. Waits with locators only, so benchmarks and doc scripts use it outside a test too.
 */
export const openFromLibrary = async (page: Page, path: string): Promise<void> => {
  await page.goto('/');
  // The library is up, and with it the app's keyboard shortcuts.
  await page.getByRole('button', { name: 'New map' }).waitFor();
  await openWithShortcut(page, path);
  await board(page).waitFor();
  await saveStatus(page).filter({ hasText: 'All changes saved' }).waitFor({ timeout: 30_000 });
};
