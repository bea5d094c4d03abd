import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { exampleMap } from '../docs/example-map.ts';
import { writeExampleMap } from '../docs/example-map-file.ts';
import { boardSettled } from './support/board-pixels.ts';
import { type DrawnText, recordCanvasText, settle, takeDrawn } from './support/canvas-text.ts';
import { board, openFromLibrary, test, zoomLabel } from './support/journeywall.ts';

/**
 * Present mode on a projector: the facilitator walks the example map stage by stage, and the
 * back row can read every word. Text sizes are read from the drawing itself (canvas-text.ts).
 */

const present = (page: Page) => page.getByTestId('present');
const caption = (page: Page) => present(page).locator('.present-caption');
const stepCount = async (page: Page) => {
  const count = (await present(page).locator('.present-count').textContent()) ?? '';
  const [shown, total] = count.split('/').map((part) => Number(part.trim()));
  return { shown: shown ?? 0, total: total ?? 0 };
};

/** The projector minimum (renderer/present/projector-text.ts): 3 % of the screen's height. */
const minimumFor = (height: number) => height * 0.03;

const openExample = async (page: Page): Promise<void> => {
  const path = join(await mkdtemp(join(tmpdir(), 'journeywall-e2e-')), 'home-printer-toner.cxmap');
  await writeExampleMap(path);
  await openFromLibrary(page, path);
};

const EXAMPLE = exampleMap();
const NOTE_TEXTS = liveNotesByZ(EXAMPLE).map((note) => note.text);
const STAGES = Object.values(EXAMPLE.records)
  .filter((record) => record.type === 'stage')
  .sort((a, b) => a.order - b.order)
  .map((stage) => stage.name);

/**
 * Enters present mode with F5 and walks every step with Page Down, checking at each that no
 * text is drawn under the minimum; returns the stages the captions named and the texts drawn.
 */
const walk = async (page: Page, minimum: number, settleMs: number) => {
  await page.keyboard.press('F5');
  await expect(present(page)).toBeVisible();
  await expect(present(page)).toHaveAttribute('data-step', 'overview');
  const { total } = await stepCount(page);
  expect(total).toBeGreaterThan(STAGES.length);
  const named = new Set<string>();
  const texts: DrawnText[] = [];
  for (let step = 1; step <= total; step++) {
    if (step > 1) {
      await page.keyboard.press('PageDown');
      await expect(present(page).locator('.present-count')).toHaveText(`${step} / ${total}`);
    }
    await page.waitForTimeout(settleMs);
    await settle(page);
    const drawn = await takeDrawn(page);
    const label = (await caption(page).textContent()) ?? '';
    const kind = await present(page).getAttribute('data-step');
    if (kind === 'stage') {
      expect(drawn.length, label).toBeGreaterThan(0);
      for (const stage of STAGES) if (label.includes(`. ${stage}`)) named.add(stage);
    }
    const smallest = Math.min(...drawn.map((text) => text.px));
    if (drawn.length > 0)
      expect(
        smallest,
        `${label}: ${JSON.stringify(drawn.find((t) => t.px === smallest))}`,
      ).toBeGreaterThanOrEqual(minimum - 0.01);
    texts.push(...drawn);
  }
  return { named, texts };
};

for (const screen of [
  { width: 1920, height: 1080, motion: 'no-preference' },
  { width: 1280, height: 720, motion: 'reduce' },
  { width: 1024, height: 768, motion: 'reduce' },
] as const) {
  test(`at ${screen.width}×${screen.height}, present mode walks every stage with no text under ${minimumFor(screen.height).toFixed(1)} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await page.emulateMedia({ reducedMotion: screen.motion });
    await page.addInitScript(recordCanvasText);
    await openExample(page);
    // Animated steps take 300 ms; with reduced motion they change at once.
    const { named, texts } = await walk(
      page,
      minimumFor(screen.height),
      screen.motion === 'reduce' ? 0 : 450,
    );
    expect([...named].sort()).toEqual([...STAGES].sort());
    // Every note was read out as text (not only sketched as bars) on some step.
    const words = texts.map((text) => text.text).join(' ');
    for (const note of NOTE_TEXTS) expect(words, note).toContain(note.split(' ')[0] ?? '');
    console.log(
      `present mode ${screen.width}×${screen.height}: smallest text ${Math.min(...texts.map((text) => text.px)).toFixed(2)} px (minimum ${minimumFor(screen.height).toFixed(2)} px)`,
    );
  });
}

test('the spotlight enlarges a note, B blanks the screen, Escape goes back to the board as it was', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript(recordCanvasText);
  await openExample(page);
  const zoom = await zoomLabel(page).getAttribute('aria-label');
  // The pointer off the board for both pictures of it.
  await page.mouse.move(1, 1);
  await boardSettled(page);
  const boardBefore = await board(page).screenshot();

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(present(page)).toBeVisible();
  // "4" goes to the fourth stage, Purchase.
  await page.keyboard.press('4');
  await expect(caption(page)).toContainText('4. Purchase');
  await settle(page);
  const step = await takeDrawn(page);
  // "Order page" is drawn on two lines.
  const orderPage = step.find((text) => text.layer === 0 && text.text === 'Order');
  expect(orderPage).toBeDefined();

  // A click on the note spotlights it: the same words, drawn larger, over the dimmed step.
  await page.mouse.click((orderPage?.x ?? 0) + 4, (orderPage?.y ?? 0) + 4);
  await settle(page);
  const spotlit = (await takeDrawn(page)).filter((text) => text.layer === 1);
  const enlarged = spotlit.find((text) => text.text.startsWith('Order'));
  expect(enlarged?.px).toBeGreaterThan(1.5 * (orderPage?.px ?? 0));
  expect(Math.min(...spotlit.map((text) => text.px))).toBeGreaterThanOrEqual(minimumFor(1080) - 0.01);
  // Escape closes the spotlight first; Tab and Enter bring one up from the keyboard.
  await page.keyboard.press('Escape');
  await expect(present(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await settle(page);
  expect((await takeDrawn(page)).filter((text) => text.layer === 1).length).toBeGreaterThan(0);
  await page.keyboard.press('Escape');

  // B blanks the screen black; any key brings the same step back.
  await page.keyboard.press('b');
  await expect(present(page).getByTestId('present-blank')).toBeVisible();
  const shot = PNG.sync.read(await page.screenshot());
  let lit = 0;
  for (let offset = 0; offset < shot.data.length; offset += 4 * 97)
    if ((shot.data[offset] ?? 0) + (shot.data[offset + 1] ?? 0) + (shot.data[offset + 2] ?? 0) > 0) lit++;
  expect(lit).toBe(0);
  await page.keyboard.press('PageDown');
  await expect(present(page).getByTestId('present-blank')).toHaveCount(0);
  await expect(caption(page)).toContainText('4. Purchase');

  // Escape leaves present mode; the board is where it was, and nothing was edited.
  await page.keyboard.press('Escape');
  await expect(present(page)).toHaveCount(0);
  await expect(zoomLabel(page)).toHaveAccessibleName(zoom ?? '');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.mouse.move(1, 1);
  await settle(page);
  await boardSettled(page);
  expect(await board(page).screenshot()).toEqual(boardBefore);
});
