import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { readEmbeddedMap } from '../../shared/poster/png-embed.ts';
import { exampleMap } from '../docs/example-map.ts';
import { writeExampleMap } from '../docs/example-map-file.ts';
import {
  goToLibrary,
  interceptFileChoosers,
  mapCard,
  openFromLibrary,
  openWithShortcut,
  test,
} from './support/journeywall.ts';

/**
 * Posters as a consultant makes them: the filled-in map exported from the File menu as a PNG
 * of the paper's exact size with the map inside, then that PNG opened on another computer,
 * which gives back the editable map; a poster whose map was damaged in transit opens nothing.
 */

const example = exampleMap();
const NAME = 'Home printer toner';

const openExample = async (page: Page, path: string): Promise<void> => {
  await writeExampleMap(path);
  await openFromLibrary(page, path);
  await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue(NAME);
};

/** The chunks of a PNG, read apart from the app's own reader. */
const chunkTypes = (png: Buffer): string[] => {
  const types: string[] = [];
  for (let at = 8; at + 12 <= png.length; at += 12 + png.readUInt32BE(at)) {
    types.push(png.toString('latin1', at + 4, at + 8));
  }
  return types;
};

const physDpi = (png: Buffer): number => {
  for (let at = 8; at + 12 <= png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('latin1', at + 4, at + 8) === 'pHYs') return png.readUInt32BE(at + 8) * 0.0254;
  }
  return 0;
};

test('a poster exported from the File menu is the paper at its DPI, and opening it gives back the map', async ({
  page,
  browser,
}, info) => {
  await openExample(page, info.outputPath('toner.cxmap'));

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /Export poster/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export poster' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Paper').selectOption('a3');
  await dialog.getByLabel('Resolution').selectOption('72');
  await dialog.getByLabel('Subtitle (optional)').fill('Workshop of 28 November');
  // A3 at 72 DPI, turned to landscape to fit the wide map.
  await expect(dialog.getByText(/1,191 × 842 px at 72 DPI \(42 × 29\.7 cm\)/)).toBeVisible();
  await expect(dialog.getByText(/PNG about \d+ KB, with the editable map inside/)).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'Preview of the poster' })).toBeVisible();

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Home printer toner poster A3 72 dpi.png');
  const path = info.outputPath('poster.png');
  await file.saveAs(path);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/Exported Home printer toner poster A3 72 dpi\.png/)).toBeVisible();

  const png = readFileSync(path);
  const image = PNG.sync.read(png, { checkCRC: true });
  expect([image.width, image.height]).toEqual([1191, 842]);
  expect(physDpi(png)).toBeCloseTo(72, 1);
  expect(chunkTypes(png).slice(0, 3)).toEqual(['IHDR', 'pHYs', 'iTXt']);
  let coloured = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r = 0, g = 0, b = 0] = image.data.subarray(i, i + 3);
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
  }
  // Notes, headers and the curve: a good share of the page is in colour, not blank.
  expect(coloured).toBeGreaterThan(image.width * image.height * 0.03);
  expect(readEmbeddedMap(png).ok).toBe(true);

  // Another laptop: the poster opens as the editable map, every note with it.
  const other = interceptFileChoosers(
    await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage(),
  );
  await other.goto('/');
  const transfer = await other.evaluateHandle(
    (bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'poster.png', { type: 'image/png' }));
      return data;
    },
    [...png],
  );
  await other.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await other.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(other.getByRole('textbox', { name: 'Map name' })).toHaveValue(NAME);
  await goToLibrary(other);
  await expect(mapCard(other, NAME)).toContainText(`${liveNotesByZ(example).length} notes`);
});

test('print pages come out as one PDF of numbered A4 sheets', async ({ page }, info) => {
  await openExample(page, info.outputPath('toner.cxmap'));
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /Print pages/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Print pages' });
  await dialog.getByLabel('Paper').selectOption('a2');
  await dialog.getByLabel('Resolution').selectOption('72');
  // A2 landscape (594 × 420 mm) on A4 portrait sheets, 10 mm margins, 10 mm overlap.
  await expect(dialog.getByText(/printed on 8 sheets \(4 across, 2 down\)/)).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const path = info.outputPath('pages.pdf');
  await (await download).saveAs(path);
  const pdf = readFileSync(path, 'latin1');
  expect(pdf.startsWith('%PDF-1.4')).toBe(true);
  expect(pdf).toContain('/Count 8');
  // A4 portrait in points.
  expect(pdf).toContain('/MediaBox [0 0 595 842]');
});

test('Ctrl+Shift+E opens the poster dialog; a poster whose map is damaged opens nothing and says why', async ({
  page,
}, info) => {
  await openExample(page, info.outputPath('toner.cxmap'));
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export poster' });
  await dialog.getByLabel('Paper').selectOption('a4');
  await dialog.getByLabel('Resolution').selectOption('72');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  const poster = readFileSync(await (await download).path());

  // One byte of the embedded map changed, as a bad copy or an editor might.
  const damaged = Buffer.from(poster);
  const itxt = damaged.indexOf('iTXt', 0, 'latin1');
  damaged[itxt + 200] = (damaged[itxt + 200] ?? 0) ^ 0xff;
  const path = info.outputPath('damaged.png');
  writeFileSync(path, damaged);
  await openWithShortcut(page, path);
  const message = page.getByRole('dialog', { name: "Couldn't open damaged.png" });
  await expect(message).toContainText('The map inside this poster is damaged');
  await message.getByRole('button', { name: 'OK' }).click();
  await goToLibrary(page);
  await expect(page.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(1);
});
