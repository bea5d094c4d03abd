import { expect, type Page, test } from '@playwright/test';
import { createMap } from './support/journeywall.ts';

/** Records every sound the page starts, so the chime can be checked without speakers. */
const recordPlays = (page: Page) =>
  page.addInitScript(() => {
    const played: string[] = [];
    Object.assign(window, { __played: played });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(this.currentSrc || this.src);
      return play.call(this);
    };
  });

const played = (page: Page) => page.evaluate(() => (window as unknown as { __played: string[] }).__played);

const timerButton = (page: Page) => page.getByRole('button', { name: /^Timer/ });
const timerMenu = (page: Page) => page.getByRole('group', { name: 'Timer' });

test('a countdown runs from its key and the toolbar: start, pause, resume, +1 min, stop', async ({
  page,
}) => {
  await createMap(page, 'Timed workshop');
  await page.keyboard.press('Control+Shift+T');
  await expect(timerMenu(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(timerMenu(page)).toBeHidden();
  await timerButton(page).click();
  await timerMenu(page).getByRole('button', { name: '5 min' }).click();
  await expect(timerButton(page)).toHaveAccessibleName(/^Timer 4:5\d$/);

  await timerButton(page).click();
  await timerMenu(page).getByRole('button', { name: 'Pause' }).click();
  await expect(timerButton(page)).toHaveAccessibleName(/^Timer 4:5\d, paused$/);
  const paused = await timerButton(page).getAttribute('aria-label');
  await timerMenu(page).getByRole('button', { name: '+1 min' }).click();
  await expect(timerButton(page)).toHaveAccessibleName(/^Timer 5:5\d, paused$/);
  expect(paused).not.toBe(await timerButton(page).getAttribute('aria-label'));
  await timerMenu(page).getByRole('button', { name: 'Resume' }).click();
  await expect(timerButton(page)).toHaveAccessibleName(/^Timer 5:5\d$/);

  await timerMenu(page).getByRole('button', { name: 'Stop' }).click();
  await expect(timerButton(page)).toHaveAccessibleName('Timer');
});

test('the countdown survives a reload, and at zero the shipped chime plays with no network', async ({
  page,
  context,
}) => {
  await recordPlays(page);
  await context.route(/^(?!http:\/\/(localhost|127\.0\.0\.1):4173\/)/, (route) => route.abort());
  await createMap(page, 'Timed workshop');
  await timerButton(page).click();
  await timerMenu(page).getByRole('textbox', { name: 'Length' }).fill('10');
  await timerMenu(page).getByRole('button', { name: 'Start' }).click();
  await expect(timerButton(page)).toHaveAccessibleName(/^Timer (10:00|9:5\d)$/);

  await page.reload();
  await expect(timerButton(page)).toHaveAccessibleName(/^Timer 9:5\d$/);

  await timerButton(page).click();
  await timerMenu(page).getByRole('textbox', { name: 'Length' }).fill('0:03');
  await timerMenu(page).getByRole('button', { name: 'Start' }).click();
  await expect(timerButton(page)).toHaveAccessibleName('Timer 0:00, time is up', { timeout: 10_000 });
  await expect.poll(() => played(page)).toEqual([expect.stringMatching(/chime.*\.wav$/)]);
  await expect(page.locator('.timer-clock')).toHaveAttribute('data-pulsing', 'true');
});
