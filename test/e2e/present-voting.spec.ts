import { expect, type Page } from '@playwright/test';
import { type DrawnText, lastFrame, recordCanvasText, settle, takeDrawn } from './support/canvas-text.ts';
import { createJourneyMap, geometry, typeInCell } from './support/journey-grid.ts';
import { test } from './support/journeywall.ts';

/**
 * Issue 10: the room votes from the projector view, without the editing chrome. The facilitator
 * starts a hidden vote, presents, and each voter gives dots with Tab and +, or by clicking a
 * note's badge; N brings the next voter, R reveals, and the ranked results are the walk's last
 * step. Every badge's count is drawn at the projector minimum.
 */

const BREAKDOWNS = {
  'Brand awareness': 'Ads promise a printer, not toner',
  Interest: 'Cannot tell which cartridge fits',
  'A taste of the offering': 'Sample prints come out striped',
} as const;

/** The projector minimum at 1080 px (renderer/present/projector-text.ts): 3 % of the height. */
const MINIMUM = 1080 * 0.03;

const present = (page: Page) => page.getByTestId('present');
const caption = (page: Page) => present(page).locator('.present-caption');
const status = (page: Page) => page.getByTestId('present-status');

/** The badges on the map as drawn last: their counts, or "+" on a note that can still get a dot. */
const badgesDrawn = async (page: Page): Promise<DrawnText[]> => {
  await settle(page);
  return lastFrame(await takeDrawn(page)).filter((text) => /^(\+|\d+)$/.test(text.text));
};

const startHiddenVote = async (page: Page) => {
  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Vote' });
  await panel.getByLabel('Voters').fill('2');
  await panel.getByLabel('Dots each').fill('2');
  await expect(panel.getByLabel('Hide the totals until the reveal')).toBeChecked();
  await panel.getByRole('button', { name: 'Start the vote' }).click();
  await expect(panel.getByText('Voter 1 of 2')).toBeVisible();
};

test('the room votes from present mode: keys and badge clicks, the next voter, the reveal and the ranked results', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript(recordCanvasText);
  await createJourneyMap(page, 'Home printer toner');
  const grid = await geometry(page);
  for (const [stage, text] of Object.entries(BREAKDOWNS))
    await typeInCell(page, grid.cell(stage, 'Breakdown points'), [text]);
  await page.keyboard.press('Escape');
  await startHiddenVote(page);

  await page.keyboard.press('F5');
  await expect(present(page)).toBeVisible();
  await expect(status(page)).toHaveText('Voter 1 of 2 · 2 dots left');

  // Voter 1: Tab picks the first stage's breakdown point, + gives it a dot.
  await page.keyboard.press('1');
  await expect(caption(page)).toContainText('1. Brand awareness');
  await takeDrawn(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('+');
  await expect(status(page)).toHaveText('Voter 1 of 2 · 1 dot left');
  const given = await badgesDrawn(page);
  expect(given.map((badge) => badge.text)).toContain('1');
  for (const badge of given) expect(badge.px).toBeGreaterThanOrEqual(MINIMUM - 0.01);

  // Then a click on the open badge of the second stage's note.
  await page.keyboard.press('2');
  await expect(caption(page)).toContainText('2. Interest');
  const open = (await badgesDrawn(page)).find((badge) => badge.text === '+');
  if (!open) throw new Error('no open badge drawn on the Interest step');
  expect(open.px).toBeGreaterThanOrEqual(MINIMUM - 0.01);
  await page.mouse.click(open.x + open.w / 2, open.y + open.h / 2);
  await expect(status(page)).toHaveText('Voter 1 of 2 · 0 dots left');
  // The click gave a dot; it did not spotlight the note.
  await expect(present(page)).toHaveAttribute('data-step', 'stage');
  expect((await badgesDrawn(page)).map((badge) => badge.text)).toContain('1');

  // Voter 2 sees none of voter 1's dots: the vote is hidden.
  await page.keyboard.press('n');
  await expect(status(page)).toHaveText('Voter 2 of 2 · 2 dots left');
  const hidden = (await badgesDrawn(page)).map((badge) => badge.text);
  expect(hidden.length).toBeGreaterThan(0);
  expect(hidden.every((text) => text === '+')).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('+');
  await page.keyboard.press('3');
  await expect(caption(page)).toContainText('3. A taste of the offering');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('+');
  await expect(status(page)).toHaveText('Voter 2 of 2 · 0 dots left');
  await page.keyboard.press('Escape');

  // R reveals, and the walk goes to the results: ranked, the tie shown as a tie.
  await page.keyboard.press('r');
  await expect(present(page)).toHaveAttribute('data-step', 'votes');
  await expect(caption(page)).toContainText('Vote results: Which breakdown points hurt most?');
  const ranking = present(page).getByRole('region', { name: 'Vote results' }).getByRole('listitem');
  await expect(ranking).toHaveText([
    `1. 2 dots: ${BREAKDOWNS.Interest} (Breakdown point; Interest, Breakdown points)`,
    `2. 1 dot: ${BREAKDOWNS['Brand awareness']} (Breakdown point; Brand awareness, Breakdown points)`,
    `2. 1 dot: ${BREAKDOWNS['A taste of the offering']} (Breakdown point; A taste of the offering, Breakdown points)`,
  ]);
  await expect(present(page).locator('.present-count')).toHaveText(/^(\d+) \/ \1$/);
  const fontSize = await ranking
    .first()
    .evaluate((item) => Number.parseFloat(getComputedStyle(item).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(MINIMUM - 0.01);

  // The revealed totals are on the notes of the stages, too.
  await page.keyboard.press('2');
  expect((await badgesDrawn(page)).map((badge) => badge.text)).toContain('2');

  // Every dot was an edit of the map: back on the board, the vote panel has the results.
  await page.keyboard.press('Escape');
  await expect(present(page)).toHaveCount(0);
  const panel = page.getByRole('complementary', { name: 'Vote' });
  await expect(panel.getByRole('table', { name: 'Ranked results' }).getByRole('row')).toHaveCount(4);
});
