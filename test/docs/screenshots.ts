import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startPreview } from '../bench/preview-server.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { interceptFileChoosers, openFromLibrary } from '../e2e/support/journeywall.ts';
import { writeExampleMap } from './example-map-file.ts';

/**
 * Takes the README's pictures from the running app: `npm run docs:screenshots` (after
 * `npm run build:renderer`). The example map is opened as a .cxmap file, the way a user would.
 * Pass an output folder to write elsewhere than docs/ (to look before replacing).
 */
const out = process.argv[2] ?? 'docs';

const openExample = async (page: Page, dir: string): Promise<void> => {
  const path = join(dir, 'home-printer-toner.cxmap');
  await writeExampleMap(path);
  await openFromLibrary(page, path);
  await page.getByText(/^Opened /).waitFor({ state: 'hidden', timeout: 15_000 });
};

const main = async () => {
  const preview = await startPreview(4176);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = interceptFileChoosers(
      await browser.newPage({ viewport: { width: 1920, height: 1080 }, baseURL: preview.url }),
    );
    const dir = await mkdtemp(join(tmpdir(), 'journeywall-docs-'));
    await openExample(page, dir);
    await page.screenshot({ path: join(out, 'journey-map.png') });
    await page.getByRole('button', { name: 'Outline' }).click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('cartridge');
    await page.getByText('1 of 7').waitFor();
    await page.screenshot({ path: join(out, 'outline-and-find.png') });
  } finally {
    await browser.close();
    await preview.stop();
  }
};

await main();
