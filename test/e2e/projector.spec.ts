import { expect, type Page } from '@playwright/test';
import { lastFrame, recordCanvasText, settle, takeDrawn } from './support/canvas-text.ts';
import { createJourneyMap, geometry, typeInCell } from './support/journey-grid.ts';
import { test } from './support/journeywall.ts';

/**
 * Issue 10: present mode on a second screen. The facilitator's window keeps the editable board
 * while a projector window (a second tab in the browser build, over a BroadcastChannel) shows
 * the present view; edits, votes, the timer, steps and blanking reach the other window live.
 */

const present = (page: Page) => page.getByTestId('present');
const caption = (page: Page) => present(page).locator('.present-caption > span').first();
const bar = (page: Page) => page.getByTestId('projector-bar');

/** The words drawn on the projector's map in its latest redraw. */
const wordsDrawn = async (page: Page): Promise<string> => {
  await settle(page);
  return lastFrame(await takeDrawn(page))
    .map((text) => text.text)
    .join(' ');
};

test('a projector window shows present mode and follows the board window live', async ({ page, context }) => {
  await context.addInitScript(recordCanvasText);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await createJourneyMap(page, 'Home printer toner');
  const grid = await geometry(page);
  await typeInCell(page, grid.cell('Interest', 'Breakdown points'), ['Cannot tell which cartridge fits']);
  await page.keyboard.press('Escape');

  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Projector window', exact: true }).click();
  const projector = await opened;
  await projector.emulateMedia({ reducedMotion: 'reduce' });
  await expect(present(projector)).toBeVisible();
  await expect(caption(projector)).toHaveText('Home printer toner: the whole journey');
  // The board window stays the board, with the projector's steps at hand.
  await expect(present(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Projector window', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(bar(page)).toContainText(/Projector: 1 \/ \d+ · Home printer toner: the whole journey/);

  // Steps from the bar, and from a clicker's Page Down on the board window.
  await bar(page).getByRole('button', { name: 'Next step' }).click();
  await expect(caption(projector)).toHaveText('1. Brand awareness');
  await expect(bar(page)).toContainText('Projector: 2 / ');
  await page.keyboard.press('PageDown');
  await expect(caption(projector)).toHaveText('2. Interest');
  await expect(bar(page)).toContainText('2. Interest');

  // A note typed on the board appears on the projector.
  await takeDrawn(projector);
  await typeInCell(page, grid.cell('Interest', 'Customer actions'), ['Compares toner prices']);
  await page.keyboard.press('Escape');
  await expect.poll(() => wordsDrawn(projector)).toContain('Compares');

  // A vote given on the projector is the board window's edit: its panel counts the dot.
  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Vote' });
  await panel.getByLabel('Voters').fill('2');
  await panel.getByLabel('Dots each').fill('2');
  await panel.getByRole('button', { name: 'Start the vote' }).click();
  await expect(projector.getByTestId('present-status')).toHaveText('Voter 1 of 2 · 2 dots left');
  // The projector is a 1280×720 window: Interest now takes two parts, its breakdown point in the second.
  await bar(page).getByRole('button', { name: 'Next step' }).click();
  await expect(caption(projector)).toContainText('Breakdown points');
  await projector.keyboard.press('Tab');
  await projector.keyboard.press('+');
  await expect(panel.locator('.vote-turn')).toContainText('1 dot left');
  await expect(projector.getByTestId('present-status')).toContainText('1 dot left');
  // Undone on the board, it is gone from both.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.locator('.vote-turn')).toContainText('2 dots left');
  await expect(projector.getByTestId('present-status')).toHaveText('Voter 1 of 2 · 2 dots left');

  // The timer is the same in both windows.
  await page.getByRole('button', { name: /^Timer/ }).click();
  const timerMenu = page.getByRole('group', { name: 'Timer' });
  await timerMenu.getByRole('button', { name: '5 min' }).click();
  await page.getByRole('button', { name: /^Timer/ }).click();
  await timerMenu.getByRole('button', { name: 'Pause' }).click();
  const boardClock = ((await page.getByRole('button', { name: /^Timer/ }).getAttribute('aria-label')) ?? '')
    .replace(/^Timer /, '')
    .replace(/, paused$/, '');
  expect(boardClock).toMatch(/^(4:5\d|5:00)$/);
  await expect(projector.getByRole('timer')).toHaveText(`${boardClock}Paused`);

  // Blank from the board window, and back.
  await bar(page).getByRole('button', { name: 'Blank the projector' }).click();
  await expect(projector.getByTestId('present-blank')).toBeVisible();
  await expect(bar(page)).toContainText('blanked');
  await bar(page).getByRole('button', { name: 'Show the projector again' }).click();
  await expect(projector.getByTestId('present-blank')).toHaveCount(0);

  // Closing it from the bar closes the window.
  const closed = projector.waitForEvent('close');
  await bar(page).getByRole('button', { name: 'Close the projector window' }).click();
  await closed;
  await expect(bar(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Projector window', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('Escape on the projector window ends it; the board window is told', async ({ page, context }) => {
  await createJourneyMap(page, 'Toner');
  const opened = context.waitForEvent('page');
  await page.keyboard.press('Shift+F5');
  const projector = await opened;
  await expect(present(projector)).toBeVisible();
  await expect(bar(page)).toBeVisible();
  const closed = projector.waitForEvent('close');
  // Only the key's press: the window is gone before a release could reach it, and sometimes
  // before Playwright hears the press was delivered (then it reports the page closed).
  await projector.keyboard.down('Escape').catch((error: Error) => {
    if (!/has been closed/.test(error.message)) throw error;
  });
  await closed;
  await expect(bar(page)).toHaveCount(0);
});
