import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { boardPoints, createMap, expectSaved, openApp, saveStatus, typeNotes } from './support/app.ts';
import { newestBackup } from './support/backups.ts';
import { type FaultBrowser, launchBrowser } from './support/browser.ts';
import { diskSpace, fillDisk, mountSmallDisk, type SmallDisk } from './support/disk.ts';
import { recordFact } from './support/record.ts';
import { liveNoteTexts, mapNamed, openChecker, readStore, type Snapshot } from './support/store.ts';

/**
 * A real full disk: the profile lives on a small tmpfs (or a loop-mounted ext4 image), a filler
 * file takes the last byte, notes are typed, the filler goes, and the app must save on its own;
 * after a crash and a restart, nothing stored before is gone.
 */

const MAP = 'Full disk drill';
const BEFORE = ['Before: kiosk queue', 'Before: refund form', 'Before: parcel locker'];
const WHILE_FULL = ['While full: helpdesk', 'While full: voucher'];
/** Words that only exception text puts in front of a user. */
const EXCEPTION_WORDS = /Error|Exception|backing store|QuotaExceeded|Dexie/;
const RESUME_WITHIN_MS = 30_000;

let disk: SmallDisk | null = null;
let session: FaultBrowser | null = null;

test.beforeAll(() => {
  disk = mountSmallDisk(96);
});

test.afterEach(async () => {
  // The browser holds files on the disk: it goes first, then everything the test wrote there.
  await session?.kill();
  session = null;
  for (const name of ['filler', 'profile'])
    rmSync(join(disk?.dir ?? '', name), { recursive: true, force: true });
});

test.afterAll(async () => {
  await disk?.unmount();
});

/** Reads what the page itself meets on this disk: a raw IndexedDB write of 64 KB in a scratch database. */
const probeWrite = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    const request = indexedDB.open('faults-disk-probe', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('probe');
    try {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const outcome = await new Promise<string>((resolve) => {
        const transaction = db.transaction('probe', 'readwrite');
        transaction.objectStore('probe').put('x'.repeat(65_536), Date.now());
        transaction.oncomplete = () => resolve('the write was stored');
        transaction.onerror = () => resolve(`${transaction.error?.name}: ${transaction.error?.message}`);
        transaction.onabort = () => resolve(`${transaction.error?.name}: ${transaction.error?.message}`);
      });
      db.close();
      return outcome;
    } catch (error) {
      return `opening failed: ${error instanceof DOMException ? `${error.name}: ${error.message}` : String(error)}`;
    } finally {
      indexedDB.deleteDatabase('faults-disk-probe');
    }
  });

test('a full disk: one plain sentence, the whole toolbar on screen, saving resumes by itself, nothing stored is lost after a restart', async () => {
  test.setTimeout(150_000);
  if (!disk) throw new Error('no small disk was mounted');
  const method = `${disk.method} of ${Math.round(disk.bytes / 2 ** 20)} MB at ${disk.dir}`;
  console.log(`full disk: ${method}`);
  test.info().annotations.push({ type: 'disk', description: method });
  recordFact('full-disk', { method: disk.method, bytes: disk.bytes });
  const profile = join(disk.dir, 'profile');

  session = await launchBrowser(profile);
  let page = session.page;
  await openApp(page);
  await createMap(page, MAP, 'Blank');
  const [first, second] = await boardPoints(page, [
    [0.2, 0.3],
    [0.2, 0.6],
  ]);
  await typeNotes(page, first ?? { x: 300, y: 300 }, BEFORE);
  await expectSaved(page);
  const stored = await readStore(page);
  const mapId = mapNamed(stored, MAP)?.id ?? '';
  expect(liveNoteTexts(stored, mapId).sort(), 'the notes typed before the disk fills are stored').toEqual(
    [...BEFORE].sort(),
  );

  const filler = fillDisk(disk.dir);
  recordFact('full-disk', { fillerBytes: filler.bytes, freeAfterFilling: diskSpace(disk.dir).free });

  await typeNotes(page, second ?? { x: 300, y: 500 }, WHILE_FULL);
  // What a failed write looks like to the page (recorded for the report).
  const probe = await probeBeside(session);
  recordFact('full-disk', { pageSees: probe });
  test.info().annotations.push({ type: 'a raw IndexedDB write on the full disk', description: probe });

  const status = saveStatus(page);
  await expect(status, 'the save indicator says the edits are not stored').not.toHaveText(
    /^(All changes saved|Saving…)$/,
    { timeout: 20_000 },
  );
  const message = (await status.textContent())?.trim() ?? '';
  // Whatever else the window says about it (an alert under the toolbar...) must be plain too.
  const alerts = (await page.getByRole('alert').allTextContents()).map((text) => text.trim()).filter(Boolean);
  recordFact('full-disk', { message, alerts });
  test.info().annotations.push({ type: 'status', description: message });
  for (const alert of alerts) test.info().annotations.push({ type: 'alert', description: alert });
  const sentences = message.split(/(?<=[.!?])\s+(?=\S)/).filter(Boolean);
  expect.soft(sentences, 'the status is one plain sentence').toHaveLength(1);
  for (const text of [message, ...alerts]) {
    expect.soft(text, 'what the window says uses no exception text').not.toMatch(EXCEPTION_WORDS);
  }

  const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const buttons = page.locator('.toolbar button');
  const boxes = await buttons.evaluateAll((elements) =>
    elements
      .map((element) => ({
        name: element.getAttribute('aria-label') ?? element.textContent ?? '',
        box: element.getBoundingClientRect(),
      }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .map(({ name, box }) => ({
        name: name.trim(),
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
      })),
  );
  expect(boxes.length, 'the toolbar has buttons to check').toBeGreaterThan(3);
  const offScreen = boxes
    .filter(
      (box) => box.left < 0 || box.top < 0 || box.right > viewport.width || box.bottom > viewport.height,
    )
    .map(
      (box) =>
        `${box.name}: ${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)}`,
    );
  expect
    .soft(offScreen, `toolbar buttons outside the ${viewport.width} × ${viewport.height} window`)
    .toEqual([]);

  rmSync(filler.file);
  const freedAt = Date.now();
  await expectSaved(page, RESUME_WITHIN_MS);
  const resumedAfterMs = Date.now() - freedAt;
  recordFact('full-disk', { resumedAfterMs });
  test.info().annotations.push({
    type: 'saving resumed',
    description: `${resumedAfterMs} ms after the space came back`,
  });
  const everything = [...BEFORE, ...WHILE_FULL].sort();
  await expect
    .poll(async () => described(await readStore(page), mapId), { message: 'stored once space returned' })
    .toEqual(everything);

  // The file backup follows a few seconds after a change, and again once space is back: once it
  // holds every note too, crash.
  await expect
    .poll(
      async () => {
        const backup = await newestBackup(page, mapId);
        return everything.filter((text) => !backup?.includes(JSON.stringify(text)));
      },
      { message: 'the file backup holds every note (none missing)', timeout: 20_000 },
    )
    .toEqual([]);
  await session.kill();
  session = await launchBrowser(profile);
  page = session.page;
  await openChecker(page);
  const afterCrash = await readStore(page);
  const afterRestart = afterCrash.error
    ? `unreadable (${afterCrash.error})`
    : !afterCrash.exists
      ? 'the journeywall database was gone'
      : mapNamed(afterCrash, MAP)
        ? `kept (${liveNoteTexts(afterCrash, mapId).length} notes)`
        : 'the database was there, the map was gone';
  recordFact('full-disk', { indexedDbAfterRestart: afterRestart });
  test.info().annotations.push({
    type: 'IndexedDB after the restart, before the app started',
    description: afterRestart,
  });

  await openApp(page);
  await expect
    .poll(
      async () => {
        const snapshot = await readStore(page);
        return described(snapshot, mapNamed(snapshot, MAP)?.id ?? '');
      },
      {
        message: 'after the restart the map holds every note stored before',
        timeout: 15_000,
      },
    )
    .toEqual(everything);
  const restored = await page
    .getByRole('status')
    .filter({ hasText: /brought back/i })
    .count();
  const how = restored > 0 ? 'restored from its backup by the app' : 'read from IndexedDB';
  recordFact('full-disk', { mapAfterRestart: how });
  test.info().annotations.push({ type: 'the map after the restart', description: how });
});

/** The map's note texts, or why they could not be read. */
const described = (snapshot: Snapshot, mapId: string): string[] | string =>
  snapshot.error ?? liveNoteTexts(snapshot, mapId).sort();

/** The probe runs in a page of its own, so the app's page is left alone. */
const probeBeside = async (browser: FaultBrowser): Promise<string> => {
  const page = await browser.context.newPage();
  try {
    await openChecker(page);
    return await probeWrite(page);
  } finally {
    await page.close();
  }
};
