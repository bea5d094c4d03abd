import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { ROOT } from '../support/paths.ts';
import { fixtureMapIn } from '../support/ui.ts';
import { electronBinary, NOT_RUN } from './electron-binary.ts';

/**
 * The real Electron, where a binary is installed: the same app as the harness runs, in its own
 * process with its own sandboxed renderer. Headless machines run it under xvfb-run; where there
 * is no binary, run.ts does not start it and reports that it did not run.
 */

/** The binary to launch; run.ts starts this suite only where there is one. */
const binary = (): string => {
  const found = electronBinary();
  if (found === null) throw new Error(NOT_RUN);
  return found;
};

interface Launched {
  readonly app: ElectronApplication;
  readonly page: Page;
  readonly userData: string;
  /** Console errors of every window and of the main process. */
  readonly errors: string[];
}

async function launch(home: string, ...files: string[]): Promise<Launched> {
  mkdirSync(home, { recursive: true });
  const app = await _electron.launch({
    executablePath: binary(),
    args: [ROOT, ...files],
    cwd: home,
    // Linux keeps userData in $XDG_CONFIG_HOME/<productName>: a fresh one per test.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') },
  });
  const errors: string[] = [];
  app.on('window', (page) =>
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    }),
  );
  app.process().stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (/\[(security|ipc|window|startup|files|quit|os-open)\]|Uncaught|A JavaScript error/.test(text))
      errors.push(text.trim());
  });
  const page = await app.firstWindow();
  await expect(
    page.getByRole('button', { name: 'New map' }).or(page.getByRole('textbox', { name: 'Map name' })),
  ).toBeVisible({
    timeout: 30_000,
  });
  return { app, page, userData: path.join(home, '.config', 'Journeywall'), errors };
}

test('the window shows the library; the bridge is the only thing the preload exposes; no errors', async () => {
  const info = test.info();
  const { app, page, errors } = await launch(info.outputPath('home'));
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible();
  expect(
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())),
  ).toEqual([true]);
  const exposed = await page.evaluate(async () => {
    // A fresh same-origin frame has the window's own globals and nothing the preload added.
    const frame = document.createElement('iframe');
    frame.srcdoc = '';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const plain = new Set(Object.getOwnPropertyNames(frame.contentWindow));
    frame.remove();
    const scope = window as unknown as Record<string, unknown>;
    const bridge = window.journeywall;
    return {
      added: Object.getOwnPropertyNames(window).filter((name) => !plain.has(name)),
      kinds: [...new Set(Object.values(bridge ?? {}).map((value) => typeof value))],
      info: await bridge?.appInfo(),
      node: [typeof scope.require, typeof scope.process, typeof scope.Buffer],
    };
  });
  expect(exposed.added).toContain('journeywall');
  for (const leaked of ['require', 'process', 'module', 'Buffer', 'global', 'ipcRenderer', 'electron']) {
    expect(exposed.added).not.toContain(leaked);
  }
  expect(exposed.kinds).toEqual(['function']);
  expect(exposed.info).toMatchObject({ name: 'Journeywall', shell: 'desktop' });
  expect(exposed.node).toEqual(['undefined', 'undefined', 'undefined']);
  expect(errors).toEqual([]);
  await app.close();
});

test('navigating to any URL and opening windows are refused', async () => {
  const info = test.info();
  const { app, page } = await launch(info.outputPath('home'));
  const appUrl = page.url();
  expect(appUrl).toMatch(/^app:\/\/journeywall\//);
  for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://localhost:4173/']) {
    await page.evaluate((target) => {
      location.href = target;
    }, url);
    await page.waitForTimeout(300);
    expect(page.url()).toBe(appUrl);
  }
  await page.evaluate(() => window.open('https://example.com/popup'));
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible();
  await app.close();
});

test('a map named on the command line opens', async () => {
  const info = test.info();
  const file = fixtureMapIn(info.outputPath(), 'toner.cxmap');
  const { app, page } = await launch(info.outputPath('home'), file);
  await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue(
    'Home office printer: toner refill',
  );
  await app.close();
});

test('quitting flushes the last edit into the backup on disk', async () => {
  const info = test.info();
  const { app, page, userData } = await launch(info.outputPath('home'));
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Smoke quit');
  await dialog.getByRole('radio', { name: /^Blank/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await page.mouse.move(400, 400);
  await page.keyboard.press('n');
  await page.keyboard.type('Typed just before quitting');
  await page.keyboard.press('Enter');
  const exited = new Promise((resolve) => app.process().once('exit', resolve));
  await app.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => undefined);
  await exited;
  const backups = path.join(userData, 'backups');
  const texts = readdirSync(backups).flatMap((mapId) => {
    const files = readdirSync(path.join(backups, mapId))
      .filter((name) => name.endsWith('.backup'))
      .sort();
    const newest = files.at(-1);
    return newest ? [readFileSync(path.join(backups, mapId, newest), 'utf8')] : [];
  });
  expect(texts.some((text) => text.includes('Typed just before quitting'))).toBe(true);
});
