import { expect, type Locator, type Page } from '@playwright/test';
import { fitBeside, toScreen } from '../../../renderer/board/viewport.ts';
import { GRID } from '../../../shared/journey/grid-geometry.ts';
import { board, coveredEdges, saveStatus, zoomShown } from '../../e2e/support/journeywall.ts';
import { APP_ORIGIN } from './paths.ts';

export { board, saveStatus, zoomShown };

export type Template = 'Blank' | 'Customer experience stages';

export const mapTitle = (page: Page): Locator => page.getByRole('textbox', { name: 'Map name' });

const libraryHeading = (page: Page): Locator => page.getByRole('heading', { name: 'Journeywall', level: 1 });

/** Any open text editor of the board: a note, a stage or lane header, a persona field. */
export const anyEditor = (page: Page): Locator =>
  page.getByRole('textbox', {
    name: /^(New note text|Note text|Stage name|Lane name|Persona (name|role|goals|needs|frustrations|quote))$/,
  });

/** Loads the app and waits until it shows the library or a map. */
export const openApp = async (page: Page): Promise<'library' | 'board'> => {
  await page.goto(`${APP_ORIGIN}/`);
  await expect(libraryHeading(page).or(board(page))).toBeVisible({ timeout: 15_000 });
  return (await board(page).isVisible()) ? 'board' : 'library';
};

/** From the library: New map, named, on a template; returns once its board is shown. */
export const createMap = async (page: Page, name: string, template: Template): Promise<void> => {
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('radio', { name: new RegExp(`^${template}`) }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(mapTitle(page)).toHaveValue(name);
};

/** Opens a map from the library by its name. */
export const openFromLibrary = async (page: Page, name: string): Promise<void> => {
  await page
    .getByRole('list', { name: 'Maps' })
    .getByRole('button', { name: new RegExp(`^Open ${escapeRegExp(name)}`) })
    .first()
    .click();
  await expect(mapTitle(page)).toHaveValue(name);
};

export const goToLibrary = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(libraryHeading(page)).toBeVisible();
};

/** Waits until the save indicator says every edit is stored. */
export const expectSaved = async (page: Page, timeout = 10_000): Promise<void> => {
  await expect(saveStatus(page)).toHaveText('All changes saved', { timeout });
};

/** Moves the pointer over the board, presses N and types notes: Tab between them, Enter after the last. */
export const typeNotes = async (page: Page, at: { x: number; y: number }, texts: readonly string[]) => {
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press('n');
  for (const [index, text] of texts.entries()) {
    await expect(page.getByRole('textbox', { name: 'New note text' })).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press(index === texts.length - 1 ? 'Enter' : 'Tab');
  }
  await expect(page.getByRole('textbox', { name: 'New note text' })).toHaveCount(0);
};

/** Pastes plain text on the board the way the system clipboard does: one note per line. */
export const pasteText = async (page: Page, text: string): Promise<void> => {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
};

/** Points of the board, each given as fractions of its width and height. */
export const boardPoints = async (
  page: Page,
  fractions: readonly (readonly [number, number])[],
): Promise<{ x: number; y: number }[]> => {
  const box = await board(page).boundingBox();
  if (!box) throw new Error('The board is not on screen');
  return fractions.map(([fx, fy]) => ({
    x: Math.round(box.x + box.width * fx),
    y: Math.round(box.y + box.height * fy),
  }));
};

/**
 * A zoom or pan is drawn once the selection's canvas has no catch-up CSS transform left and the
 * paper under it shows the newest drawing (its worker's, see use-board-painter.ts).
 */
const boardSettled = async (page: Page): Promise<void> => {
  await page.waitForFunction(() => {
    const canvas = document.querySelector<HTMLElement>('.board-canvas');
    const board = document.querySelector('.board');
    return canvas?.style.transform === '' && board?.getAttribute('data-painted') === 'current';
  });
};

/** Zoom 100% (Ctrl+0), then `steps` zoom steps in (positive) or out (negative). */
export const zoomTo = async (page: Page, steps: number): Promise<void> => {
  await page.keyboard.press('Control+Digit0');
  for (let step = 0; step < Math.abs(steps); step++) {
    await page.keyboard.press(steps > 0 ? 'Control+Equal' : 'Control+Minus');
  }
  await boardSettled(page);
};

export interface GridShape {
  /** Stage widths, left to right. */
  readonly stageWidths: readonly number[];
  /** Heights of the shown lanes, top to bottom (no notes in them, so their own heights). */
  readonly laneHeights: readonly number[];
}

/**
 * Zooms to fit (Shift+1) and returns where each stage and lane header is on screen, worked out
 * the way the app fits the grid: beside the persona card and the scenario bar.
 */
export const headerPoints = async (
  page: Page,
  grid: GridShape,
): Promise<{ stages: { x: number; y: number }[]; lanes: { x: number; y: number }[] }> => {
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Digit1');
  await boardSettled(page);
  const box = await board(page).boundingBox();
  if (!box) throw new Error('The board is not on screen');
  const top = GRID.headerHeight + GRID.categoryHeight;
  const width = grid.stageWidths.reduce((sum, w) => sum + w, 0);
  const height = grid.laneHeights.reduce((sum, h) => sum + h, 0);
  const fit = fitBeside(
    { x: -GRID.laneHeaderWidth, y: -top, w: GRID.laneHeaderWidth + width, h: top + height },
    { width: Math.floor(box.width), height: Math.floor(box.height) },
    await coveredEdges(page),
  );
  const onScreen = (x: number, y: number) => {
    const point = toScreen(fit, { x, y });
    return { x: Math.round(box.x + point.x), y: Math.round(box.y + point.y) };
  };
  const starts = (sizes: readonly number[]) =>
    sizes.map((_, i) => sizes.slice(0, i).reduce((s, v) => s + v, 0));
  return {
    stages: starts(grid.stageWidths).map((x, i) =>
      onScreen(x + (grid.stageWidths[i] ?? 0) / 2, -GRID.headerHeight / 2),
    ),
    lanes: starts(grid.laneHeights).map((y, i) =>
      onScreen(-GRID.laneHeaderWidth / 2, y + Math.min(grid.laneHeights[i] ?? 0, GRID.headerHeight) / 2),
    ),
  };
};

/** The persona card of a map that has none yet: open it from its chip and add one, named. */
export const addPersona = async (page: Page, name: string): Promise<void> => {
  await page.getByRole('button', { name: 'Persona: none' }).click();
  await page.getByRole('button', { name: 'Add a persona' }).click();
  const field = page.getByRole('textbox', { name: 'Persona name' });
  await expect(field).toBeFocused();
  await field.fill(name);
  await page.keyboard.press('Enter');
  await expect(field).toHaveCount(0);
};

/** A persona field's shown value (a button); clicking it opens its editor. */
export const personaValue = (page: Page, field: string): Locator =>
  page.locator(`.persona-field[data-field="${field}"] button`);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
