import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { DOT_BADGE_FILL } from '../../renderer/drawing/dot-badge-style.ts';
import { captureBoard } from './support/board-pixels.ts';
import { createJourneyMap, geometry, typeInCell } from './support/journey-grid.ts';
import { interceptFileChoosers, openFromLibrary, test } from './support/journeywall.ts';

/**
 * Issue 10: the room votes with dots on one laptop. Five voters come to it one by one, each puts
 * three dots on breakdown points with +, the totals stay hidden until the reveal; the ranked
 * results are saved as CSV, and the vote with its ballots is in the saved map file.
 */

const BREAKDOWNS = {
  'Brand awareness': 'Ads promise a printer, not toner',
  Interest: 'Cannot tell which cartridge fits',
  'A taste of the offering': 'Sample prints come out striped',
  Purchase: 'One invoice per cartridge',
} as const;
type Stage = keyof typeof BREAKDOWNS;

/** Each voter's three dots, one a note: 5 on the first, a tie of 4 and 4, then 2. */
const BALLOTS: readonly (readonly Stage[])[] = [
  ['Brand awareness', 'Interest', 'A taste of the offering'],
  ['Brand awareness', 'Interest', 'A taste of the offering'],
  ['Brand awareness', 'Interest', 'A taste of the offering'],
  ['Brand awareness', 'Interest', 'Purchase'],
  ['Brand awareness', 'A taste of the offering', 'Purchase'],
];

/** Pixels of the dot badges' violet on the board: none when no note shows a dot. */
const badgePixels = async (page: Page): Promise<number> => {
  const { png } = await captureBoard(page);
  const fill = [1, 3, 5].map((i) => Number.parseInt(DOT_BADGE_FILL.slice(i, i + 2), 16));
  let count = 0;
  for (let offset = 0; offset < png.data.length; offset += 4)
    if (fill.every((channel, index) => Math.abs((png.data[offset + index] ?? 0) - channel) <= 3)) count++;
  return count;
};

const saveDownload = async (page: Page, path: string, act: () => Promise<void>): Promise<string> => {
  const download = page.waitForEvent('download');
  await act();
  await (await download).saveAs(path);
  return readFileSync(path, 'utf8');
};

test('five voters vote with dots, hidden until the reveal; the results are ranked, saved, kept in the file, reopened and merged', async ({
  page,
  browser,
}, info) => {
  await createJourneyMap(page, 'Home printer toner');
  const grid = await geometry(page);
  for (const [stage, text] of Object.entries(BREAKDOWNS))
    await typeInCell(page, grid.cell(stage, 'Breakdown points'), [text]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Vote' });
  await expect(panel.getByLabel('Question')).toHaveValue('Which breakdown points hurt most?');
  await expect(panel.getByLabel('Hide the totals until the reveal')).toBeChecked();
  await panel.getByRole('button', { name: 'Start the vote' }).click();

  const notice = page.locator('.toast');
  for (const [index, ballot] of BALLOTS.entries()) {
    await expect(panel.getByText(`Voter ${index + 1} of 5`)).toBeVisible();
    await expect(panel.getByText('3 dots left')).toBeVisible();
    for (const stage of ballot) {
      const note = grid.firstNote(stage, 'Breakdown points');
      await page.mouse.click(note.x, note.y);
      await page.keyboard.press('+');
    }
    await expect(panel.getByText('0 dots left')).toBeVisible();
    // The voter sees their own dots on the notes; the next one starts with none shown.
    await expect.poll(() => badgePixels(page)).toBeGreaterThan(0);
    // A fourth dot is refused: the budget is spent.
    await page.keyboard.press('+');
    await expect(notice).toContainText('This voter has placed all their dots.');
    if (index === BALLOTS.length - 1) continue;
    await panel.getByRole('button', { name: 'Next voter' }).click();
    await expect.poll(() => badgePixels(page)).toBe(0);
  }
  await expect(panel.getByRole('button', { name: 'Next voter' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Reveal' }).click();

  await expect.poll(() => badgePixels(page)).toBeGreaterThan(0);
  const rows = panel.getByRole('table', { name: 'Ranked results' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText(`15${BREAKDOWNS['Brand awareness']}`);
  await expect(rows.nth(2)).toContainText(`24${BREAKDOWNS.Interest}`);
  await expect(rows.nth(3)).toContainText(`24${BREAKDOWNS['A taste of the offering']}`);
  await expect(rows.nth(4)).toContainText(`42${BREAKDOWNS.Purchase}`);

  const csv = await saveDownload(page, info.outputPath('results.csv'), () =>
    panel.getByRole('button', { name: 'Save as CSV' }).click(),
  );
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
    'Rank,Dots,Note,Kind,Stage,Lane',
    // A note with a comma is quoted, as RFC 4180 asks.
    `1,5,"${BREAKDOWNS['Brand awareness']}",Breakdown point,Brand awareness,Breakdown points`,
    `2,4,${BREAKDOWNS.Interest},Breakdown point,Interest,Breakdown points`,
    `2,4,${BREAKDOWNS['A taste of the offering']},Breakdown point,A taste of the offering,Breakdown points`,
    `4,2,${BREAKDOWNS.Purchase},Breakdown point,Purchase,Breakdown points`,
    '',
  ]);

  const file = JSON.parse(
    await saveDownload(page, info.outputPath('toner.cxmap'), () => page.keyboard.press('Control+s')),
  );
  const texts = new Map<string, string>(
    file.notes.flatMap((group: { notes: { id: string; text: string }[] }) =>
      group.notes.map((note) => [note.id, note.text]),
    ),
  );
  expect(file.formatVersion).toBe(4);
  expect(file.votes).toHaveLength(1);
  const [vote] = file.votes;
  expect(vote).toMatchObject({
    question: 'Which breakdown points hurt most?',
    kinds: ['breakdown'],
    voters: 5,
    dotsPerVoter: 3,
    hidden: true,
    revealed: true,
  });
  const ballots = vote.ballots.map((ballot: Record<string, number>) =>
    Object.entries(ballot)
      .map(([id, dots]) => `${texts.get(id)} ${dots}`)
      .sort(),
  );
  expect(ballots).toEqual(BALLOTS.map((ballot) => ballot.map((stage) => `${BREAKDOWNS[stage]} 1`).sort()));

  // The file, reopened on a second laptop, keeps the results; the room there votes on another
  // question, and its copy comes back by email to be merged: both votes are in the map.
  const laptop = interceptFileChoosers(
    await (await browser.newContext({ viewport: page.viewportSize() ?? undefined })).newPage(),
  );
  await openFromLibrary(laptop, info.outputPath('toner.cxmap'));
  // Where the notes are as the map opened, before the vote panel takes the right edge.
  const laptopGrid = await geometry(laptop);
  await laptop.getByRole('button', { name: 'Vote', exact: true }).click();
  const theirs = laptop.getByRole('complementary', { name: 'Vote' });
  await expect(theirs.getByRole('table', { name: 'Ranked results' }).getByRole('row')).toHaveCount(5);
  await theirs.getByRole('button', { name: 'New vote' }).click();
  await theirs.getByLabel('Question').fill('Which one do we fix first?');
  await theirs.getByLabel('Voters').fill('1');
  await theirs.getByLabel('Dots each').fill('1');
  await theirs.getByRole('button', { name: 'Start the vote' }).click();
  const purchase = laptopGrid.firstNote('Purchase', 'Breakdown points');
  await laptop.mouse.click(purchase.x, purchase.y);
  await laptop.keyboard.press('+');
  await expect(theirs.getByText('0 dots left')).toBeVisible();
  await theirs.getByRole('button', { name: 'Reveal' }).click();
  await expect(theirs.getByRole('table', { name: 'Ranked results' }).getByRole('row')).toHaveCount(2);
  await saveDownload(laptop, info.outputPath('toner-copy.cxmap'), () => laptop.keyboard.press('Control+s'));

  await page.getByRole('button', { name: 'File', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: /Merge a copy/ }).click();
  await (await chooser).setFiles(info.outputPath('toner-copy.cxmap'));
  await expect(page.locator('.toast')).toContainText(/merged/i);
  await expect(panel.getByText('Which one do we fix first?')).toBeVisible();
  await panel.getByRole('button', { name: 'New vote' }).click();
  const past = panel.getByRole('region', { name: 'Past votes' }).getByRole('listitem');
  await expect(past).toHaveCount(2);
  await expect(past.nth(0)).toContainText('Which one do we fix first?');
  await expect(past.nth(0)).toContainText(`1 dot from 1 voter; first: “${BREAKDOWNS.Purchase}” with 1.`);
  await expect(past.nth(1)).toContainText('Which breakdown points hurt most?');
  await expect(past.nth(1)).toContainText('15 dots from 5 voters');
});
