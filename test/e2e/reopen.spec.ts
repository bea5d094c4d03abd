import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.ts';
import { centreOf, type NoteOnScreen, visibleNotes } from './support/board-pixels.ts';
import {
  addNoteAt,
  board,
  createMap,
  drag,
  expectSaved,
  readNoteText,
  zoomLabel,
} from './support/journeywall.ts';

/** Where and what colour each note is; its area changes with the selection handles, so not that. */
const layoutOf = (notes: readonly NoteOnScreen[]) =>
  notes.map(({ color, x, y, w, h }) => ({ color, x, y, w, h }));

const textsOf = async (page: Page, notes: readonly NoteOnScreen[]): Promise<string[]> => {
  const texts: string[] = [];
  for (const note of notes) texts.push(await readNoteText(page, centreOf(note)));
  return texts;
};

/** A small workshop board: three notes in three colours, one dragged, zoomed in and panned. */
const buildBoard = async (page: Page): Promise<void> => {
  await addNoteAt(page, { x: 300, y: 300 }, 'Kiosk out of order');
  await addNoteAt(page, { x: 560, y: 300 }, 'Staff helped\nquickly');
  await page.keyboard.press('2');
  await addNoteAt(page, { x: 300, y: 560 }, 'Receipt by email');
  await page.keyboard.press('6');
  await drag(page, { x: 300, y: 560 }, { x: 720, y: 620 });
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.mouse.move(700, 500);
  await page.mouse.wheel(120, 80);
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 125%,/);
};

test('reloading the page shows the map exactly as it was', async ({ page }) => {
  await createMap(page, 'Field research');
  await buildBoard(page);
  await expectSaved(page);
  const before = await visibleNotes(page);
  expect(before.map((note) => note.color).sort()).toEqual(['orange', 'purple', 'yellow']);
  const texts = await textsOf(page, before);
  expect(texts.sort()).toEqual(['Kiosk out of order', 'Receipt by email', 'Staff helped\nquickly']);

  await page.reload();

  await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue('Field research');
  await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 125%,/);
  const after = await visibleNotes(page);
  expect(layoutOf(after)).toEqual(layoutOf(before));
  expect((await textsOf(page, after)).sort()).toEqual(texts);
});

test.describe('after a crash', () => {
  let profile: string;
  const contexts: BrowserContext[] = [];
  test.beforeEach(() => {
    profile = mkdtempSync(join(tmpdir(), 'journeywall-profile-'));
  });
  test.afterEach(async () => {
    // The browser must be gone before its profile folder can be removed.
    for (const context of contexts.splice(0)) await context.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const launch = async (baseURL: string | undefined, viewport: { width: number; height: number } | null) => {
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions(),
      baseURL,
      viewport,
    });
    contexts.push(context);
    return context;
  };

  /** The renderer dies on the spot: no pagehide, no flush, nothing more runs in the page. */
  const crash = async (context: BrowserContext, page: Page): Promise<void> => {
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    const cdp = await context.newCDPSession(page);
    cdp.send('Page.crash').catch(() => undefined);
    await crashed;
  };

  test('the last edit is there when the app starts again, though the renderer died once it was saved', async ({
    baseURL,
    viewport,
  }) => {
    let context = await launch(baseURL, viewport);
    let page = context.pages()[0] ?? (await context.newPage());
    await createMap(page, 'Crash drill');
    await addNoteAt(page, { x: 1100, y: 650 }, 'Saved long ago');
    await expectSaved(page);

    await buildBoard(page);
    // The last edit: the orange note turns grey; the renderer dies the moment the app says it is
    // saved, with nothing flushed on the way out. (How soon autosave writes an edit is the unit
    // suite's to check, on a fake clock.)
    const before = await visibleNotes(page);
    const orange = before.find((note) => note.color === 'orange');
    if (!orange) throw new Error('the orange note is not on screen');
    await page.mouse.click(centreOf(orange).x, centreOf(orange).y);
    await page.keyboard.press('7');
    await expectSaved(page);
    await crash(context, page);
    await context.close();

    context = await launch(baseURL, viewport);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    // The app reopens the map that was open.
    await expect(board(page)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Map name' })).toHaveValue('Crash drill');
    await expect(zoomLabel(page)).toHaveAccessibleName(/^Zoom 125%,/);
    const after = await visibleNotes(page);
    const expected = layoutOf(before).map((note) =>
      note.color === 'orange' ? { ...note, color: 'grey' } : note,
    );
    expect(layoutOf(after)).toEqual(expected);
    expect((await textsOf(page, after)).sort()).toEqual([
      'Kiosk out of order',
      'Receipt by email',
      'Saved long ago',
      'Staff helped\nquickly',
    ]);
  });
});
