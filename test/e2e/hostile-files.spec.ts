import { writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { type CorpusFile, PAST_LIMITS, WITHIN_LIMITS } from '../corpus/after-parse.ts';
import { visibleNotes } from './support/board-pixels.ts';
import { board, expectSaved, goToLibrary, openWithShortcut, test, typeNotes } from './support/journeywall.ts';

/**
 * A sample of the after-parse corpus (test/corpus/after-parse.ts) opened through the real UI:
 * files at the limits open to a drawn board that takes edits and is saved; files past a limit
 * get a message naming it and change nothing. `npm run bench` times every file of the corpus.
 */

const FIRST_PAINT = 'journeywall:open-to-first-paint';

const paintsSoFar = (page: Page): Promise<number> =>
  page.evaluate((name) => performance.getEntriesByName(name).length, FIRST_PAINT);

const fileNamed = (files: readonly CorpusFile[], start: string): CorpusFile => {
  const file = files.find((candidate) => candidate.name.startsWith(start));
  if (!file) throw new Error(`no corpus file "${start}"`);
  return file;
};

const library = (page: Page) => page.getByRole('list', { name: 'Maps' }).getByRole('listitem');

test('files at the limits open to a drawn board that takes an edit and is saved', async ({ page }, info) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'New map' }).waitFor();
  for (const [index, start] of [
    'a full cell',
    'the largest grid',
    'extreme numbers',
    'duplicate ids',
  ].entries()) {
    const file = fileNamed(WITHIN_LIMITS, start);
    const path = info.outputPath(`within-${index}.cxmap`);
    writeFileSync(path, file.text());
    const painted = await paintsSoFar(page);
    await openWithShortcut(page, path);
    await board(page).waitFor();
    // A repaired file says so first; the board is drawn behind the message.
    const repaired = page.getByRole('dialog', { name: /was repaired/ });
    if (await repaired.isVisible()) await repaired.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => paintsSoFar(page), { timeout: 20_000 }).toBeGreaterThan(painted);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await expect
      .poll(async () => (await visibleNotes(page, 4)).length, { message: file.name })
      .toBeGreaterThan(0);

    await page.mouse.move(1200, 700);
    await typeNotes(page, [`Added to ${index}`]);
    await expectSaved(page);
    await goToLibrary(page);
    await expect(library(page)).toHaveCount(index + 1);
  }
});

test('files past a limit are refused with a message naming it; the library stays as it was', async ({
  page,
}, info) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New map' }).waitFor();
  for (const [index, start] of [
    '101 stages',
    '1,001 notes',
    'a million emotion scores',
    'a million keys',
  ].entries()) {
    const file = fileNamed(PAST_LIMITS, start);
    if (!('refused' in file.expect)) throw new Error('a file past a limit must be refused');
    const path = info.outputPath(`past-${index}.cxmap`);
    writeFileSync(path, file.text());
    await openWithShortcut(page, path);
    const dialog = page.getByRole('dialog', { name: `Couldn't open past-${index}.cxmap` });
    await expect(dialog).toContainText(file.expect.refused);
    await dialog.getByRole('button', { name: 'OK' }).click();
  }
  await expect(page.getByText('No maps yet. Create one to start a workshop.')).toBeVisible();
});
