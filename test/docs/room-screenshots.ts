import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect } from '@playwright/test';
import { Desktop } from '../shell/harness/desktop.ts';
import { shellChromiumOptions } from '../shell/support/chromium.ts';
import globalSetup from '../shell/support/global-setup.ts';
import { joinRoom, phone, writeNote } from '../shell/support/phones.ts';
import { expectLibrary, expectMapOpen } from '../shell/support/ui.ts';

/**
 * Takes the README's pictures of the room from the running desktop app (its real main process
 * under the shell harness, serving the room on this machine's loopback): the room panel with
 * its QR code, a phone writing in a round, and present mode showing how to join.
 * `npx tsx test/docs/room-screenshots.ts` (after `npm run build`); pass an output folder to
 * write elsewhere than docs/.
 */
const out = process.argv[2] ?? 'docs';

await globalSetup();
const browser = await chromium.launch(shellChromiumOptions());
// tsx names functions with a helper the harness's scripts then carry into the page: define it there.
const newContext = browser.newContext.bind(browser);
browser.newContext = async (options) => {
  const context = await newContext(options);
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  return context;
};
const root = await mkdtemp(path.join(tmpdir(), 'jw-room-docs-'));
const app = new Desktop({ root, browser });
try {
  const { page: board } = await app.window();
  await expectLibrary(board);
  await board.getByRole('button', { name: 'Open the example map' }).click();
  await expectMapOpen(board, 'Home printer toner');
  await board.getByRole('button', { name: 'Room' }).click();
  await board.getByLabel('Network').selectOption({ label: 'This computer only (127.0.0.1)' });
  await board.getByRole('button', { name: 'Open the room' }).click();
  const url = (await board.locator('.room-url').textContent()) ?? '';
  const phones = [await phone(browser), await phone(browser), await phone(browser)];
  for (const [index, name] of ['Ana', 'Ben', ''].entries()) {
    const participant = phones[index];
    if (participant) await joinRoom(participant, url, name);
  }
  await board.getByLabel('Prompt').fill('What happens before they call us?');
  await board.getByLabel('Minutes (0 for no time limit)').fill('5');
  await board.getByRole('button', { name: 'Open the writing round' }).click();
  const [ana, ben] = phones;
  if (!ana || !ben) throw new Error('no phones');
  await writeNote(ana, 'The toner light blinks for a week before anyone orders', 'Use', 'Customer actions');
  await writeNote(ben, 'Nobody knows which cartridge fits', 'Purchase', 'Breakdown points');
  await writeNote(ana, 'Hold music for 20 minutes', 'Post-purchase', 'Breakdown points');
  await expect(ana.getByText('Sent ✓')).toHaveCount(2);
  await ana.getByLabel('Your note', { exact: true }).fill('Orders from the printer itself?');
  await ana.screenshot({ path: path.join(out, 'room-phone.png'), fullPage: true });
  const panel = board.getByRole('complementary', { name: 'Room' });
  await panel.evaluate((element) => element.scrollTo(0, 0));
  await panel.screenshot({ path: path.join(out, 'room-panel.png') });
  await board.keyboard.press('F5');
  await expect(board.getByTestId('present-room')).toBeVisible();
  await board.waitForTimeout(1500);
  await board.screenshot({ path: path.join(out, 'room-present.png') });
  await board.keyboard.press('Escape');
  await board.getByRole('button', { name: 'Vote', exact: true }).click();
  await board
    .getByRole('complementary', { name: 'Vote' })
    .getByRole('button', { name: 'Start the vote' })
    .click();
  await ana
    .getByRole('button', { name: /^Give a dot to: / })
    .first()
    .click();
  await expect(ana.getByText('2 dots left')).toBeVisible();
  await ana.getByRole('region', { name: 'Vote' }).screenshot({ path: path.join(out, 'room-phone-vote.png') });
  console.log(`Wrote ${out}/room-phone.png, room-panel.png, room-present.png and room-phone-vote.png`);
} finally {
  await app.close();
  await browser.close();
}
