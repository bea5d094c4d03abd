import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startPreview } from '../bench/preview-server.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { interceptFileChoosers, openFromLibrary } from '../e2e/support/journeywall.ts';
import { writeExampleMap } from './example-map-file.ts';

/**
 * The docs' poster picture: the example map exported from the running app as an A1 poster at
 * 150 DPI through the Export poster dialog, then scaled down to 1600 px wide (by the browser's
 * high-quality resampling) for docs/poster-a1-preview.png. Run after `npm run build:renderer`.
 */
const out = process.argv[2] ?? 'docs';
const WIDTH = 1600;

const main = async () => {
  const preview = await startPreview(4177);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = interceptFileChoosers(
      await browser.newPage({ viewport: { width: 1600, height: 1000 }, baseURL: preview.url }),
    );
    const dir = await mkdtemp(join(tmpdir(), 'journeywall-poster-docs-'));
    const mapPath = join(dir, 'home-printer-toner.cxmap');
    await writeExampleMap(mapPath);
    await openFromLibrary(page, mapPath);
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export poster' });
    await dialog.getByLabel('Paper').selectOption('a1');
    await dialog.getByLabel('Resolution').selectOption('150');
    await dialog.getByLabel('Subtitle (optional)').fill('Workshop, 28 November 2026');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PNG' }).click();
    const poster = await readFile(await (await download).path());
    const small = await page.evaluate(
      async ({ bytes, width }) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
        const height = Math.round((bitmap.height * width) / bitmap.width);
        const scaled = await createImageBitmap(bitmap, {
          resizeWidth: width,
          resizeHeight: height,
          resizeQuality: 'high',
        });
        const canvas = new OffscreenCanvas(width, height);
        canvas.getContext('2d')?.drawImage(scaled, 0, 0);
        return [...new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer())];
      },
      { bytes: [...poster], width: WIDTH },
    );
    await writeFile(join(out, 'poster-a1-preview.png'), Uint8Array.from(small));
  } finally {
    await browser.close();
    await preview.stop();
  }
};

await main();
