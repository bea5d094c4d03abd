import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  boardPoints,
  createMap,
  expectSaved,
  goToLibrary,
  openApp,
  openFromLibrary,
  typeNotes,
} from './support/app.ts';
import { type FaultBrowser, launchBrowser } from './support/browser.ts';
import { APP_ORIGIN } from './support/paths.ts';
import { recordFact } from './support/record.ts';
import {
  corruptions,
  liveNoteTexts,
  mapNamed,
  openChecker,
  readStore,
  type Snapshot,
  snapshotBeside,
} from './support/store.ts';

/**
 * The browser clears the origin's IndexedDB (CDP Storage.clearDataForOrigin, what "Clear site
 * data" or an eviction does): while the map is open, and while the app is not running.
 */

let profile = '';
let session: FaultBrowser | null = null;

test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'journeywall-faults-cleared-'));
});

test.afterEach(async () => {
  await session?.kill();
  session = null;
  rmSync(profile, { recursive: true, force: true });
});

/**
 * Clears through a page's CDP session: on the browser's own session Chromium 156 answers
 * Storage.clearDataForOrigin with "Internal error". The page may be any page, about:blank too.
 */
const clearIndexedDb = async (browser: FaultBrowser, page: Page): Promise<void> => {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: APP_ORIGIN, storageTypes: 'indexeddb' });
  await cdp.detach();
};

const notesOf = (snapshot: Snapshot, name: string): string[] =>
  liveNoteTexts(snapshot, mapNamed(snapshot, name)?.id ?? '').sort();

/**
 * A database of the suite's own beside the app's: gone after the clear, it proves the clear
 * happened even when the app has already written its map back by the time the checker looks.
 */
const MARKER = 'faults-clear-marker';

const plantMarker = (page: Page): Promise<void> =>
  page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => request.result.createObjectStore('marker');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    MARKER,
  );

const markerKept = async (page: Page): Promise<boolean> =>
  page.evaluate(
    async (name) => (await indexedDB.databases()).some((database) => database.name === name),
    MARKER,
  );

test('IndexedDB cleared while the map is open: the app notices, writes the whole map back and says so', async () => {
  const map = 'Cleared while open';
  const notes = ['Open: kiosk queue', 'Open: refund form', 'Open: parcel locker', 'Open: survey'];
  session = await launchBrowser(profile);
  const { page, context } = session;
  await openApp(page);
  await createMap(page, map, 'Blank');
  const [at, later] = await boardPoints(page, [
    [0.2, 0.3],
    [0.2, 0.6],
  ]);
  await typeNotes(page, at ?? { x: 300, y: 300 }, notes);
  await expectSaved(page);
  expect(notesOf(await snapshotBeside(context), map), 'stored before the clear').toEqual([...notes].sort());

  await plantMarker(page);
  await clearIndexedDb(session, page);
  expect(
    await markerKept(page),
    'the clear removed every database of the origin (else this test proves nothing)',
  ).toBe(false);

  const notice = page
    .getByRole('status')
    .filter({ hasText: /cleared/i })
    .first();
  let noticed = 'on its own, within 5 s';
  try {
    await notice.waitFor({ timeout: 5_000 });
  } catch {
    // Not within a few seconds: the next edit must make the app notice.
    noticed = 'at the next edit';
    await typeNotes(page, later ?? { x: 300, y: 500 }, ['Open: after the clear']);
  }
  recordFact('cleared-open', { noticed });
  test.info().annotations.push({ type: 'noticed', description: noticed });
  await expect(notice, 'a notice says the stored copy was cleared').toBeVisible();
  recordFact('cleared-open', { notice: await notice.textContent() });
  await expectSaved(page);

  const expected = noticed === 'at the next edit' ? [...notes, 'Open: after the clear'] : notes;
  const after = await snapshotBeside(context);
  expect(notesOf(after, map), 'every note is stored again').toEqual([...expected].sort());
  expect(corruptions(after), 'the summary row matches the records').toEqual([]);
});

test('IndexedDB cleared while the app is closed: the maps come back from their backups at the next start', async () => {
  const map = 'Cleared while closed';
  const notes = ['Closed: kiosk queue', 'Closed: refund form', 'Closed: parcel locker'];
  session = await launchBrowser(profile);
  let page = session.page;
  await openApp(page);
  await createMap(page, map, 'Blank');
  const [at] = await boardPoints(page, [[0.2, 0.3]]);
  await typeNotes(page, at ?? { x: 300, y: 300 }, notes);
  await expectSaved(page);
  // Leaving the map writes its backup; the library then lists it (the precondition of this test).
  await goToLibrary(page);
  await page.getByRole('button', { name: 'Show backups' }).click();
  await expect(
    page.getByRole('button', { name: `Restore ${map} from backup` }),
    'the library lists a file backup of the map before the browser closes',
  ).toBeVisible();
  await openFromLibrary(page, map);
  await expectSaved(page);
  await session.kill();

  // The browser starts on about:blank and the checker page runs none of the app: the app is not
  // running while its IndexedDB is cleared.
  session = await launchBrowser(profile);
  page = session.page;
  await openChecker(page);
  await plantMarker(page);
  await clearIndexedDb(session, page);
  expect(
    await markerKept(page),
    'the clear removed every database of the origin (else this test proves nothing)',
  ).toBe(false);
  const cleared = await readStore(page);
  expect(mapNamed(cleared, map), 'the map is gone from IndexedDB before the app starts').toBe(undefined);

  await openApp(page);
  const notice = page
    .getByRole('status')
    .filter({ hasText: /brought back/i })
    .first();
  await expect(notice, 'a notice says the map was brought back from its backup').toBeVisible();
  recordFact('cleared-closed', { notice: await notice.textContent() });
  await expect
    .poll(async () => notesOf(await readStore(page), map), { message: 'every note of the map is back' })
    .toEqual([...notes].sort());
  expect(corruptions(await readStore(page)), 'the summary row matches the records').toEqual([]);
});
