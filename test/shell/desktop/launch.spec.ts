import { expect, test } from '../harness/fixtures.ts';
import { expectLibrary, expectMapOpen, FIXTURE_MAP, fixtureMapIn } from '../support/ui.ts';

/**
 * Starting the desktop app, and the ways the OS hands it a map: the command line of the first
 * launch, a second launch while it runs, and macOS's open-file, before and after it is ready.
 */

test('starts in one window, shown once painted, with the library, the menu and only the bridge', async ({
  shell,
}) => {
  const app = shell.launch();
  const appWindow = await app.window();
  await expectLibrary(appWindow.page);

  expect(app.appEvents.map((event) => event.name).slice(0, 3)).toEqual([
    'enable-sandbox',
    'single-instance-lock',
    'ready',
  ]);
  const events = appWindow.events.map((event) => event.name);
  expect(events).toContain('ready-to-show');
  expect(events.indexOf('show')).toBeGreaterThan(events.indexOf('ready-to-show'));
  expect(app.windows).toHaveLength(1);
  expect(app.menu?.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);

  expect(appWindow.exposedKeys).toEqual(['journeywall']);
  const page = await appWindow.page.evaluate(async () => {
    const bridge = window.journeywall;
    const scope = window as unknown as Record<string, unknown>;
    return {
      members: Object.keys(bridge ?? {}),
      kinds: [...new Set(Object.values(bridge ?? {}).map((value) => typeof value))],
      info: await bridge?.appInfo(),
      node: [typeof scope.require, typeof scope.process, typeof scope.module],
    };
  });
  expect(page.kinds).toEqual(['function']);
  expect(page.members).toEqual(expect.arrayContaining(['appInfo', 'saveFile', 'onFlushRequest']));
  for (const generic of ['send', 'invoke', 'on', 'ipcRenderer']) expect(page.members).not.toContain(generic);
  expect(page.info).toMatchObject({
    name: 'Journeywall',
    shell: 'desktop',
    platform: 'linux',
    version: '0.1.0',
  });
  expect(page.node).toEqual(['undefined', 'undefined', 'undefined']);
  expect(appWindow.console.filter((line) => line.type === 'error' || line.type === 'pageerror')).toEqual([]);
});

test('opens a map named on the command line, relative to the working directory', async ({ shell }) => {
  const folder = shell.folder('files');
  fixtureMapIn(folder);
  const app = shell.launch({ argv: ['--enable-logging', 'toner.cxmap'], cwd: folder });
  await expectMapOpen((await app.window()).page, FIXTURE_MAP.name);
});

test('a second launch hands its file to the running app, which opens it and comes to the front', async ({
  shell,
}) => {
  const app = shell.launch();
  const appWindow = await app.window();
  await expectLibrary(appWindow.page);
  const focusedBefore = appWindow.events.filter((event) => event.name === 'focus').length;

  const file = fixtureMapIn(shell.folder('files'));
  const second = shell.launch({ root: app.root, argv: [file] });
  expect((await second.waitForExit()).code).toBe(0);
  expect(second.windows).toHaveLength(0);
  expect(second.appEvents.map((event) => event.name)).toContain('single-instance-lock-refused');

  await expectMapOpen(appWindow.page, FIXTURE_MAP.name);
  await app.waitForAppEvent('second-instance');
  expect(appWindow.events.filter((event) => event.name === 'focus').length).toBeGreaterThan(focusedBefore);
});

test('macOS: maps double-clicked in the Finder open, before the app is ready and while it runs', async ({
  shell,
}) => {
  const folder = shell.folder('files');
  const first = fixtureMapIn(folder, 'first.cxmap');
  const app = shell.launch({ platform: 'darwin', openFilesBeforeReady: [first] });
  const appWindow = await app.window();
  await expectMapOpen(appWindow.page, FIXTURE_MAP.name);
  expect(app.menu?.map((item) => item.label)).toEqual([
    'Journeywall',
    'File',
    'Edit',
    'View',
    'Window',
    'Help',
  ]);

  app.openFileFromFinder(fixtureMapIn(folder, 'returns.cxmap', 'format-1.cxmap'));
  await expectMapOpen(appWindow.page, 'Online shop: returns journey');
});
