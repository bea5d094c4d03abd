import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { DOT_BADGE_FILL } from '../../renderer/drawing/dot-badge-style.ts';
import { captureBoard } from './support/board-pixels.ts';
import { createJourneyMap, geometry, typeInCell } from './support/journey-grid.ts';
import { test } from './support/journeywall.ts';

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

test('five voters vote with dots, hidden until the reveal; the results are ranked, saved and kept in the file', async ({
  page,
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
    await expect(notice).toContainText(`Voter ${index + 1} of 5: 0 dots left.`);
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
  expect(file.formatVersion).toBe(3);
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
});
