import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { markShared } from '../../shared/format/document.ts';
import { serialize } from '../../shared/format/serialize.ts';
import { realisticMap } from '../../shared/format/test-support/maps.ts';
import { interceptFileChoosers, openFromLibrary } from '../e2e/support/journeywall.ts';
import { busyInTrace, recordTrace, WORKER_THREAD } from './main-thread-trace.ts';
import { writeRoomMap } from './room-map.ts';

/**
 * Issue 15, part 3: how long the main thread keeps working after a 5,000-note map has opened
 * (zoom to fit, as a map without a remembered view opens), with nobody touching it. Measured
 * by the DevTools protocol's task time (Performance.getMetrics TaskDuration) in windows of
 * 250 ms from the moment the map is shown, for 15 s; the longest task there is the page's own
 * long-task entries (any task over 50 ms). The board's workers (painter and presenter) draw the map and lay out
 * text near the view after it opens: its busy time, from a DevTools trace of the same 15 s, counts
 * as background work too (it is the laptop's CPU, if not the window's thread).
 */
export interface QuietFigures {
  readonly map: string;
  /** Main-thread task time after the map was shown, in ms. */
  readonly busyMs: number;
  /** The board's workers' busy time over the same span, in ms. */
  readonly workerMs: number;
  /** When the last window with more than 5 ms of work began, in ms after the map was shown. */
  readonly quietAfterMs: number;
  /** The longest task after the map was shown, in ms (0: none over 50 ms). */
  readonly longestTaskMs: number;
}

const WINDOW_MS = 250;
const WINDOWS = 60;
const BUSY_WINDOW_MS = 5;

const MAPS = {
  'the realistic map (notes across a wide board)': (dir: string) => {
    const path = join(dir, 'realistic.cxmap');
    writeFileSync(
      path,
      serialize(markShared(realisticMap(5000, 7)), { appVersion: '0.1.0', savedAt: Date.now() }),
    );
    return path;
  },
  'the customer-experience map (notes in its cells)': writeRoomMap,
} as const;

export const measureQuietAfterOpen = async (browser: Browser, baseURL: string): Promise<QuietFigures[]> => {
  const figures: QuietFigures[] = [];
  for (const [map, write] of Object.entries(MAPS)) {
    const dir = mkdtempSync(join(tmpdir(), 'journeywall-quiet-'));
    const context = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
    try {
      const page = interceptFileChoosers(await context.newPage());
      await page.addInitScript(() => {
        const long: number[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) long.push(entry.startTime, entry.duration);
        }).observe({ type: 'longtask', buffered: true });
        Object.assign(window, { benchLongTasks: long });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const taskSeconds = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')
          ?.value ?? 0;
      await openFromLibrary(page, write(dir));
      const shownAt = await page.evaluate(() => performance.now());
      const start = await taskSeconds();
      let last = start;
      let quietAfterMs = 0;
      const trace = await recordTrace(
        cdp,
        { includedCategories: ['toplevel'], excludedCategories: ['*'] },
        async () => {
          for (let index = 0; index < WINDOWS; index++) {
            await page.waitForTimeout(WINDOW_MS);
            const now = await taskSeconds();
            if ((now - last) * 1000 > BUSY_WINDOW_MS) quietAfterMs = index * WINDOW_MS;
            last = now;
          }
        },
      );
      const longestTaskMs = await page.evaluate((since) => {
        const long = (window as unknown as { benchLongTasks: number[] }).benchLongTasks;
        let longest = 0;
        for (let index = 0; index < long.length; index += 2)
          if ((long[index] ?? 0) >= since) longest = Math.max(longest, long[index + 1] ?? 0);
        return longest;
      }, shownAt);
      figures.push({
        map,
        busyMs: (last - start) * 1000,
        workerMs: busyInTrace(trace, WORKER_THREAD),
        quietAfterMs,
        longestTaskMs,
      });
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
};

export const quietTable = (figures: readonly QuietFigures[]): string =>
  [
    "After opening (issue 15, part 3): background work with nobody touching the board, zoom to fit, 15 s from the map shown: the main thread (TaskDuration) and the board's workers (trace), judged together.",
    '',
    '| map (5,000 notes) | main thread | board workers | together | main thread quiet after | longest task | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...figures.map((row) => {
      const together = row.busyMs + row.workerMs;
      return `| ${row.map} | ${(row.busyMs / 1000).toFixed(2)} s | ${(row.workerMs / 1000).toFixed(2)} s | ${(together / 1000).toFixed(2)} s | ${(row.quietAfterMs / 1000).toFixed(2)} s | ${row.longestTaskMs > 0 ? `${row.longestTaskMs.toFixed(0)} ms` : 'none over 50 ms'} | ≤ 2 s together, no task over 50 ms | ${together <= 2000 && row.longestTaskMs <= 50 ? 'yes' : '**no**'} |`;
    }),
  ].join('\n');
