import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page } from '@playwright/test';
import { CURRENT_FORMAT_VERSION } from '../../shared/format/envelope.ts';
import { centreOf, visibleNotes } from './support/board-pixels.ts';
import {
  board,
  createMap,
  expectSaved,
  goToLibrary,
  interceptFileChoosers,
  mapCard,
  openWithShortcut,
  readNoteText,
  test,
  typeNotes,
} from './support/journeywall.ts';

/**
 * .cxmap files as teams use them: saved from one laptop, opened on another (a fresh browser
 * profile), edited on both, merged back; and a damaged file that must change nothing.
 */

const saveWithShortcut = async (page: Page, path: string): Promise<string> => {
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const file = await download;
  await file.saveAs(path);
  return file.suggestedFilename();
};

const mergeFromMenu = async (page: Page, path: string): Promise<void> => {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: /Merge a copy/ }).click();
  await (await chooser).setFiles(path);
};

/** A second laptop: a browser profile with an empty library. */
const freshProfile = async (browser: Browser): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = interceptFileChoosers(await context.newPage());
  await page.goto('/');
  await expect(page.getByText('No maps yet. Create one to start a workshop.')).toBeVisible();
  return page;
};

const editNoteText = async (page: Page, at: { x: number; y: number }, text: string): Promise<void> => {
  await page.mouse.dblclick(at.x, at.y);
  const editor = page.getByRole('textbox', { name: 'Note text', exact: true });
  await expect(editor).toBeFocused();
  await editor.fill(text);
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
};

test('a saved map opens with all its notes in a fresh profile', async ({ page, browser }, info) => {
  await createMap(page, 'Home printer toner: current');
  await page.mouse.move(300, 300);
  await typeNotes(page, ['Runs out of toner', 'Searches the cartridge code', 'Orders online']);
  await expectSaved(page);
  const path = info.outputPath('toner.cxmap');
  expect(await saveWithShortcut(page, path)).toBe('Home printer toner current.cxmap');
  await expect(page.locator('output.file-status')).toHaveText('Home printer toner current.cxmap • saved');
  expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
    type: 'journeywall-map',
    formatVersion: CURRENT_FORMAT_VERSION,
  });

  const laptop = await freshProfile(browser);
  await openWithShortcut(laptop, path);
  await expect(board(laptop)).toBeVisible();
  await expect(laptop.getByRole('textbox', { name: 'Map name' })).toHaveValue('Home printer toner: current');
  await expect.poll(async () => (await visibleNotes(laptop)).length).toBe(3);
  const [first] = (await visibleNotes(laptop)).sort((a, b) => a.x - b.x);
  expect(first && (await readNoteText(laptop, centreOf(first)))).toBe('Runs out of toner');
  await goToLibrary(laptop);
  await expect(mapCard(laptop, 'Home printer toner: current')).toContainText('3 notes');
});

test('an edited copy merges back; the note both changed is shown twice until the facilitator chooses', async ({
  page,
  browser,
}, info) => {
  await createMap(page, 'Toner');
  await page.mouse.move(300, 300);
  await typeNotes(page, ['Runs out of toner', 'Orders online']);
  const original = info.outputPath('toner.cxmap');
  await saveWithShortcut(page, original);

  // The team lead opens the emailed file, changes the first note and adds an interview note.
  const lead = await freshProfile(browser);
  await openWithShortcut(lead, original);
  await expect.poll(async () => (await visibleNotes(lead)).length).toBe(2);
  const [leadFirst] = (await visibleNotes(lead)).sort((a, b) => a.x - b.x);
  if (!leadFirst) throw new Error('no note on the lead’s board');
  await editNoteText(lead, centreOf(leadFirst), 'Runs out of toner before a board meeting');
  await lead.mouse.move(300, 600);
  await typeNotes(lead, ['Interview: orders the wrong cartridge']);
  const leadCopy = info.outputPath('toner-lead.cxmap');
  await saveWithShortcut(lead, leadCopy);

  // Meanwhile the facilitator changed the same note.
  const [mine] = (await visibleNotes(page)).sort((a, b) => a.x - b.x);
  if (!mine) throw new Error('no note on the board');
  await editNoteText(page, centreOf(mine), 'Runs out of toner at night');
  await mergeFromMenu(page, leadCopy);

  const panel = page.getByRole('complementary', { name: 'Merged toner-lead.cxmap' });
  await expect(panel).toContainText('1 added · 0 updated · 0 deleted · 1 conflict');
  await expect(panel).toContainText('Both copies changed this note: “Runs out of toner at night” here');
  await expect.poll(async () => (await visibleNotes(page)).length).toBe(4);

  await panel.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(panel).toContainText('Nothing left to decide.');
  await expect.poll(async () => (await visibleNotes(page)).length).toBe(3);
  // Their version takes the place of the facilitator's.
  expect(await readNoteText(page, centreOf(mine))).toBe('Runs out of toner before a board meeting');

  // Undo takes back the choice, then the whole merge, each in one step.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await visibleNotes(page)).length).toBe(4);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await visibleNotes(page)).length).toBe(2);
});

test('a damaged file gets a clear message and the board and library stay as they were', async ({
  page,
}, info) => {
  await createMap(page, 'Untouched');
  await page.mouse.move(300, 300);
  await typeNotes(page, ['One', 'Two']);
  const good = info.outputPath('good.cxmap');
  await saveWithShortcut(page, good);
  const damaged = join(info.outputDir, 'damaged.cxmap');
  writeFileSync(damaged, readFileSync(good, 'utf8').slice(0, 250));
  const before = await visibleNotes(page);

  await openWithShortcut(page, damaged);
  const dialog = page.getByRole('dialog', { name: "Couldn't open damaged.cxmap" });
  await expect(dialog).toContainText('This map file is damaged');
  await dialog.getByRole('button', { name: 'OK' }).click();
  expect(await visibleNotes(page)).toEqual(before);

  const hostile = join(info.outputDir, 'hostile.cxmap');
  writeFileSync(hostile, '{"type":"journeywall-map","formatVersion":99,"__proto__":{"x":1}}');
  await openWithShortcut(page, hostile);
  await expect(page.getByRole('dialog', { name: "Couldn't open hostile.cxmap" })).toContainText(
    /newer version|not a Journeywall map/,
  );
  await page.getByRole('button', { name: 'OK' }).click();

  await goToLibrary(page);
  await expect(page.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(1);
});

test('dropping a map file on the window opens it', async ({ page, browser }, info) => {
  await createMap(page, 'Dropped map');
  await page.mouse.move(300, 300);
  await typeNotes(page, ['From the other laptop']);
  const path = info.outputPath('dropped.cxmap');
  await saveWithShortcut(page, path);

  const other = await freshProfile(browser);
  const content = readFileSync(path, 'utf8');
  const transfer = await other.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.cxmap', { type: 'application/json' }));
    return data;
  }, content);
  await other.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(other.getByText('Drop a .cxmap file or a poster to open it')).toBeVisible();
  await other.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(other.getByRole('textbox', { name: 'Map name' })).toHaveValue('Dropped map');
  await expect.poll(async () => (await visibleNotes(other)).length).toBe(1);
});
