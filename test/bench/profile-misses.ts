import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { nudgeAndSave } from './autosave-cost.ts';
import { createMap, pasteNotes, settle, showMap } from './board-session.ts';
import { type HotFunction, hottest, profileDuring } from './cpu-profile.ts';
import { injectFrameProbe } from './frame-probe.ts';
import { boardGestures, paceGesture } from './gestures.ts';
import { createInput } from './input.ts';
import { layoutOf, type View } from './layout.ts';
import { measureOpen } from './open-timing.ts';
import { startPreview } from './preview-server.ts';
import type { SeedNote } from './seed-notes.ts';
import { profileStageMoves } from './stage-move.ts';
import { type Phase, traceDuring } from './trace-breakdown.ts';

/**
 * When a target is missed, what dominates: the same measurement again on a build that is not
 * minified (so functions keep their names), once under the JavaScript profiler and once under
 * tracing (native work: style, layout, paint, canvas hand-over). Figures come from the real
 * build; this pass only explains them.
 */
export interface Miss {
  readonly view: View;
  /** 'open', 'autosave' or a gesture's name. */
  readonly what: string;
}

export interface MissProfile extends Miss {
  readonly hot: readonly HotFunction[];
  readonly phases: readonly Phase[];
}

const PORT = 4175;
/** Enough steps to see the pattern; the figures come from the full runs. */
const STEPS = 25;

const viteRoot = dirname(createRequire(import.meta.url).resolve('vite/package.json'));

const buildUnminified = (outDir: string): void => {
  const built = spawnSync(
    process.execPath,
    [join(viteRoot, 'bin', 'vite.js'), 'build', '--minify', 'false', '--outDir', outDir, '--emptyOutDir'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (built.status !== 0) throw new Error(`The unminified build failed (exit ${built.status})`);
};

/** Profiles of the board's missed figures, and of the stage moves (issue 3) that missed. */
export interface MissProfiles {
  readonly board: MissProfile[];
  readonly stageMove: MissProfile[];
}

export const profileMisses = async (
  browser: Browser,
  notes: readonly SeedNote[],
  misses: readonly Miss[],
  viewport: { width: number; height: number },
  stageMoveMisses: readonly View[] = [],
): Promise<MissProfiles> => {
  if (misses.length === 0 && stageMoveMisses.length === 0) return { board: [], stageMove: [] };
  const outDir = join(process.cwd(), 'test-results', 'bench-unminified');
  buildUnminified(outDir);
  const server = await startPreview(PORT, outDir);
  try {
    const board = await profileBoardMisses(browser, server.url, notes, misses, viewport);
    const stageMove = await profileStageMoves(browser, server.url, viewport, stageMoveMisses);
    return { board, stageMove };
  } finally {
    await server.stop();
  }
};

const profileBoardMisses = async (
  browser: Browser,
  baseURL: string,
  notes: readonly SeedNote[],
  misses: readonly Miss[],
  viewport: { width: number; height: number },
): Promise<MissProfile[]> => {
  if (misses.length === 0) return [];
  const context = await browser.newContext({ baseURL, viewport });
  try {
    const page = await context.newPage();
    await injectFrameProbe(page);
    const cdp = await context.newCDPSession(page);
    const input = createInput(cdp);
    await createMap(page, `Profile, ${notes.length} notes`);
    await pasteNotes(page, notes);
    // Let the board's idle-time work after opening (laying out note text) finish first, so the
    // profiles show what the measured steps cost and not that.
    await settle(4000);
    const profiles: MissProfile[] = [];
    for (const view of new Set(misses.map((miss) => miss.view))) {
      await showMap(page, view);
      await settle();
      const layout = await layoutOf(page, notes, view);
      const reset = async () => {
        await showMap(page, view);
        await settle(200);
      };
      const gestures = boardGestures(input, layout);
      // The autosave nudges the middle note, so it goes before a shortened drag can move it.
      const here = misses.filter((candidate) => candidate.view === view);
      const ordered = [
        ...here.filter((miss) => miss.what !== 'drag one note'),
        ...here.filter((miss) => miss.what === 'drag one note'),
      ];
      for (const miss of ordered) {
        if (miss.what === 'autosave') {
          // Only the save's window, not the click and the nudge before it.
          let hot: HotFunction[] = [];
          let phases: Phase[] = [];
          await nudgeAndSave(page, input, layout.noteOnScreen, 2, async (saveWindow, _edit, run) => {
            if (run === 0) hot = hottest(await profileDuring(cdp, saveWindow), 10);
            else phases = (await traceDuring(cdp, saveWindow)).slice(0, 10);
          });
          profiles.push({ ...miss, hot, phases });
          continue;
        }
        const gesture = gestures.find((candidate) => candidate.name === miss.what);
        const run = async (): Promise<void> => {
          if (miss.what === 'open') await measureOpen(page);
          else if (gesture)
            await paceGesture(page, { ...gesture, steps: gesture.steps.slice(0, STEPS) }, reset);
          await reset();
        };
        const hot = hottest(await profileDuring(cdp, run), 10);
        const phases = (await traceDuring(cdp, run)).slice(0, 10);
        profiles.push({ ...miss, hot, phases });
      }
    }
    return profiles;
  } finally {
    await context.close();
  }
};
