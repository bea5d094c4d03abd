import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INVOKE, type OpenResult } from '../../../shared/ipc/contract.ts';
import { expect, test } from '../harness/fixtures.ts';
import { readMap } from '../support/decode.ts';
import { expectLibrary, expectMapOpen, FIXTURE_MAP, fixtureMapIn, typeNotes } from '../support/ui.ts';

/**
 * Issue 12, defect 1: a path the renderer names must not become a file main writes without the
 * user agreeing. The only path that comes from the renderer's side is a dropped file's; a
 * compromised renderer can send any path there. Every dialog the test does not answer is
 * dismissed, as a user who never agreed would.
 */

const handleOf = (opened: unknown): string | null =>
  opened !== null && typeof opened === 'object' && 'handle' in opened
    ? (opened as { handle: string | null }).handle
    : null;

test('a path sent over IPC as a dropped file is never overwritten without asking (defect 1)', async ({
  shell,
}) => {
  const victim = fixtureMapIn(shell.folder('files'), 'unrelated.cxmap');
  const before = readFileSync(victim);
  const app = shell.launch();
  const window = await app.window();
  await expectLibrary(window.page);

  const top = window.page.mainFrame();
  const opened = (await window.invokeAs(top, INVOKE.openDroppedFile, victim)) as OpenResult;
  const handle = handleOf(opened);
  // A dropped map gets a handle, so it can be saved; saving through it asks first.
  if (handle === null) throw new Error('a dropped .cxmap should come with a handle');
  await window.invokeAs(top, INVOKE.saveFile, handle, '{"type":"overwritten"}');

  expect(app.dialogs.shown.map((dialog) => dialog.method)).toContain('showSaveDialog');
  expect(readFileSync(victim)).toEqual(before);
});

test('a dropped file named .png that is not a PNG is never written (defect 1)', async ({ shell }) => {
  const folder = shell.folder('files');
  const disguised = path.join(folder, 'holiday.png');
  writeFileSync(disguised, readFileSync(fixtureMapIn(folder)));
  const before = readFileSync(disguised);
  const app = shell.launch();
  const window = await app.window();
  const { page } = window;
  await expectLibrary(page);

  await window.dropFile(disguised);
  await expectMapOpen(page, FIXTURE_MAP.name);
  await page.mouse.move(300, 700);
  await typeNotes(page, ['Edited after the drop']);
  await page.keyboard.press('Control+s');
  await expect.poll(() => app.dialogs.shown.length, { timeout: 5_000 }).toBeGreaterThan(0);
  const top = page.mainFrame();
  const raw = (await window.invokeAs(top, INVOKE.openDroppedFile, disguised)) as OpenResult;
  expect(handleOf(raw)).toBeNull();

  expect(readFileSync(disguised)).toEqual(before);
});

test('saving a dropped map asks first, in a Save dialog at the dropped file, then writes it (defect 1)', async ({
  shell,
}) => {
  const file = fixtureMapIn(shell.folder('files'));
  const app = shell.launch();
  const window = await app.window();
  const { page } = window;
  await expectLibrary(page);
  await window.dropFile(file);
  await expectMapOpen(page, FIXTURE_MAP.name);
  await page.mouse.move(300, 700);
  await typeNotes(page, ['Added after the drop']);

  app.dialogs.saveTo(file);
  await page.keyboard.press('Control+s');
  const asked = await app.dialogs.waitFor((dialog) => dialog.method === 'showSaveDialog');
  expect(asked.options.defaultPath).toBe(file);
  await expect.poll(() => readMap(file).noteTexts).toContain('Added after the drop');
});
