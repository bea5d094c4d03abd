import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  board,
  boardPoints,
  createMap,
  expectSaved,
  mapTitle,
  openApp,
  openFromLibrary,
  typeNotes,
} from './support/app.ts';
import { type FaultBrowser, launchBrowser, pause } from './support/browser.ts';
import {
  corruptions,
  draftOf,
  liveNoteTexts,
  mapNamed,
  recordsOf,
  type Snapshot,
  snapshotBeside,
} from './support/store.ts';

/**
 * One map in two tabs of one browser: the second shows it read-only until it asks for it; then
 * the first lets go. No edit of either tab may be lost, and the read-only one stores nothing.
 */

const MAP = 'Two windows';

let profile = '';
let session: FaultBrowser | null = null;

test.afterEach(async () => {
  await session?.kill();
  session = null;
  rmSync(profile, { recursive: true, force: true });
});

const notesOf = (snapshot: Snapshot): string[] =>
  liveNoteTexts(snapshot, mapNamed(snapshot, MAP)?.id ?? '').sort();

/** Every stored record of the map (by id and version) and its draft: what a read-only tab must not touch. */
const storedState = (snapshot: Snapshot) => {
  const mapId = mapNamed(snapshot, MAP)?.id ?? '';
  return {
    records: recordsOf(snapshot, mapId)
      .map((record) => `${record.type} ${record.id} v${String(record.version)}`)
      .sort(),
    draft: draftOf(snapshot, mapId) ?? null,
  };
};

const onMap = async (page: Page): Promise<void> => {
  if ((await openApp(page)) === 'library') await openFromLibrary(page, MAP);
  await expect(mapTitle(page)).toHaveValue(MAP);
};

test('one map in two tabs: the second is read-only until "Open here instead", and no edit of either is lost', async () => {
  profile = mkdtempSync(join(tmpdir(), 'journeywall-faults-tabs-'));
  session = await launchBrowser(profile);
  const { context } = session;
  const first = session.page;
  await openApp(first);
  await createMap(first, MAP, 'Blank');
  const [a, b, c, d] = await boardPoints(first, [
    [0.2, 0.25],
    [0.2, 0.45],
    [0.2, 0.65],
    [0.6, 0.45],
  ]);
  const at = (point: typeof a) => point ?? { x: 400, y: 400 };
  await typeNotes(first, at(a), ['First tab: kiosk', 'First tab: refund']);
  await expectSaved(first);

  const second = await context.newPage();
  await onMap(second);
  await expect(second.getByText('This map is open in another window.')).toBeVisible();
  const takeOver = second.getByRole('button', { name: 'Open here instead' });
  await expect(takeOver).toBeVisible();

  // The read-only tab takes no note: N, typing and Enter, and a double-click on the empty board.
  const before = storedState(await snapshotBeside(context));
  await second.bringToFront();
  await second.mouse.move(at(b).x, at(b).y);
  await second.keyboard.press('n');
  await second.keyboard.type('Second tab: blocked by N');
  await second.keyboard.press('Enter');
  await second.mouse.dblclick(at(d).x, at(d).y);
  await second.keyboard.type('Second tab: blocked by a double-click');
  await second.keyboard.press('Enter');
  await pause(1_000);
  expect(storedState(await snapshotBeside(context)), 'the read-only tab stored nothing').toEqual(before);

  // The first tab keeps saving.
  await first.bringToFront();
  await typeNotes(first, at(b), ['First tab: still saving']);
  await expectSaved(first);
  expect(notesOf(await snapshotBeside(context))).toContain('First tab: still saving');

  await second.bringToFront();
  await takeOver.click();
  await expect(first.getByText('This map is now open in another window.')).toBeVisible();
  await expect(board(second)).toBeVisible();
  await typeNotes(second, at(c), ['Second tab: now editing']);
  await expectSaved(second);

  const after = await snapshotBeside(context);
  expect(notesOf(after), 'every edit of both tabs is stored, once').toEqual(
    ['First tab: kiosk', 'First tab: refund', 'First tab: still saving', 'Second tab: now editing'].sort(),
  );
  expect(corruptions(after)).toEqual([]);

  // The first tab, now read-only, stores nothing either.
  const handedOver = storedState(after);
  await first.bringToFront();
  await first.mouse.move(at(d).x, at(d).y);
  await first.keyboard.press('n');
  await first.keyboard.type('First tab: blocked after the handover');
  await first.keyboard.press('Enter');
  await pause(1_000);
  expect(storedState(await snapshotBeside(context)), 'the tab that let go stored nothing').toEqual(
    handedOver,
  );
});
