import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '../harness/fixtures.ts';
import { expectLibrary, expectMapOpen, FIXTURE_MAP, fixtureMapIn } from '../support/ui.ts';

/** Issue 12, defects 4 and 5: starting up when things go wrong, and file:// URIs. */

test('a file:// URI on the command line, as the Linux .desktop entry passes it, opens the map (defect 5)', async ({
  shell,
}) => {
  const file = fixtureMapIn(shell.folder('files'), 'toner map.cxmap');
  const app = shell.launch({ argv: [pathToFileURL(file).href] });
  await expectMapOpen((await app.window()).page, FIXTURE_MAP.name);
});

test('a first load that fails shows the window with an offer to reload, which loads the app (defect 4)', async ({
  shell,
}) => {
  const app = shell.launch({ faults: { failLoads: 1 } });
  app.dialogs.press(/reload/i);
  const window = await app.window();
  await app.until(() => (window.isVisible() ? true : undefined), 'the window to be shown', 10_000);
  const offer = await app.dialogs.waitFor((dialog) => dialog.method === 'showMessageBox');
  expect(offer.windowId).toBe(window.id);
  await expectLibrary(window.page);
});

test('a crashed renderer is offered a reload, which brings the app back (defect 4)', async ({ shell }) => {
  const app = shell.launch();
  const window = await app.window();
  await expectLibrary(window.page);
  app.dialogs.press(/reload/i);
  await window.crash();
  await app.dialogs.waitFor((dialog) => dialog.method === 'showMessageBox');
  await app.until(() => (window.isCrashed ? undefined : true), 'a new renderer in the window');
  await expectLibrary(window.page);
});

test('an error while starting shows an error box and exits with a non-zero code (defect 4)', async ({
  shell,
}) => {
  const app = shell.launch({ faults: { breakApi: 'protocol.handle' } });
  const exit = await app.waitForExit(10_000);
  expect(exit.code).not.toBe(0);
  expect(app.errorBoxes).toHaveLength(1);
  expect(app.errorBoxes[0]?.title).not.toMatch(/A JavaScript error occurred/);
  expect(app.errorBoxes[0]?.content).toContain('Failed to register protocol: app');
});

test('a window restored maximized is not shown before its first frame is ready (defect 4)', async ({
  shell,
}) => {
  const root = shell.folder('maximized');
  mkdirSync(path.join(root, 'userData'), { recursive: true });
  writeFileSync(
    path.join(root, 'userData', 'window-state.json'),
    JSON.stringify({ x: 0, y: 0, width: 1200, height: 800, isMaximized: true }),
  );
  const app = shell.launch({ root });
  const window = await app.window();
  await expectLibrary(window.page);
  const events = window.events.map((event) => event.name);
  expect(events).toContain('maximize');
  expect(events.indexOf('show')).toBeGreaterThan(events.indexOf('ready-to-show'));
});
