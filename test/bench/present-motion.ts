import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { STEP_MOTION_MS } from '../../renderer/present/viewport-motion.ts';
import { interceptFileChoosers, openFromLibrary } from '../e2e/support/journeywall.ts';
import {
  type AnimationFrame,
  injectAnimationFrames,
  startAnimationFrames,
  stopAnimationFrames,
  takeAnimationFrames,
} from './animation-frames.ts';
import { settle } from './board-session.ts';
import { createInput, type Input } from './input.ts';
import { armKey, injectKeyProbe, type Key, keyHandling } from './key-probe.ts';
import { frameWork, probeOwnBetweenMarks, stepWork, traceSteps } from './main-thread-trace.ts';
import { ROOM_NOTES, roomStages, writeRoomMap } from './room-map.ts';
import { markedStep, newStepId, type StepProbe, startStepProbe } from './step-work.ts';

/**
 * Issue 10: "Stepping from stage to stage on the 5,000-note map, p95 frame ≤ 16.7 ms during the
 * animation." The map (room-map.ts) is opened, present mode entered with F5, and a walk of key
 * presses run through it: every frame of each move's animation is measured.
 *
 * Under issue 15's stricter probe, a frame's work is every main-thread task from its start to the
 * next frame's start, read from a DevTools trace of the walk (main-thread-trace.ts's frameWork);
 * the first frame's also holds the key press. Each move's whole work (from the key until the
 * renderer is quiet) is read from the same trace and cross-checked against the DevTools
 * TaskDuration of the move. The old probe's figures (animation-frames.ts: each frame's rendering,
 * and with the tasks queued in it; key-probe.ts: the key's handling) are kept beside them.
 *
 * At 5,000 notes a stage is shown in hundreds of parts (present mode never draws text under the
 * projector minimum), so Page Down through every step would be thousands of moves of the same
 * kind. The walk takes each kind of move present mode animates, at every stage: from the whole
 * map into the first stage and back out (a zoom across all the notes), from each stage to the
 * next and back with the digit keys, and Page Up and Page Down across each boundary between
 * stages (from a stage's first part to the last part of the stage before, and back).
 */
export type MoveKind = 'zoom' | 'stage' | 'boundary';

export interface MoveSample {
  readonly kind: MoveKind;
  /** Input handling of the key press (see key-probe.ts). */
  readonly handling: number;
  /** The old probe's frames. */
  readonly frames: readonly AnimationFrame[];
  /** Each frame's work from the trace: every task from its start to the next frame's. */
  readonly frameWork: readonly number[];
  /** The whole move's work from the trace, key to quiet. */
  readonly trace: number;
  /** The same from the DevTools TaskDuration, the cross-check. */
  readonly devtools: number;
  /** False when the renderer never went quiet after the move. */
  readonly quiet: boolean;
}

export interface PresentViewFigures {
  readonly width: number;
  readonly height: number;
  /** Present mode's steps for the map at this size. */
  readonly steps: number;
  readonly moves: readonly MoveSample[];
}

export interface PresentRun {
  readonly notes: number;
  readonly views: readonly PresentViewFigures[];
}

/** Full HD and the 720p of many workshop projectors. */
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;
/** Walks measured, after one that warms up caches and the JIT. */
const MEASURED_WALKS = 2;
const FRAME_MS = 1000 / 60;
/** After the animation: its last view is drawn a frame or two later; then the screen is quiet. */
const QUIET_MS = 250;
/** Frames recorded before the key, so the first frame after it has an interval to compare. */
const LEAD_MS = 50;

const PAGE_DOWN: Key = { key: 'PageDown', code: 'PageDown', keyCode: 34 };
const PAGE_UP: Key = { key: 'PageUp', code: 'PageUp', keyCode: 33 };
const HOME: Key = { key: 'Home', code: 'Home', keyCode: 36 };
const digit = (stage: number): Key => ({ key: String(stage), code: `Digit${stage}`, keyCode: 48 + stage });

interface Move {
  readonly kind: MoveKind;
  readonly key: Key;
  /** What the caption must say after the move. */
  readonly lands: string;
  readonly matches: (caption: string) => boolean;
}

/** "3. Purchase" or "3. Purchase (1 of 216: …)": a stage's first part. */
const firstPart = (stage: number, name: string): Pick<Move, 'lands' | 'matches'> => ({
  lands: `the first part of ${stage}. ${name}`,
  matches: (caption) => caption === `${stage}. ${name}` || caption.startsWith(`${stage}. ${name} (1 of `),
});

/** A stage's last part: "3. Purchase (216 of 216: …)", or the stage whole. */
const lastPart = (stage: number, name: string): Pick<Move, 'lands' | 'matches'> => ({
  lands: `the last part of ${stage}. ${name}`,
  matches: (caption) => {
    if (caption === `${stage}. ${name}`) return true;
    const [, part, parts] = /^\S+ .* \((\d+) of (\d+): /.exec(caption) ?? [];
    return caption.startsWith(`${stage}. ${name} (`) && part !== undefined && part === parts;
  },
});

/** The walk: into stage 1, on stage by stage with a step back and on at each boundary, back, out. */
const walk = (stages: readonly string[]): Move[] => {
  const name = (stage: number) => stages[stage - 1] ?? '';
  const moves: Move[] = [{ kind: 'zoom', key: PAGE_DOWN, ...firstPart(1, name(1)) }];
  for (let stage = 2; stage <= stages.length; stage++) {
    moves.push(
      { kind: 'stage', key: digit(stage), ...firstPart(stage, name(stage)) },
      { kind: 'boundary', key: PAGE_UP, ...lastPart(stage - 1, name(stage - 1)) },
      { kind: 'boundary', key: PAGE_DOWN, ...firstPart(stage, name(stage)) },
    );
  }
  for (let stage = stages.length - 1; stage >= 1; stage--)
    moves.push({ kind: 'stage', key: digit(stage), ...firstPart(stage, name(stage)) });
  moves.push({
    kind: 'zoom',
    key: HOME,
    lands: 'the whole map',
    matches: (caption) => caption.endsWith(': the whole journey'),
  });
  return moves;
};

const caption = async (page: Page): Promise<string> =>
  (await page.locator('.present-caption > span').first().textContent()) ?? '';

const press = async (input: Input, { key, code, keyCode }: Key): Promise<void> => {
  await input.key('keyDown', key, code, keyCode);
  await input.key('keyUp', key, code, keyCode);
};

/** One move as the old probe saw it, and its step number in the trace. */
interface MeasuredMove extends Omit<MoveSample, 'frameWork' | 'trace'> {
  readonly step: number;
}

/**
 * One move: the key, its animation's frames, and a check that it landed where it should. The
 * frame recorder runs only around the animation: its own frames would keep the renderer from
 * ever being quiet.
 */
const runMove = async (page: Page, input: Input, probe: StepProbe, move: Move): Promise<MeasuredMove> => {
  const step = newStepId();
  await armKey(page);
  await startAnimationFrames(page);
  await settle(LEAD_MS);
  const { devtools, quiet } = await markedStep(probe, step, async () => {
    await press(input, move.key);
    await settle(STEP_MOTION_MS + QUIET_MS);
    await stopAnimationFrames(page);
  });
  const { start, handling } = await keyHandling(page);
  // The animation starts after the key's handling and asks for frames for STEP_MOTION_MS; the
  // last view it sets is drawn in the frame after (React renders it between frames).
  const frames = await takeAnimationFrames(page, start, start + animationMs(handling));
  const shown = await caption(page);
  if (!move.matches(shown)) throw new Error(`${move.key.key} was to show ${move.lands}; it shows "${shown}"`);
  return { kind: move.kind, handling, frames, step, devtools, quiet };
};

/** From the key to the frame that draws the animation's last view. */
const animationMs = (handling: number): number => handling + STEP_MOTION_MS + 2 * FRAME_MS;

/** The walks, measured under one trace; each move's trace figures filled in once it ends. */
const measureWalks = async (
  page: Page,
  input: Input,
  probe: StepProbe,
  route: readonly Move[],
  walks: number,
): Promise<MoveSample[]> => {
  const measured: MeasuredMove[] = [];
  const trace = await traceSteps(probe.cdp, async () => {
    // A first walk, not measured, warms up the caches and the JIT. It runs inside the trace, as
    // a step's markers can be recorded only while one runs; its moves are left out of the figures.
    for (const move of route) await runMove(page, input, probe, move);
    for (let round = 0; round < walks; round++)
      for (const move of route) measured.push(await runMove(page, input, probe, move));
  });
  const work = stepWork(
    trace,
    measured.map((move) => move.step),
  );
  return measured.map(({ step, ...move }) => ({
    ...move,
    devtools: move.devtools - probeOwnBetweenMarks(trace, step),
    trace: work.get(step) ?? Number.NaN,
    frameWork: frameWork(trace, step, animationMs(move.handling)),
  }));
};

const measureScreen = async (
  browser: Browser,
  baseURL: string,
  mapPath: string,
  screen: { readonly width: number; readonly height: number },
): Promise<PresentViewFigures> => {
  // Present mode moves only for a system that does not ask for reduced motion: say so explicitly.
  const context = await browser.newContext({ baseURL, viewport: screen, reducedMotion: 'no-preference' });
  try {
    const page = interceptFileChoosers(await context.newPage());
    await injectKeyProbe(page);
    await injectAnimationFrames(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const input = createInput(cdp);
    await openFromLibrary(page, mapPath);
    if (await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches))
      throw new Error('The page asks for reduced motion: present mode would not animate');
    await page.keyboard.press('F5');
    await page.getByTestId('present').waitFor();
    await settle();
    const count = (await page.locator('.present-count').textContent()) ?? '';
    const steps = Number(/\/\s*(\d+)/.exec(count)?.[1] ?? Number.NaN);
    const route = walk(roomStages());
    const probe = await startStepProbe(cdp);
    const moves = await measureWalks(page, input, probe, route, MEASURED_WALKS).finally(probe.stop);
    await page.keyboard.press('Escape');
    await page.getByTestId('present').waitFor({ state: 'detached' });
    return { ...screen, steps, moves };
  } finally {
    await context.close();
  }
};

const log = (message: string) => console.log(`[bench] ${message}`);

export const benchPresentMotion = async (browser: Browser, baseURL: string): Promise<PresentRun> => {
  const dir = mkdtempSync(join(tmpdir(), 'journeywall-present-'));
  try {
    const mapPath = writeRoomMap(dir);
    const views: PresentViewFigures[] = [];
    for (const screen of SCREENS) {
      views.push(await measureScreen(browser, baseURL, mapPath, screen));
      log(`present mode, ${screen.width}×${screen.height}: measured`);
    }
    return { notes: ROOM_NOTES, views };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
