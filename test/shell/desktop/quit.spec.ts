import { expect, test } from '../harness/fixtures.ts';
import { newestBackups } from '../support/decode.ts';
import { expectLibrary, expectMapOpen, expectSaved, startNewMap, typeNotes } from '../support/ui.ts';

/**
 * Quitting never loses an edit: main holds the quit, asks the renderer to flush (IndexedDB and
 * the file backup), and goes on when it answers, or after the flush time limit when it cannot.
 * Electron's own sequence runs around it: before-quit, the windows close, will-quit, quit.
 */

const backupOf = (userData: string, name: string) =>
  newestBackups(userData)
    .find((backup) => backup.map.name === name)
    ?.map.noteTexts.sort();

test('backups follow the edits on disk, and quitting flushes the last one; the next launch has it', async ({
  shell,
}) => {
  const app = shell.launch({ persistentProfile: true });
  const { page } = await app.window();
  await expectLibrary(page);
  await startNewMap(page, 'Quit flush');
  await page.mouse.move(300, 300);
  await typeNotes(page, ['First note']);
  await expect.poll(() => backupOf(app.userData, 'Quit flush'), { timeout: 15_000 }).toEqual(['First note']);

  await page.mouse.move(700, 300);
  await typeNotes(page, ['Typed just before quitting']);
  await app.quit();
  expect((await app.waitForExit()).code).toBe(0);
  expect(backupOf(app.userData, 'Quit flush')).toEqual(['First note', 'Typed just before quitting']);
  // The renderer confirmed the flush: main did not go on because the time was up.
  expect(app.output.join('\n')).not.toContain('[quit] renderer flush');

  const sequence = app.appEvents
    .map((event) => event.name)
    .filter((name) => /quit|window-all-closed/.test(name));
  // The first before-quit is held for the flush; the second goes through.
  expect(sequence).toEqual(['before-quit', 'before-quit', 'will-quit', 'quit']);
  const closed = app.windows[0]?.events.find((event) => event.name === 'closed');
  expect(closed?.at).toBeLessThanOrEqual(app.appEvents.find((event) => event.name === 'will-quit')?.at ?? 0);

  const again = shell.launch({ root: app.root, persistentProfile: true });
  const reopened = await again.window();
  await expectMapOpen(reopened.page, 'Quit flush');
  await expectSaved(reopened.page);
  await reopened.page.getByRole('button', { name: 'Library' }).click();
  await expect(reopened.page.getByRole('button', { name: 'Open Quit flush', exact: true })).toContainText(
    '2 notes',
  );
});

test('a hung renderer holds quitting up to the flush time limit, then the app exits', async ({ shell }) => {
  const app = shell.launch();
  const window = await app.window();
  await expectLibrary(window.page);
  await window.hang();
  await app.quit();
  const exit = await app.waitForExit(15_000);
  expect(exit.code).toBe(0);
  // Main went on because the flush time limit ran out: nothing answered it.
  await app.until(
    () => app.output.find((line) => line.includes('[quit] renderer flush: timed-out')),
    'main to say the flush timed out',
  );
});

test('a crashed renderer is not waited for: quitting is prompt', async ({ shell }) => {
  const app = shell.launch();
  const window = await app.window();
  await expectLibrary(window.page);
  // Whatever main asks the user about the crash stays unanswered while the user quits.
  app.dialogs.leaveOpen('showMessageBox');
  await window.crash();
  await app.quit();
  const exit = await app.waitForExit();
  expect(exit.code).toBe(0);
  // Main asked nothing of the dead renderer, so it waited out no flush time limit.
  const flush = await app.until(
    () => app.output.find((line) => line.includes('[quit] renderer flush:')),
    'main to say how the flush went',
  );
  expect(flush).toMatch(/renderer flush: (not-sent|gone)$/);
});
