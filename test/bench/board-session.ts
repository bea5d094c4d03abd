import type { Page } from 'playwright-core';
import type { View } from './layout.ts';
import type { SeedNote } from './seed-notes.ts';

/** Driving the app itself: the steps the bench shares between map sizes. */

export const saveStatusText = (page: Page): Promise<string | null> =>
  page.locator('output.save-status').textContent();

/** Waits until every edit is stored (the save indicator's own words). */
export const waitUntilSaved = async (page: Page, timeout = 120_000): Promise<void> => {
  await page.locator('output.save-status', { hasText: 'All changes saved' }).waitFor({ timeout });
};

/** A new blank map (no stages or lanes), named in the New map dialog. */
export const createMap = async (page: Page, name: string): Promise<void> => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('radio', { name: /^Blank/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await page.getByTestId('board').waitFor();
};

/**
 * Puts the notes on the board the way a facilitator pasting them would: one paste event
 * carrying Journeywall's clipboard format, handled by the app's own paste handler.
 */
export const pasteNotes = async (page: Page, notes: readonly SeedNote[]): Promise<void> => {
  const payload = JSON.stringify({ type: 'journeywall/notes', notes });
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, payload);
  const pastedAt = Date.now();
  await waitUntilSaved(page);
  // The pasted notes come selected; the measurements start from a board with no selection.
  await page.keyboard.press('Escape');
  // The paste starts the rolling backup of the whole map a few seconds later. It is the setup's
  // work, measured in its own row (autosave-cost.ts), so it must not land in a gesture's steps.
  await waitUntilBackedUp(page, pastedAt);
};

/**
 * Waits until the browser build's rolling backup (in the origin-private file system) is newer
 * than `since`. Polled with `page.evaluate`, which awaits the check's promise (`waitForFunction`
 * takes a pending promise for a truthy answer, and returned at once).
 */
const waitUntilBackedUp = async (page: Page, since: number, timeoutMs = 60_000): Promise<void> => {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await backedUpSince(page, since))) {
    if (Date.now() > giveUpAt) throw new Error(`No backup was written within ${timeoutMs} ms of the paste`);
    await settle(250);
  }
};

const backedUpSince = (page: Page, since: number): Promise<boolean> =>
  page.evaluate(async (after) => {
    const root = await navigator.storage.getDirectory();
    const backups = (await root.getDirectoryHandle('backups').catch(() => null)) as
      | (FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> })
      | null;
    if (!backups) return false;
    for await (const map of backups.values()) {
      if (map.kind !== 'directory') continue;
      const meta = await (map as FileSystemDirectoryHandle)
        .getFileHandle('latest.json')
        .then(async (file) => JSON.parse(await (await file.getFile()).text()) as { savedAt?: number })
        .catch(() => null);
      if ((meta?.savedAt ?? 0) >= after) return true;
    }
    return false;
  }, since);

/** Zoom to fit (Shift+1), optionally then 100% (Ctrl+0) about the same centre. */
export const showMap = async (page: Page, view: View): Promise<void> => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Digit1');
  if (view === '100%') await page.keyboard.press('Control+0');
};

/** Gives the viewport time to be stored (300 ms after the last change) before reloading. */
export const settle = (ms = 800): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
