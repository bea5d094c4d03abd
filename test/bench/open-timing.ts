import type { Page } from 'playwright-core';
import { firstBoardFrame } from './frame-probe.ts';

/** From a page load (the app reopens the last map) to the map on screen, in ms. */
export interface OpenFigures {
  /** The app's own measure: opening the map to its first drawn frame. */
  readonly openToFirstPaint: number;
  /** Navigation start to the end of the frame that first drew the notes. */
  readonly navigationToBoard: number;
}

export const measureOpen = async (page: Page): Promise<OpenFigures> => {
  await page.reload();
  await page.waitForFunction(
    () =>
      window.__journeywallProbe?.firstBoardFrame() != null &&
      performance.getEntriesByName('journeywall:open-to-first-paint').length > 0,
    null,
    { timeout: 60_000, polling: 100 },
  );
  const frame = await firstBoardFrame(page);
  const openToFirstPaint = await page.evaluate(
    () => performance.getEntriesByName('journeywall:open-to-first-paint')[0]?.duration ?? Number.NaN,
  );
  return { openToFirstPaint, navigationToBoard: frame?.frameEnd ?? Number.NaN };
};
