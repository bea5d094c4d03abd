import { expect, test } from '@playwright/test';
import { visibleNotes } from './support/board-pixels.ts';
import {
  createMap,
  drag,
  expectSaved,
  goToLibrary,
  openMap,
  typeNotes,
  zoomLabel,
} from './support/journeywall.ts';

test('a whole session makes no request outside the app, fonts included', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  // A request the Content-Security-Policy blocks never reaches the network, so count attempts too.
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) blocked.push(message.text());
  });

  await createMap(page, 'Offline workshop');
  await page.mouse.move(300, 300);
  await typeNotes(page, ['Arrival', 'Check-in', 'Room', 'Breakfast', 'Check-out', 'Feedback']);
  await drag(page, { x: 300, y: 300 }, { x: 320, y: 600 });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await page.mouse.move(700, 650);
  await page.keyboard.press('Control+v');
  await page.keyboard.press('3');
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await page.mouse.wheel(0, -200);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectSaved(page);
  await page.reload();
  await expect(zoomLabel(page)).toBeVisible();
  expect(await visibleNotes(page, 100)).toHaveLength(12);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('4');
  await expectSaved(page);

  await goToLibrary(page);
  await page.getByRole('button', { name: 'Duplicate Offline workshop' }).click();
  await page.getByRole('button', { name: 'Show backups' }).click();
  await page.getByRole('button', { name: 'Restore Offline workshop from backup' }).click();
  await expect(page.getByRole('status')).toContainText('Restored “Offline workshop” from its backup');
  await page.getByRole('button', { name: 'Delete Offline workshop (copy)' }).click();
  await openMap(page, 'Offline workshop');

  // The shipped font is what the notes are drawn with, and it came from the app itself.
  expect(await page.evaluate(() => document.fonts.check('20px "Atkinson Hyperlegible"'))).toBe(true);
  const fonts = requests.filter((url) => /\.(woff2?|ttf|otf)(\?|$)/.test(url));
  expect(fonts.length).toBeGreaterThan(0);
  for (const url of fonts) expect(new URL(url).origin).toBe(origin);

  expect(sockets).toEqual([]);
  expect(blocked).toEqual([]);
  const outside = requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  expect(outside).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});
