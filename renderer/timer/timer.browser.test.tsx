import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createTestDb, deleteTestDbs, injectQuotaFault } from '../db/testing.ts';
import { noticeStore } from '../ui/notice-store.ts';
import { TimerControl } from './TimerControl.tsx';
import { TimerDisplay } from './TimerDisplay.tsx';
import { startTimer } from './timer-commands.ts';
import { start } from './timer-model.ts';
import { changeTimer, readMuted, readTimer } from './timer-storage.ts';
import { formatClock } from './timer-text.ts';
import { TIMER_TICK_MS } from './use-timer.ts';
import '../styles.css';

const T0 = Date.UTC(2026, 10, 28, 9);
const MIN = 60_000;

let roots: { host: HTMLDivElement; root: Root }[] = [];
let frames: HTMLIFrameElement[] = [];
let play: MockInstance<HTMLMediaElement['play']>;

/** Shows `ui` in a root of its own: a second root stands for a second window of the app. */
const show = (ui: ReactNode): Root => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(ui);
  roots.push({ host, root });
  return root;
};

/**
 * Fakes the clock the timer reads and ticks by, at T0. Only that: IndexedDB's callbacks, Dexie's
 * timeouts and React's rendering keep running on their own, so a stored change shows by itself.
 */
const fakeClock = () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(T0);
};

/**
 * Moves the clock on by `ms` in one jump (as a laptop waking from sleep sees it), then runs one
 * tick of the timer. Running every tick on the way would take real seconds per minute.
 */
const wait = async (ms: number) => {
  vi.setSystemTime(Date.now() + ms - TIMER_TICK_MS);
  await vi.advanceTimersByTimeAsync(TIMER_TICK_MS);
};

/**
 * Retries `check` until it passes, on real time, without moving the fake clock: expect.element
 * and vi.waitFor move it at each retry.
 */
const until = async (check: () => unknown): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await check();
      return;
    } catch (error) {
      if (attempt === 100) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const button = (name: string) => page.getByRole('button', { name, exact: true });

/** The toolbar's timer button, once its name (the time shown) is `name`. */
const expectTimerButton = (name: string) => until(() => expect(button(name).element()).toBeVisible());

const menu = () => page.getByRole('group', { name: 'Timer' });

const openMenu = async () => {
  await userEvent.click(page.getByRole('button', { name: /^Timer/ }));
  await until(() => expect(menu().element()).toBeVisible());
};

/** Opens the menu and starts a preset countdown, which the button then shows. */
const startPreset = async (minutes: number) => {
  await openMenu();
  await userEvent.click(button(`${minutes} min`));
  await expectTimerButton(`Timer ${minutes}:00`);
};

/**
 * Starts a countdown from another window of the app: a frame running its own copy of the app's
 * modules (its own Dexie, as a second tab or the desktop's second window has), on the library
 * named `dbName`, through the command the keys use.
 */
const startInAnotherWindow = async (dbName: string, minutes: number): Promise<void> => {
  const module = (file: string) => new URL(file, import.meta.url).pathname;
  const frame = document.createElement('iframe');
  const started = new Promise((resolve) =>
    window.addEventListener('message', (event) => resolve(event.data), { once: true }),
  );
  frame.srcdoc = `<script type="module">
    import { JourneywallDb } from '${module('../db/journeywall-db.ts')}';
    import { startTimer } from '${module('./timer-commands.ts')}';
    await startTimer(${minutes}, new JourneywallDb('${dbName}'));
    parent.postMessage('started', '*');
  </script>`;
  document.body.append(frame);
  frames.push(frame);
  expect(await started).toBe('started');
};

beforeEach(() => {
  play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});

afterEach(async () => {
  for (const { host, root } of roots) {
    root.unmount();
    host.remove();
  }
  roots = [];
  for (const frame of frames) frame.remove();
  frames = [];
  vi.useRealTimers();
  vi.restoreAllMocks();
  await deleteTestDbs();
});

describe('the timer on the toolbar', () => {
  it('starts a preset countdown, shows it counting down and stores when it ends', async () => {
    const db = createTestDb();
    fakeClock();
    show(<TimerControl db={db} />);
    await startPreset(5);
    // The menu closed, and the focus went back to the timer's button.
    expect(menu().query()).toBeNull();
    expect(document.activeElement).toBe(button('Timer 5:00').element());
    expect(await readTimer(db)).toEqual({ status: 'running', endsAt: T0 + 5 * MIN, durationMs: 5 * MIN });

    await wait(1000);
    await expectTimerButton('Timer 4:59');
    await wait(3 * MIN + 59_000);
    await expectTimerButton('Timer 1:00');
  });

  it('pauses, resumes, adds a minute and stops', async () => {
    const db = createTestDb();
    fakeClock();
    show(<TimerControl db={db} />);
    await startPreset(3);
    await wait(30_000);
    await expectTimerButton('Timer 2:30');

    await openMenu();
    await userEvent.click(button('Pause'));
    await expectTimerButton('Timer 2:30, paused');
    await wait(5 * MIN);
    await expectTimerButton('Timer 2:30, paused');
    expect(await readTimer(db)).toEqual({ status: 'paused', remainingMs: 150_000, durationMs: 3 * MIN });

    await userEvent.click(button('Resume'));
    await expectTimerButton('Timer 2:30');
    await wait(10_000);
    await expectTimerButton('Timer 2:20');
    await userEvent.click(button('+1 min'));
    await expectTimerButton('Timer 3:20');
    await userEvent.click(button('Stop'));
    await expectTimerButton('Timer');
    expect(await readTimer(db)).toEqual({ status: 'idle' });
    await until(() => expect(button('Pause').element()).toBeDisabled());
    await until(() => expect(button('+1 min').element()).toBeDisabled());
    await until(() => expect(button('Stop').element()).toBeDisabled());
  });

  it('starts a length typed as m:ss or minutes, and refuses one it cannot read', async () => {
    const db = createTestDb();
    fakeClock();
    show(<TimerControl db={db} />);
    await openMenu();
    const length = page.getByRole('textbox', { name: 'Length' });
    await userEvent.fill(length, 'five');
    await userEvent.keyboard('{Enter}');
    await until(() => expect(length.element()).toHaveAttribute('aria-invalid', 'true'));
    await until(() => expect(length.element()).toHaveAccessibleDescription(/minutes and seconds \(m:ss\)/));
    expect(await readTimer(db)).toEqual({ status: 'idle' });

    await userEvent.fill(length, '2:30');
    await userEvent.click(button('Start'));
    await expectTimerButton('Timer 2:30');
    await openMenu();
    await userEvent.fill(page.getByRole('textbox', { name: 'Length' }), '1.5');
    await userEvent.keyboard('{Enter}');
    await expectTimerButton('Timer 1:30');
  });

  it('turns to the last-minute colour at 1:00', async () => {
    const db = createTestDb();
    fakeClock();
    show(<TimerControl db={db} />);
    await startPreset(3);
    const clock = () => button('Timer 3:00').element().querySelector('span') as HTMLElement;
    expect(clock().dataset.phase).toBe('normal');
    const normal = getComputedStyle(clock()).color;
    await wait(2 * MIN - 1000);
    await expectTimerButton('Timer 1:01');
    expect(page.getByText('1:01').element()).toHaveAttribute('data-phase', 'normal');
    await wait(1000);
    await expectTimerButton('Timer 1:00');
    const lastMinute = page.getByText('1:00').element();
    expect(lastMinute).toHaveAttribute('data-phase', 'last-minute');
    expect(getComputedStyle(lastMinute).color).toBe('rgb(163, 65, 0)');
    expect(normal).not.toBe('rgb(163, 65, 0)');
  });

  it('closes its menu on Escape, giving the focus back to its button', async () => {
    show(<TimerControl db={createTestDb()} />);
    await openMenu();
    await userEvent.keyboard('{Escape}');
    await expect.element(menu()).not.toBeInTheDocument();
    expect(document.activeElement).toBe(button('Timer').element());
  });
});

describe('a timer that outlives its window', () => {
  it('shows the same countdown after a reload, read from the stored end time', async () => {
    const db = createTestDb();
    fakeClock();
    const first = show(<TimerControl db={db} />);
    await startPreset(10);
    await wait(2 * MIN);
    await expectTimerButton('Timer 8:00');
    first.unmount();
    db.close();

    const reopened = createTestDb(db.name);
    show(<TimerControl db={reopened} />);
    await expectTimerButton('Timer 8:00');
    expect(await readTimer(reopened)).toEqual({
      status: 'running',
      endsAt: T0 + 10 * MIN,
      durationMs: 10 * MIN,
    });
    await wait(1000);
    await expectTimerButton('Timer 7:59');
  });

  it('is followed live by a second window on its own connection to the library', async () => {
    const db = createTestDb();
    fakeClock();
    show(<TimerControl db={db} />);
    show(<TimerDisplay db={createTestDb(db.name)} />);
    const display = page.getByRole('timer');
    await startPreset(5);
    await until(() => expect(display.element()).toHaveTextContent('5:00'));
    await wait(61_000);
    await expectTimerButton('Timer 3:59');
    await until(() => expect(display.element()).toHaveTextContent('3:59'));

    await openMenu();
    await userEvent.click(button('Pause'));
    await until(() => expect(display.element()).toHaveTextContent('3:59Paused'));
    await until(() => expect(display.element()).toHaveAccessibleName('Timer, paused'));
    await userEvent.click(button('Stop'));
    await until(() => expect(display.query()).toBeNull());
  });

  it('follows a countdown started in another window of the app, live', async () => {
    const db = createTestDb();
    show(<TimerDisplay db={db} />);
    await startInAnotherWindow(db.name, 5);
    const { endsAt } = (await readTimer(db)) as { endsAt: number };
    const display = page.getByRole('timer');
    await expect.element(display).toHaveTextContent(formatClock(endsAt - Date.now()));
    await expect.element(display).toHaveAttribute('data-phase', 'normal');
  });
});

describe('a timer that cannot be stored', () => {
  it('is not started, and the notice says why', async () => {
    const db = createTestDb();
    show(<TimerControl db={db} />);
    const fault = injectQuotaFault(db);
    fault.failing = true;
    await startTimer(5, db);
    expect(noticeStore.getState().message).toBe(
      "The timer couldn't be stored (this computer's storage isn't answering; the disk may be full), so it didn't change.",
    );
    fault.failing = false;
    expect(await readTimer(db)).toEqual({ status: 'idle' });
    await expect.element(button('Timer')).toBeInTheDocument();
  });
});

describe('time up', () => {
  it('chimes once at zero, in one of two windows, and the display pulses', async () => {
    const db = createTestDb();
    const other = createTestDb(db.name);
    fakeClock();
    show(<TimerControl db={db} />);
    show(<TimerDisplay db={other} />);
    const display = page.getByRole('timer');
    await startPreset(1);
    await until(() => expect(display.element()).toHaveAttribute('data-phase', 'last-minute'));
    await wait(59_000);
    await expectTimerButton('Timer 0:01');
    await until(() => expect(display.element()).toHaveTextContent('0:01'));
    expect(play).not.toHaveBeenCalled();

    await wait(1000);
    await expectTimerButton('Timer 0:00, time is up');
    await until(() => expect(play).toHaveBeenCalledOnce());
    expect(play.mock.contexts[0]).toBeInstanceOf(HTMLAudioElement);
    expect((play.mock.contexts[0] as HTMLAudioElement).src).toMatch(/\/chime\.wav/);
    expect(await readTimer(other)).toEqual({ status: 'finished', endedAt: T0 + MIN });
    await until(() => expect(display.element()).toHaveAccessibleName('Timer, time is up'));
    await until(() => expect(display.element()).toHaveAttribute('data-phase', 'done'));
    await until(() => expect(display.element()).toHaveAttribute('data-pulsing', 'true'));
    expect(getComputedStyle(display.element()).animationName).toBe('timer-pulse');

    await wait(10_000);
    expect(play).toHaveBeenCalledOnce();
  });

  it('stays silent when muted, in every window and after a reload', async () => {
    const db = createTestDb();
    const other = createTestDb(db.name);
    fakeClock();
    show(<TimerControl db={db} />);
    show(<TimerDisplay db={other} />);
    await openMenu();
    await userEvent.click(page.getByRole('checkbox', { name: 'Mute the chime' }));
    await until(async () => expect(await readMuted(other)).toBe(true));
    await userEvent.click(button('1 min'));
    await expectTimerButton('Timer 1:00');
    await wait(MIN);
    await expectTimerButton('Timer 0:00, time is up');
    await until(() => expect(page.getByRole('timer').element()).toHaveAttribute('data-pulsing', 'true'));
    expect(play).not.toHaveBeenCalled();

    for (const { root } of roots) root.unmount();
    show(<TimerControl db={createTestDb(db.name)} />);
    await openMenu();
    await until(() => expect(page.getByRole('checkbox', { name: 'Mute the chime' }).element()).toBeChecked());
  });

  it('a minute more after zero counts down again, and chimes again', async () => {
    fakeClock();
    show(<TimerControl db={createTestDb()} />);
    await startPreset(1);
    await wait(MIN);
    await until(() => expect(play).toHaveBeenCalledOnce());
    await openMenu();
    await userEvent.click(button('+1 min'));
    await expectTimerButton('Timer 1:00');
    await wait(MIN);
    await until(() => expect(play).toHaveBeenCalledTimes(2));
  });

  it('finishes silently, without a pulse, a countdown that ran out while the app was closed', async () => {
    const db = createTestDb();
    fakeClock();
    await changeTimer(db, () => start(5 * MIN, T0 - 10 * MIN));
    show(<TimerDisplay db={db} />);
    const display = page.getByRole('timer');
    await until(() => expect(display.element()).toHaveTextContent('0:00'));
    await until(async () =>
      expect(await readTimer(db)).toEqual({ status: 'finished', endedAt: T0 - 5 * MIN }),
    );
    await until(() => expect(display.element()).toHaveAttribute('data-phase', 'done'));
    await until(() => expect(display.element()).toHaveAttribute('data-pulsing', 'false'));
    await wait(1000);
    expect(play).not.toHaveBeenCalled();
  });
});
