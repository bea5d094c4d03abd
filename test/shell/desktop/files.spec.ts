import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../harness/fixtures.ts';
import { readMap, readPoster, tempFilesIn } from '../support/decode.ts';
import {
  expectLibrary,
  expectMapOpen,
  expectSaved,
  FIXTURE_MAP,
  fixtureMapIn,
  startNewMap,
  typeNotes,
} from '../support/ui.ts';

/**
 * Map files and posters through the desktop bridge: the native dialogs (answered by the test),
 * main's atomic writes onto the real file system, read back with our own decoders.
 */

test('Save As writes where the user chose; Save writes again without asking, keeping a .bak', async ({
  shell,
}) => {
  const folder = shell.folder('files');
  const app = shell.launch();
  const { page } = await app.window();
  await expectLibrary(page);
  await startNewMap(page, 'Toner workshop');
  await page.mouse.move(300, 300);
  await typeNotes(page, ['Runs out of toner']);
  await expectSaved(page);

  // GTK leaves the extension off a typed name; main adds it.
  app.dialogs.saveTo(path.join(folder, 'toner'));
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByText('Saved to toner.cxmap.')).toBeVisible();
  const file = path.join(folder, 'toner.cxmap');
  const asked = app.dialogs.shown.filter((dialog) => dialog.method === 'showSaveDialog');
  expect(asked).toHaveLength(1);
  expect(asked[0]?.options).toMatchObject({
    defaultPath: path.join(app.documents, 'Toner workshop.cxmap'),
    filters: [{ extensions: ['cxmap'] }],
  });
  expect(asked[0]?.windowId).toBe(app.windows[0]?.id);
  expect(readMap(file)).toMatchObject({
    type: 'journeywall-map',
    name: 'Toner workshop',
    noteTexts: ['Runs out of toner'],
  });

  await page.mouse.move(700, 300);
  await typeNotes(page, ['Orders the wrong cartridge']);
  await page.keyboard.press('Control+s');
  await expect
    .poll(() => readMap(file).noteTexts.sort())
    .toEqual(['Orders the wrong cartridge', 'Runs out of toner']);
  expect(readMap(`${file}.bak`).noteTexts).toEqual(['Runs out of toner']);
  expect(tempFilesIn(folder)).toEqual([]);
  expect(app.dialogs.shown.filter((dialog) => dialog.method === 'showSaveDialog')).toHaveLength(1);
});

test('Open reads the map chosen in the Open dialog, and File ▸ Open Recent lists it', async ({ shell }) => {
  const file = fixtureMapIn(shell.folder('files'));
  const app = shell.launch();
  const { page } = await app.window();
  await expectLibrary(page);
  app.dialogs.open(file);
  await page.keyboard.press('Control+o');
  await expectMapOpen(page, FIXTURE_MAP.name);
  expect(app.dialogs.shown[0]).toMatchObject({
    method: 'showOpenDialog',
    options: { properties: ['openFile'], defaultPath: app.documents },
  });
  await expect
    .poll(() =>
      app.menu?.find((item) => item.label === 'File')?.submenu?.find((item) => item.label === 'Open Recent'),
    )
    .toMatchObject({
      submenu: [{ label: 'toner.cxmap' }, { label: '' }, { label: 'Clear recent', enabled: true }],
    });
});

test('dropping a map file on the window opens it', async ({ shell }) => {
  const file = fixtureMapIn(shell.folder('files'));
  const app = shell.launch();
  const window = await app.window();
  await expectLibrary(window.page);
  await window.dropFile(file);
  await expectMapOpen(window.page, FIXTURE_MAP.name);
});

test('a poster is streamed to the file chosen in the Save dialog, the map inside it', async ({ shell }) => {
  const folder = shell.folder('files');
  const app = shell.launch({ argv: [fixtureMapIn(folder)] });
  const { page } = await app.window();
  await expectMapOpen(page, FIXTURE_MAP.name);

  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export poster' });
  await dialog.getByLabel('Paper').selectOption('a4');
  await dialog.getByLabel('Resolution').selectOption('72');
  const target = path.join(folder, 'poster.png');
  app.dialogs.saveTo(target);
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  await expect(page.getByText(/Exported poster\.png/)).toBeVisible();

  const asked = app.dialogs.shown.find((shown) => shown.method === 'showSaveDialog');
  expect(asked?.options).toMatchObject({ filters: [{ extensions: ['png'] }] });
  const poster = readPoster(target);
  // A4 at 72 DPI, landscape for the wide map.
  expect([poster.width, poster.height].sort((a, b) => a - b)).toEqual([595, 842]);
  expect(poster.dpi).toBeCloseTo(72, 1);
  expect(poster.chunkTypes.slice(0, 3)).toEqual(['IHDR', 'pHYs', 'iTXt']);
  const embedded = poster.embedded('application/vnd.journeywall.map+json');
  expect(embedded && JSON.parse(embedded).map.name).toBe(FIXTURE_MAP.name);
  expect(tempFilesIn(folder)).toEqual([]);
  expect(app.downloads).toEqual([]);
});

test('the gap list is saved as CSV through the Save dialog, written whole by main (defect 9)', async ({
  shell,
}) => {
  const folder = shell.folder('files');
  const app = shell.launch({ argv: [fixtureMapIn(folder)] });
  const { page } = await app.window();
  await expectMapOpen(page, FIXTURE_MAP.name);

  await page.getByRole('button', { name: 'Compare current and ideal' }).click();
  const target = path.join(folder, 'gaps');
  app.dialogs.saveTo(target);
  await page.getByRole('button', { name: 'Save as CSV' }).click();
  await expect(page.getByRole('dialog')).toContainText('Saved gaps.csv.');
  const asked = app.dialogs.shown.filter((dialog) => dialog.method === 'showSaveDialog');
  expect(asked).toHaveLength(1);
  expect(asked[0]?.options).toMatchObject({ filters: [{ extensions: ['csv'] }] });
  // What main wrote: a CSV whose first row names the columns, nothing half-written beside it.
  const [header, ...rows] = readFileSync(`${target}.csv`, 'utf8').trim().split(/\r?\n/);
  expect(header?.split(',').length).toBeGreaterThan(1);
  expect(rows.length).toBeGreaterThan(0);
  expect(tempFilesIn(folder)).toEqual([]);
});
