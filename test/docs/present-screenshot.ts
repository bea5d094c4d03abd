import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startPreview } from '../bench/preview-server.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { interceptFileChoosers, openFromLibrary } from '../e2e/support/journeywall.ts';
import { writeExampleMap } from './example-map-file.ts';

/**
 * Takes the README's picture of present mode from the running app, on a 1920×1080 projector:
 * `npx tsx test/docs/present-screenshot.ts` (after `npm run build:renderer`). The example map
 * is opened as a file, present mode entered with F5 and its fourth stage, Purchase, shown.
 * Pass an output folder to write elsewhere than docs/ (to look before replacing).
 */
const out = process.argv[2] ?? 'docs';

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
  } finally {
    await browser.close();
    await preview.stop();
  }
};

await main();
