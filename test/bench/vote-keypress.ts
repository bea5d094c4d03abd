import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { interceptFileChoosers, openFromLibrary } from '../e2e/support/journeywall.ts';
import { settle, waitUntilSaved } from './board-session.ts';
import { injectFrameProbe, type StepSample } from './frame-probe.ts';
import { STEPS, WARM_UP } from './gestures.ts';
import { createInput, type Input } from './input.ts';
import { armKey, injectKeyProbe, type Key, keyHandling } from './key-probe.ts';
import { ROOM_NOTES, TARGET_TEXT, writeRoomMap } from './room-map.ts';
import { measureSteps, type StepWork, waitUntilIdle } from './step-work.ts';

/**
 * Issue 10: "Voting on a 5,000-note map adds ≤ 1 ms per keypress." On the map of room-map.ts,
 * one breakdown point outside the grid is selected (with Find) and keys are pressed on it, each
 * measured as one step: its input handling (key-probe.ts) and the frames after it (frame-probe.ts).
 * Three series of the same shape, one store edit per key:
 *
 *  - a nudge (→ and ← in turn) with no vote: the keypress without voting;
 *  - + and − in turn with a vote running (started from the Vote panel with its defaults, which
 *    ask for breakdown points; the panel stays open, as a facilitator runs it): a dot on, a dot off;
 *  - the nudge again with the vote running: what a running vote adds to any edit.
 *
 * Each key waits for the save it starts to finish, so no save runs inside a measured step.
 */
export interface KeySeries {
  readonly name: string;
  readonly steps: readonly StepWork[];
}

export interface VoteKeyRun {
  readonly notes: number;
  readonly width: number;
  readonly height: number;
  readonly nudge: KeySeries;
  readonly dots: KeySeries;
  readonly nudgeWhileVoting: KeySeries;
}

const SCREEN = { width: 1920, height: 1080 } as const;

const RIGHT: Key = { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39 };
const LEFT: Key = { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 };
const PLUS: Key = { key: '+', code: 'Equal', keyCode: 187 };
const MINUS: Key = { key: '-', code: 'Minus', keyCode: 189 };

interface SavingWatch {
  observer?: MutationObserver;
  saw?: boolean;
}

/**
 * Notes whether the save status says "Saving…" after the next key: every edit says so at once,
 * but at 5,000 notes the frames after a key can outlast the autosave's delay and its write, so
 * the status may be back to "All changes saved" by the time it is read.
 */
const watchSaving = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const watch = window as unknown as SavingWatch;
    const status = document.querySelector('output.save-status');
    if (!status) throw new Error('No save status');
    watch.observer?.disconnect();
    watch.saw = false;
    watch.observer = new MutationObserver(() => {
      if (status.textContent === 'Saving…') watch.saw = true;
    });
    watch.observer.observe(status, { childList: true, characterData: true, subtree: true });
  });

const sawSaving = (page: Page): Promise<boolean> =>
  page.evaluate(() => (window as unknown as SavingWatch).saw === true);

/**
 * WARM_UP + STEPS keys, alternating between two, each one step of the stricter probe
 * (step-work.ts), with its old-probe handling from the key probe; the warm-up ones are left out.
 * Each key waits, outside its step, for the save it starts.
 */
const series = async (
  page: Page,
  cdp: CDPSession,
  input: Input,
  name: string,
  keys: readonly [Key, Key],
): Promise<KeySeries> => {
  let pressed: Key = keys[0];
  const press = (key: Key) => async () => {
    pressed = key;
    await input.key('keyDown', key.key, key.code, key.keyCode);
    await input.key('keyUp', key.key, key.code, key.keyCode);
  };
  const hooks = {
    before: async () => {
      await watchSaving(page);
      await armKey(page);
    },
    after: async (step: StepSample): Promise<StepSample> => {
      const { handling } = await keyHandling(page);
      if (!(await sawSaving(page)))
        throw new Error(`${pressed.key} changed nothing: the save status never said "Saving…"`);
      await waitUntilSaved(page);
      await settle(100);
      return { ...step, handling, work: handling + step.frames };
    },
  };
  const steps = await measureSteps(
    page,
    cdp,
    Array.from({ length: WARM_UP + STEPS }, (_, index) => press(keys[index % 2] as Key)),
    hooks,
  );
  return { name, steps: steps.slice(WARM_UP) };
};

/**
 * Leaves no control focused (Find gives the focus back to the button that had it; a focused
 * button keeps the arrow keys), so the keys are the board's.
 */
const unfocusControls = async (page: Page): Promise<void> => {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
};

/** Selects the one note with the target text, as a facilitator would find it. */
const selectTarget = async (page: Page): Promise<void> => {
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find in notes, headers and personas' }).fill(TARGET_TEXT);
  const count = page.locator('output.find-count');
  await count.filter({ hasText: '1 of 1' }).waitFor();
  await page.getByRole('button', { name: 'Close find' }).click();
  await page.getByRole('group', { name: 'Selected notes' }).waitFor();
  await unfocusControls(page);
  await settle();
};

const startVote = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  await page.getByRole('button', { name: 'Start the vote' }).click();
  await page.getByRole('region', { name: 'Running vote' }).waitFor();
  await unfocusControls(page);
  await waitUntilSaved(page);
  await settle();
};

/** The first dot must be the current voter's: the vote panel says how many they have left. */
const expectDotPlaced = async (page: Page, input: Input): Promise<void> => {
  for (const key of [PLUS, MINUS]) {
    await input.key('keyDown', key.key, key.code, key.keyCode);
    await input.key('keyUp', key.key, key.code, key.keyCode);
    if (key === PLUS)
      await page.getByRole('region', { name: 'Running vote' }).getByText('2 dots left').waitFor();
    await waitUntilSaved(page);
    await settle(100);
  }
};

const log = (message: string) => console.log(`[bench] ${message}`);

export const benchVoteKeys = async (browser: Browser, baseURL: string): Promise<VoteKeyRun> => {
  const dir = mkdtempSync(join(tmpdir(), 'journeywall-votes-'));
  const context = await browser.newContext({ baseURL, viewport: SCREEN });
  try {
    const page = interceptFileChoosers(await context.newPage());
    await injectFrameProbe(page);
    await injectKeyProbe(page);
    const cdp = await context.newCDPSession(page);
    const input = createInput(cdp);
    await openFromLibrary(page, writeRoomMap(dir));
    await page.keyboard.press('Shift+Digit1');
    await selectTarget(page);
    // The board lays out note text in idle time after opening: let it finish before the first series.
    await waitUntilIdle(page, cdp);
    const nudge = await series(page, cdp, input, 'nudge (→ ←), no vote', [RIGHT, LEFT]);
    log('votes: the nudge without a vote measured');
    await startVote(page);
    await expectDotPlaced(page, input);
    const dots = await series(page, cdp, input, 'a dot on and off (+ −), vote running', [PLUS, MINUS]);
    log('votes: the dot keys measured');
    const nudgeWhileVoting = await series(page, cdp, input, 'nudge (→ ←), vote running', [RIGHT, LEFT]);
    log('votes: the nudge with the vote running measured');
    return { notes: ROOM_NOTES, ...SCREEN, nudge, dots, nudgeWhileVoting };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
