import path from 'node:path';
import { INVOKE } from '../../../shared/ipc/contract.ts';
import { expect, test } from '../harness/fixtures.ts';
import { readMap, tempFilesIn } from '../support/decode.ts';
import { expectLibrary, expectSaved, startNewMap, typeNotes } from '../support/ui.ts';

/** Issue 12, defects 2 and 6: quitting while a save or a window's close is under way. */

test('quitting waits for a map save in flight: the new version is on disk, no temp file left (defect 2)', async ({
  shell,
}) => {
  const folder = shell.folder('files');
  const file = path.join(folder, 'workshop.cxmap');
  const app = shell.launch();
  const { page } = await app.window();
  await expectLibrary(page);
  await startNewMap(page, 'Workshop');
  await page.mouse.move(300, 300);
  await typeNotes(page, ['Saved before']);
  app.dialogs.saveTo(file);
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByText('Saved to workshop.cxmap.')).toBeVisible();

  // The disk is slow: the next save's final rename waits 1.5 s.
  app.slowRename(file, 1_500);
  await page.mouse.move(700, 300);
  await typeNotes(page, ['Saved while quitting']);
  await expectSaved(page);
  await page.keyboard.press('Control+s');
  await app.until(
    () => (app.faultsHolding.includes(file) ? true : undefined),
    'the save to reach its rename',
  );
  await app.quit();

  expect((await app.waitForExit()).code).toBe(0);
  expect(tempFilesIn(folder)).toEqual([]);
  expect(readMap(file).noteTexts.sort()).toEqual(['Saved before', 'Saved while quitting']);
});

test('closing the window, then quitting during its flush, quits at once, not after the flush time limit (defect 6)', async ({
  shell,
}) => {
  const app = shell.launch();
  const window = await app.window();
  await expectLibrary(window.page);
  const acknowledgements = app.hold(INVOKE.flushDone);

  window.userClose();
  await acknowledgements.waitForHeld(1);
  await app.quit();
  // The renderer's answer to the close's flush arrives; anything it answers later never does,
  // as the window is gone by then.
  acknowledgements.releaseNext();
  await app.until(() => window.events.find((event) => event.name === 'closed'), 'the window to close');

  const exit = await app.waitForExit(10_000);
  expect(exit.code).toBe(0);
  // Nothing was left to wait for: no flush ran into its time limit.
  expect(app.output.join('\n')).not.toContain('[quit] renderer flush: timed-out');
});
