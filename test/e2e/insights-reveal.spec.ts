import { expect, test } from '@playwright/test';
import { visibleNotes } from './support/board-pixels.ts';
import { createJourneyMap, geometry, typeInCell } from './support/journey-grid.ts';

/**
 * Issue 11, trap 12: an insight selects what it is about and brings it into view beside the
 * Insights panel, never under it.
 */

const TOUCHPOINTS: readonly [string, readonly string[]][] = [
  ['Brand awareness', ['TV ad', 'Search result']],
  ['Interest', ['Website']],
  ['A taste of the offering', ['Sample print']],
  ['Purchase', ['Order page', 'Payment page']],
  ['Use', ['Install video']],
  ['Post-purchase', ['Survey email']],
  ['Repeat purchases', ['Reorder reminder']],
  ['Referral', ['Referral code', 'Review request']],
];

test('the notes an insight selects are shown beside the Insights panel, not under it', async ({ page }) => {
  await createJourneyMap(page, 'Toner, too many touchpoints');
  const grid = await geometry(page);
  for (const [stage, texts] of TOUCHPOINTS) await typeInCell(page, grid.cell(stage, 'Touchpoints'), texts);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /^Insights/ }).click();
  const panel = page.getByRole('list', { name: 'Insights' });
  await panel.getByRole('button', { name: /11 touchpoints: the map may describe your processes/ }).click();

  const panelBox = await page.locator('.side-panels').boundingBox();
  if (!panelBox) throw new Error('no side panels');
  // Every touchpoint (a blue note) is drawn on the board left of the panel, none hidden by it.
  await expect
    .poll(async () => {
      const notes = await visibleNotes(page);
      return notes.filter((note) => note.color === 'blue' && note.w < 300 && note.x + note.w <= panelBox.x)
        .length;
    })
    .toBe(11);
});
