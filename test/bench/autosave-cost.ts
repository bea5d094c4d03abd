import type { CDPSession, Page } from 'playwright-core';
import { saveStatusText, settle } from './board-session.ts';
import { armStep, collectStep, longTasksSince, now, type StepSample } from './frame-probe.ts';
import type { Input, Point } from './input.ts';
import { taskMs } from './step-work.ts';

/**
 * The main-thread cost of autosaving one edit, and of the file backup that follows it. The edit
 * (an arrow-key nudge of one note) is measured as a frame like any step; the save starts at once
 * after it, and the backup of the whole map a few seconds later. A cost is the main thread's task
 * time (Performance.getMetrics' TaskDuration) over a window holding the work and nothing the
 * user does, minus the same window's task time on an idle board.
 */
export interface AutosaveFigures {
  /** Main-thread ms of each save. */
  readonly save: number[];
  /** Main-thread ms of each file backup of the whole map (serialising it and writing it). */
  readonly backup: number[];
  /** The nudge's own frame. */
  readonly edit: StepSample[];
  /** Tasks over 50 ms during the saves. */
  readonly longTasks: number[];
}

/** Long enough for the write to finish, short enough that no backup starts in it. */
const WINDOW_MS = 900;
const SAVES = 6;
/** Past the backup's 3 s delay, its wait for a quiet moment (at most 2 s) and its write. */
const BACKUP_WINDOW_MS = 5500;
const BACKUPS = 3;

const ARROWS = [
  ['ArrowRight', 39],
  ['ArrowLeft', 37],
] as const;

/**
 * Selects the note, then `runs` times: nudges it (left and right in turn, so it stays put),
 * waits for the nudge's frame, checks a save is pending, and hands the save's window to
 * `during`, which must wait it out; afterwards the save must be done.
 */
export const nudgeAndSave = async (
  page: Page,
  input: Input,
  note: Point,
  runs: number,
  during: (saveWindow: () => Promise<void>, edit: StepSample, run: number) => Promise<void>,
): Promise<void> => {
  await input.move(note);
  await input.down(note);
  await input.up(note);
  await settle();
  for (let run = 0; run < runs; run++) {
    const [key, code] = ARROWS[run % 2] ?? ARROWS[0];
    await armStep(page);
    await input.key('keyDown', key, key, code);
    await input.key('keyUp', key, key, code);
    const edit = await collectStep(page);
    await during(() => settle(WINDOW_MS), edit, run);
    const status = await saveStatusText(page);
    if (status !== 'All changes saved') throw new Error(`The nudge was not saved in time: "${status}"`);
  }
  if (runs % 2 === 1) {
    await input.key('keyDown', 'ArrowLeft', 'ArrowLeft', 37);
    await input.key('keyUp', 'ArrowLeft', 'ArrowLeft', 37);
    await settle(WINDOW_MS);
  }
  await page.keyboard.press('Escape');
};

const windowTaskMs = async (cdp: CDPSession, saveWindow: () => Promise<void>): Promise<number> => {
  const before = await taskMs(cdp);
  await saveWindow();
  return (await taskMs(cdp)) - before;
};

export const measureAutosave = async (
  page: Page,
  cdp: CDPSession,
  input: Input,
  note: Point,
): Promise<AutosaveFigures> => {
  await cdp.send('Performance.enable');
  const idle: number[] = [];
  for (let run = 0; run < 3; run++) idle.push(await windowTaskMs(cdp, () => settle(WINDOW_MS)));
  const baseline = Math.min(...idle);
  const save: number[] = [];
  const edit: StepSample[] = [];
  const start = await now(page);
  await nudgeAndSave(page, input, note, SAVES, async (saveWindow, nudge) => {
    edit.push(nudge);
    save.push((await windowTaskMs(cdp, saveWindow)) - baseline);
    // The backup the nudge starts runs here, outside every save's window.
    await settle(BACKUP_WINDOW_MS);
  });
  // Let any backup the saves started finish, then time nudges whose window holds their backup.
  await settle(BACKUP_WINDOW_MS);
  const idleLong = Math.min(
    await windowTaskMs(cdp, () => settle(BACKUP_WINDOW_MS)),
    await windowTaskMs(cdp, () => settle(BACKUP_WINDOW_MS)),
  );
  const saveMs = [...save].sort((a, b) => a - b)[Math.floor(save.length / 2)] ?? 0;
  const backup: number[] = [];
  await nudgeAndSave(page, input, note, BACKUPS, async (_saveWindow, nudge) => {
    edit.push(nudge);
    backup.push((await windowTaskMs(cdp, () => settle(BACKUP_WINDOW_MS))) - idleLong - saveMs);
  });
  await cdp.send('Performance.disable');
  return { save, backup, edit, longTasks: await longTasksSince(page, start) };
};
