import { INVOKE, IPC_LIMITS } from '../../../shared/ipc/contract.ts';
import type { Desktop } from '../harness/desktop.ts';
import { expect, type Shell, test } from '../harness/fixtures.ts';
import type { ShellWindow } from '../harness/shell-window.ts';
import type { Rect } from '../protocol.ts';
import { toAppUrl } from '../renderer/app-url.ts';
import { expectMapOpen, FIXTURE_MAP, fixtureMapIn } from '../support/ui.ts';

/**
 * Present mode on a second screen: the board window opens a projector window showing the app's
 * own page for its channel id. That window has no bridge, never takes the focus from the board,
 * goes full screen on the display the board is not on, and goes when the board window goes.
 */

const LAPTOP: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const PROJECTOR: Rect = { x: 1920, y: 0, width: 1024, height: 768 };
const CHANNEL_ID = 'V1StGXR8_Z5jdHi6B';
const PROJECTOR_PAGE = /^app:\/\/journeywall\/index\.html#projector=([A-Za-z0-9_-]+)$/;

/** The app with the fixture map open on the board, on these displays. */
async function boardWithMap(
  shell: Shell,
  displays: readonly Rect[],
): Promise<{ app: Desktop; board: ShellWindow }> {
  const folder = shell.folder('files');
  fixtureMapIn(folder);
  const app = shell.launch({ argv: ['toner.cxmap'], cwd: folder, displays });
  const board = await app.window();
  await expectMapOpen(board.page, FIXTURE_MAP.name);
  return { app, board };
}

/** The board window asks for the projector window, as the renderer does. */
async function openThroughBridge(board: ShellWindow, id = CHANNEL_ID): Promise<boolean | undefined> {
  return board.page.evaluate(async (channel) => await window.journeywall?.openProjector(channel), id);
}

/** The projector window (the app's `index`th window), once its page has loaded and it shows. */
async function projectorWindow(app: Desktop, index = 1): Promise<ShellWindow> {
  const projector = await app.window(index);
  await expect.poll(() => toAppUrl(projector.page.url())).toMatch(PROJECTOR_PAGE);
  await expect.poll(() => projector.isVisible()).toBe(true);
  return projector;
}

const eventNames = (window: ShellWindow): string[] => window.events.map((event) => event.name);

test('View ▸ Projector window opens the present view full screen on the second display, the board keeping the focus', async ({
  shell,
}) => {
  const { app, board } = await boardWithMap(shell, [LAPTOP, PROJECTOR]);
  await app.clickMenu('View', 'Projector window');
  const projector = await projectorWindow(app);

  const id = PROJECTOR_PAGE.exec(toAppUrl(projector.page.url()))?.[1] ?? '';
  expect(id).toMatch(IPC_LIMITS.projectorIdPattern);
  expect(projector.opening).toEqual({
    bounds: PROJECTOR,
    fullScreen: true,
    title: 'Journeywall – projector',
  });
  expect(projector.isFullScreen).toBe(true);
  expect(projector.page.viewportSize()).toEqual({ width: PROJECTOR.width, height: PROJECTOR.height });
  // A presentation clicker's keys go to the focused window: that stays the board.
  expect(eventNames(projector)).not.toContain('focus');
  expect(eventNames(board)).not.toContain('blur');
  expect(board.isVisible()).toBe(true);

  // No preload: the page has no bridge, and nothing of Node.
  expect(projector.exposedKeys).toEqual([]);
  expect(
    await projector.page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return [typeof scope.journeywall, typeof scope.require, typeof scope.process];
    }),
  ).toEqual(['undefined', 'undefined', 'undefined']);
  await expect(projector.page.locator('[data-testid="present"]')).toBeVisible({ timeout: 20_000 });
  expect(projector.console.filter((line) => line.type === 'pageerror')).toEqual([]);
});

test('with one display, the projector window is a 1280×720 window centred on it, not full screen', async ({
  shell,
}) => {
  const { app, board } = await boardWithMap(shell, [LAPTOP]);
  expect(await openThroughBridge(board)).toBe(true);
  const projector = await projectorWindow(app);
  expect(toAppUrl(projector.page.url())).toBe(`app://journeywall/index.html#projector=${CHANNEL_ID}`);
  // Centred in the work area, above the 40 px taskbar.
  expect(projector.opening).toMatchObject({
    bounds: { x: 320, y: 160, width: 1280, height: 720 },
    fullScreen: false,
  });
  expect(projector.page.viewportSize()).toEqual({ width: 1280, height: 720 });
  expect(eventNames(projector)).not.toContain('focus');
  expect(eventNames(board)).not.toContain('blur');
});

test('there is one projector window: opening again replaces it, and closeProjector closes it', async ({
  shell,
}) => {
  const { app, board } = await boardWithMap(shell, [LAPTOP, PROJECTOR]);
  expect(await openThroughBridge(board, 'first-channel')).toBe(true);
  const first = await projectorWindow(app, 1);
  expect(await openThroughBridge(board, 'second-channel')).toBe(true);
  const second = await projectorWindow(app, 2);
  expect(toAppUrl(second.page.url())).toBe('app://journeywall/index.html#projector=second-channel');
  await expect.poll(() => eventNames(first)).toContain('closed');
  expect(first.page.isClosed()).toBe(true);

  await board.page.evaluate(async () => await window.journeywall?.closeProjector());
  await expect.poll(() => eventNames(second)).toContain('closed');
  expect(second.page.isClosed()).toBe(true);
  // The board is untouched, and closing with none open is fine.
  await board.page.evaluate(async () => await window.journeywall?.closeProjector());
  await expectMapOpen(board.page, FIXTURE_MAP.name);
  expect(eventNames(board)).not.toContain('close');
});

test('closing the board window closes the projector window, and the app quits with them', async ({
  shell,
}) => {
  const { app, board } = await boardWithMap(shell, [LAPTOP, PROJECTOR]);
  expect(await openThroughBridge(board)).toBe(true);
  const projector = await projectorWindow(app);
  board.userClose();
  expect((await app.waitForExit()).code).toBe(0);
  expect(eventNames(board)).toContain('closed');
  expect(eventNames(projector)).toContain('closed');
  expect(app.appEvents.map((event) => event.name)).toContain('window-all-closed');
});

test('quitting with the projector window open is not held up by it', async ({ shell }) => {
  const { app, board } = await boardWithMap(shell, [LAPTOP, PROJECTOR]);
  expect(await openThroughBridge(board)).toBe(true);
  const projector = await projectorWindow(app);
  const asked = Date.now();
  await app.quit();
  const exit = await app.waitForExit();
  expect(exit.code).toBe(0);
  expect(exit.at - asked).toBeLessThan(3_000);
  expect(eventNames(projector)).toContain('closed');
});

test('the projector page is not trusted with IPC, and is held to the same guards as the board', async ({
  shell,
}) => {
  const { app, board } = await boardWithMap(shell, [LAPTOP, PROJECTOR]);
  expect(await openThroughBridge(board)).toBe(true);
  const projector = await projectorWindow(app);
  const { page } = projector;

  // Sent as a compromised renderer would, from the projector's own top frame of the app's page.
  for (const [channel, args] of [
    [INVOKE.appInfo, []],
    [INVOKE.openProjector, ['other-channel']],
    [INVOKE.setFullScreen, [true]],
    [INVOKE.listBackups, []],
  ] as const) {
    await expect(projector.invokeAs(page.mainFrame(), channel, ...args)).rejects.toThrow(
      new RegExp(`Rejected ${channel}: untrusted sender app://journeywall/index.html#projector=`),
    );
  }
  expect(app.windows).toHaveLength(2);
  expect(board.isFullScreen).toBe(false);

  const csp = await page.evaluate(() =>
    fetch(location.href).then((response) => response.headers.get('content-security-policy')),
  );
  expect(csp).toMatch(/default-src 'self'.*object-src 'none'/);
  await page.evaluate(() => {
    window.open('https://example.com/popup');
  });
  await expect
    .poll(() => app.output.join('\n'))
    .toContain('[security] blocked window.open of https://example.com/popup');
  const projectorUrl = page.url();
  await page.evaluate(() => {
    location.href = 'https://example.com/phishing';
  });
  await expect
    .poll(() => app.output.join('\n'))
    .toContain('[security] blocked navigation to https://example.com/phishing');
  expect(page.url()).toBe(projectorUrl);
});

test('present mode puts the board window full screen and back, as View ▸ Toggle Full Screen does', async ({
  shell,
}) => {
  const { app, board } = await boardWithMap(shell, [LAPTOP]);
  const before = board.page.viewportSize();
  await board.page.evaluate(async () => await window.journeywall?.setFullScreen(true));
  expect(board.isFullScreen).toBe(true);
  await expect.poll(() => board.page.viewportSize()).toEqual({ width: LAPTOP.width, height: LAPTOP.height });
  await board.page.evaluate(async () => await window.journeywall?.setFullScreen(false));
  expect(board.isFullScreen).toBe(false);
  await expect.poll(() => board.page.viewportSize()).toEqual(before);

  // The menu role acts on the focused window: the board, as the projector never takes the focus.
  await app.clickMenu(...app.menuPathOf('togglefullscreen'));
  expect(board.isFullScreen).toBe(true);
});
