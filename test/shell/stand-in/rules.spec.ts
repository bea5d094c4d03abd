import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Desktop } from '../harness/desktop.ts';
import { expect, type Shell, test } from '../harness/fixtures.ts';

/**
 * The stand-in holds an app to Electron's rules, or the harness would pass what Electron fails.
 * Each test runs a small main script under the stand-in and reads what it printed.
 */

const SCRIPT_HEAD = `
const electron = require('electron');
const { app, BrowserWindow, Menu, protocol, dialog, session } = electron;
const attempt = (name, run) => {
  try {
    run();
    console.log('RESULT ' + name + ': ok');
  } catch (error) {
    console.log('RESULT ' + name + ': ' + error.message);
  }
};
`;

async function runScript(
  shell: Shell,
  name: string,
  body: string,
  options: Partial<Parameters<Shell['launch']>[0]> = {},
): Promise<{ app: Desktop; results: string[] }> {
  const entry = path.join(shell.folder('scripts'), `${name}.cjs`);
  writeFileSync(entry, SCRIPT_HEAD + body);
  const app = shell.launch({ ...options, entry });
  await app.waitForExit();
  const results = app.output
    .filter((line) => line.startsWith('RESULT '))
    .map((line) => line.slice('RESULT '.length));
  return { app, results };
}

test('what Electron allows only after ready, or only before, throws at the wrong moment', async ({
  shell,
}) => {
  const { results } = await runScript(
    shell,
    'ready-rules',
    `
attempt('BrowserWindow before ready', () => new BrowserWindow());
attempt('screen before ready', () => electron.screen.getAllDisplays());
attempt('session before ready', () => session.defaultSession);
attempt('protocol.handle before ready', () => protocol.handle('app', () => new Response('')));
attempt('privileged schemes before ready', () => protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]));
dialog.showMessageBox({ message: 'Early' }).then(
  () => console.log('RESULT dialog before ready: ok'),
  (error) => console.log('RESULT dialog before ready: ' + error.message),
);
app.whenReady().then(() => {
  attempt('privileged schemes after ready', () => protocol.registerSchemesAsPrivileged([]));
  attempt('enableSandbox after ready', () => app.enableSandbox());
  attempt('protocol.handle after ready', () => protocol.handle('app', () => new Response('')));
  attempt('protocol.handle twice', () => protocol.handle('app', () => new Response('')));
  attempt('screen after ready', () => electron.screen.getAllDisplays());
  app.exit(0);
});
`,
  );
  expect(results).toEqual([
    'BrowserWindow before ready: Cannot create BrowserWindow before app is ready',
    "screen before ready: The 'screen' module can't be used before the app 'ready' event",
    'session before ready: Session can only be received when app is ready',
    'protocol.handle before ready: protocol.handle() can only be used after the app is ready',
    'privileged schemes before ready: ok',
    'dialog before ready: dialog module can only be used after app is ready',
    'privileged schemes after ready: protocol.registerSchemesAsPrivileged should be called before app is ready',
    'enableSandbox after ready: app.enableSandbox() can only be called before app is ready',
    'protocol.handle after ready: ok',
    'protocol.handle twice: Failed to register protocol: app',
    'screen after ready: ok',
  ]);
});

test('menu templates are checked: roles, accelerators, submenus, types, clashes', async ({ shell }) => {
  const { app, results } = await runScript(
    shell,
    'menus',
    `
const templates = {
  valid: [{ label: 'File', submenu: [{ label: 'Save', accelerator: 'Shift+CmdOrCtrl+S' }, { type: 'separator' }, { role: 'quit' }] }],
  'not an array': { label: 'File' },
  'no label, role or type': [{ label: 'File', submenu: [{ click() {} }] }],
  'unknown type': [{ label: 'File', submenu: [{ label: 'Save', type: 'button' }] }],
  'submenu type without a submenu': [{ label: 'File', submenu: [{ label: 'Recent', type: 'submenu' }] }],
  'unknown role': [{ label: 'File', submenu: [{ role: 'explode' }] }],
  'modifiers only': [{ label: 'File', submenu: [{ label: 'Save', accelerator: 'Ctrl+Shift' }] }],
  'plus as separator': [{ label: 'View', submenu: [{ label: 'Zoom in', accelerator: 'CmdOrCtrl++' }] }],
  'the same shortcut twice': [{ label: 'File', submenu: [{ label: 'Save', accelerator: 'CmdOrCtrl+S' }, { label: 'Share', accelerator: 'Ctrl+S' }] }],
  'top-level item without a submenu': [{ label: 'Quit', role: 'quit' }],
};
app.whenReady().then(() => {
  for (const [name, template] of Object.entries(templates)) {
    attempt(name, () => Menu.setApplicationMenu(Menu.buildFromTemplate(template)));
  }
  app.exit(0);
});
`,
  );
  expect(results).toEqual([
    'valid: ok',
    'not an array: Invalid template for Menu: Menu template must be an array',
    'no label, role or type: Invalid template for MenuItem: must have at least one of label, role or type',
    'unknown type: Unknown menu item type: button',
    'submenu type without a submenu: Invalid submenu',
    'unknown role: Invalid menu template: menu › File › explode: unknown role explode',
    'modifiers only: Invalid menu template: menu › File › Save: accelerator "Ctrl+Shift" has no key, only modifiers',
    'plus as separator: Invalid menu template: menu › View › Zoom in: accelerator "CmdOrCtrl++" has an empty part (write "Plus" for the + key)',
    'the same shortcut twice: Invalid menu template: accelerator ctrl+s is used by two items',
    'top-level item without a submenu: Invalid menu template: top-level item "Quit" has no submenu',
  ]);
  // Those refusals were this test's point; an app breaking them fails its test.
  expect(app.standInErrors).toHaveLength(5);
  app.standInErrors.splice(0);
});

test('quitting runs Electron’s sequence: a prevented before-quit or close cancels it; sends are structured clones', async ({
  shell,
}) => {
  const { app, results } = await runScript(
    shell,
    'quit-sequence',
    `
let quits = 0;
let closes = 0;
app.on('before-quit', (event) => {
  quits += 1;
  console.log('RESULT before-quit ' + quits);
  if (quits === 1) event.preventDefault();
});
app.on('will-quit', () => console.log('RESULT will-quit'));
app.on('quit', (_event, code) => console.log('RESULT quit ' + code));
app.on('window-all-closed', () => console.log('RESULT window-all-closed'));
app.whenReady().then(() => {
  const window = new BrowserWindow({ show: false });
  window.on('close', (event) => {
    closes += 1;
    console.log('RESULT close ' + closes);
    if (closes === 1) event.preventDefault();
  });
  window.on('closed', () => console.log('RESULT closed'));
  app.quit();
  console.log('RESULT windows ' + BrowserWindow.getAllWindows().length);
  app.quit();
  console.log('RESULT windows ' + BrowserWindow.getAllWindows().length);
  attempt('send a function', () => window.webContents.send('channel', () => 1));
  attempt('send a Uint8Array', () => window.webContents.send('channel', new Uint8Array([1])));
  app.quit();
});
`,
  );
  expect(results).toEqual([
    'before-quit 1',
    'windows 1',
    'before-quit 2',
    'close 1',
    'windows 1',
    'send a function: Failed to serialize arguments',
    'send a Uint8Array: ok',
    'before-quit 3',
    'close 2',
    'closed',
    'will-quit',
    'quit 0',
  ]);
  expect((await app.exited).code).toBe(0);
});

test('windows keep to the displays: showInactive leaves the focus, full screen fills the window’s display', async ({
  shell,
}) => {
  const { app, results } = await runScript(
    shell,
    'displays',
    `
const report = (name, value) => console.log('RESULT ' + name + ': ' + JSON.stringify(value));
app.whenReady().then(() => {
  const { screen } = electron;
  report('displays', screen.getAllDisplays().map((display) => [display.bounds, display.workArea.height]));
  report('matching', screen.getDisplayMatching({ x: 1800, y: 100, width: 600, height: 400 }).id);
  report('nearest', screen.getDisplayMatching({ x: 5000, y: 0, width: 10, height: 10 }).id);
  attempt('matching no rectangle', () => screen.getDisplayMatching('left'));
  attempt('a screen member the stand-in lacks', () => screen.getCursorScreenPoint());
  const board = new BrowserWindow({ show: false, x: 100, y: 100, width: 800, height: 600 });
  board.show();
  const beside = new BrowserWindow({ show: false, x: 2000, y: 50, width: 400, height: 300 });
  beside.showInactive();
  report('focused', [board.isFocused(), beside.isFocused(), beside.isVisible()]);
  beside.setFullScreen(true);
  report('full screen', [beside.isFullScreen(), beside.getBounds()]);
  beside.setFullScreen(false);
  report('back', beside.getBounds());
  beside.focus();
  report('focus moved', [board.isFocused(), beside.isFocused()]);
  app.exit(0);
});
`,
    {
      displays: [
        { x: 0, y: 0, width: 1920, height: 1080 },
        { x: 1920, y: 0, width: 1024, height: 768 },
      ],
    },
  );
  expect(results).toEqual([
    'displays: [[{"x":0,"y":0,"width":1920,"height":1080},1040],[{"x":1920,"y":0,"width":1024,"height":768},768]]',
    'matching: 2',
    'nearest: 2',
    'matching no rectangle: Error processing argument at index 0, conversion failure',
    'a screen member the stand-in lacks: the stand-in has no screen.getCursorScreenPoint: add it to test/shell/stand-in/screen.ts',
    'focused: [true,false,true]',
    'full screen: [true,{"x":1920,"y":0,"width":1024,"height":768}]',
    'back: {"x":2000,"y":50,"width":400,"height":300}',
    'focus moved: [false,true]',
  ]);
  // That refusal was this test's point; an app breaking it fails its test.
  expect(app.standInErrors).toEqual([
    'the stand-in has no screen.getCursorScreenPoint: add it to test/shell/stand-in/screen.ts',
  ]);
  app.standInErrors.splice(0);
});
