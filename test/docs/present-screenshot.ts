import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startPreview } from '../bench/preview-server.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { interceptFileChoosers, openFromLibrary } from '../e2e/support/journeywall.ts';
import { writeExampleMap } from './example-map-file.ts';

/**
 * Takes the README's pictures of present mode and of a vote's results from the running app, on
 * a 1920×1080 projector: `npx tsx test/docs/present-screenshot.ts` (after `npm run
 * build:renderer`). The example map is opened as a file, present mode entered with F5 and its
 * fourth stage, Purchase, shown; then four voters vote on its breakdown points from present
 * mode, R reveals and the results step is shown, then the board with the vote panel's ranked
 * results.
 * Pass an output folder to write elsewhere than docs/ (to look before replacing).
 */
const out = process.argv[2] ?? 'docs';

/** Each voter's stages: Interest, Purchase and Post-purchase each hold one breakdown point. */
const BALLOTS = [
  ['4', '2'],
  ['4', '6'],
  ['4', '2'],
  ['6', '2'],
] as const;

const status = (page: Page) => page.getByTestId('present-status');

/**
 * A hidden vote on the breakdown points, 4 voters with 2 dots each, given in present mode: on
 * each stage (the part of it with the breakdown points), Tab goes round its notes until + lands
 * on the breakdown point. Then R reveals it
 * and Escape goes back to the board, where the vote panel shows the results.
 */
const voteFromPresentMode = async (page: Page, out: string) => {
  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Vote' });
  await panel.getByLabel('Voters').fill(String(BALLOTS.length));
  await panel.getByLabel('Dots each').fill('2');
  await panel.getByRole('button', { name: 'Start the vote' }).click();
  await page.keyboard.press('F5');
  for (const [index, stages] of BALLOTS.entries()) {
    if (index > 0) await page.keyboard.press('n');
    for (const [given, stage] of stages.entries()) {
      await page.keyboard.press(stage);
      // A stage split into parts shows its breakdown points in a later part.
      const caption = page.locator('.present-caption > span').first();
      while (
        / of \d+: /.test((await caption.textContent()) ?? '') &&
        !(await caption.textContent())?.includes('Breakdown points')
      )
        await page.keyboard.press('PageDown');
      const left = `${stages.length - given - 1} ${stages.length - given - 1 === 1 ? 'dot' : 'dots'} left`;
      for (let tries = 0; tries < 12; tries++) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('+');
        if ((await status(page).textContent())?.includes(left)) break;
      }
    }
  }
  await page.keyboard.press('r');
  await page.locator('.present-caption').getByText('Vote results').waitFor();
  await page.locator('.present-status').getByText(/./).waitFor({ state: 'hidden', timeout: 15_000 });
  await page.screenshot({ path: join(out, 'present-vote-results.png') });
  await page.keyboard.press('Escape');
  await page.getByRole('table', { name: 'Ranked results' }).waitFor();
  await page.locator('.toast').waitFor({ state: 'hidden', timeout: 15_000 });
  await page.mouse.move(1, 1);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
};

const main = async () => {
  // Its own port, so it never meets the other doc scripts' servers or the end-to-end tests'.
  const preview = await startPreview(4177);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = interceptFileChoosers(
      await browser.newPage({
        viewport: { width: 1920, height: 1080 },
        baseURL: preview.url,
        reducedMotion: 'reduce',
      }),
    );
    const path = join(await mkdtemp(join(tmpdir(), 'journeywall-docs-')), 'home-printer-toner.cxmap');
    await writeExampleMap(path);
    await openFromLibrary(page, path);
    await page.getByText(/^Opened /).waitFor({ state: 'hidden', timeout: 15_000 });
    await page.keyboard.press('F5');
    await page.keyboard.press('4');
    await page.locator('.present-caption').getByText('4. Purchase').waitFor();
    // Konva draws on the next frame.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await page.screenshot({ path: join(out, 'present-mode.png') });
    await page.keyboard.press('Escape');
    await voteFromPresentMode(page, out);
    await page.screenshot({ path: join(out, 'vote-results.png') });
  } finally {
    await browser.close();
    await preview.stop();
  }
};

await main();
