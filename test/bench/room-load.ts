import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type CDPSession, chromium, expect, type Page } from '@playwright/test';
import type { RoomEvent } from '../../shared/ipc/contract.ts';
import { EVENTS } from '../../shared/ipc/contract.ts';
import { Desktop } from '../shell/harness/desktop.ts';
import { ShellWindow } from '../shell/harness/shell-window.ts';
import { shellChromiumOptions } from '../shell/support/chromium.ts';
import globalSetup from '../shell/support/global-setup.ts';
import { APP, ROOT, RUN_MAIN } from '../shell/support/paths.ts';
import { expectLibrary, expectMapOpen } from '../shell/support/ui.ts';
import {
  type AnimationFrame,
  animationFramesScript,
  startAnimationFrames,
  stopAnimationFrames,
  takeAnimationFrames,
} from './animation-frames.ts';
import { hottest } from './cpu-profile.ts';
import {
  busyBetweenMarks,
  frameSpans,
  markTimes,
  recordTrace,
  type Trace,
  traceSteps,
} from './main-thread-trace.ts';
import { clock, type FromPhones, type SentBallot, type SentNote, type ToPhones } from './room-phones.ts';
import { type Summary, summarize } from './stats.ts';
import { markEnd, markStart } from './step-marks.ts';
import { newStepId, taskMs, waitUntilIdle } from './step-work.ts';
import { BREAKDOWN_CATEGORIES, selfTimes } from './trace-breakdown.ts';

/**
 * Issue 13, "Load bench on loopback": 50 participants each send 10 notes within one minute to the
 * room of the real main process (dist-electron/main.cjs under the shell harness, test/shell), and
 * the facilitator's window (the real renderer, in Chromium) puts each into the round's inbox.
 *
 * The facilitator opens the example map, opens the room on 127.0.0.1 in the Room panel and a
 * writing round without a time limit, as room.spec.ts does. The phones are plain WebSocket
 * clients speaking the room's protocol, in a process of their own (room-phone-process.ts). They
 * join, and once the round reaches them send their notes, each phone's ten spread over the minute
 * with jitter (one in each sixth of a minute, at a random point in it), every text unique. Then:
 *
 *  - every note in the inbox, none twice: the panel's count, the room's journal in userData, and,
 *    after a reveal that keeps names, the map saved with Save As and read back with JSON.parse:
 *    every text sent is on the board exactly once and in the round's inbox once, with its writer;
 *  - latency: per note, from the phone's send to its ack (stored and fsynced by main), to main's
 *    `received` stamp in the journal, to the harness relaying main's event to the page, to the
 *    inbox count changing in the facilitator's DOM (a MutationObserver), and to the end of the
 *    frame that shows it. The n-th change of the count is the n-th line of the journal: main
 *    reports each note right after its journal write, one at a time, and IPC keeps the order;
 *  - the facilitator's frames during the minute: each frame's main-thread work from a DevTools
 *    trace (as present mode's frames: every task from a frame's start to the next frame's), the
 *    frames in which a note arrived apart, and the rAF intervals;
 *  - memory: main's RSS (the harness's child process, /proc) and the renderer's JS heap
 *    (Performance.getMetrics), before and after.
 *
 * Then the room votes on the phones (votingPhase): every ballot counted once, a ballot's send to
 * ack, and the facilitator's frames while ballots stream in.
 */

export const PHONES = 50;
export const NOTES_EACH = 10;
export const MINUTE_MS = 60_000;
const SEED = 13;
const PROMPT = 'What happens before they call us?';
/** The facilitator's inbox as the panel says it once every note is in. */
const fullInbox = (load: RoomLoad) =>
  `Inbox: ${load.phones * load.notesEach} notes from ${load.phones} people, hidden until revealed`;

/** How many phones send how many notes each over how long; the bench's figures are for the defaults. */
export interface RoomLoad {
  readonly phones: number;
  readonly notesEach: number;
  readonly minuteMs: number;
  /**
   * To find what dominates, best on an unminified build: `profile` also runs the DevTools
   * sampling profiler on the facilitator's page during the minute and prints the hottest
   * functions; `trace` traces it with the timeline's categories and prints the main thread's
   * self time by event, and what the longest tasks held. Either adds its overhead to the
   * figures, so such a run's figures are not reported.
   */
  readonly diagnose?: 'profile' | 'trace';
}
const INBOX_MARK = 'journeywall-bench:inbox';
/** The vote on phones: each phone's dots, given one at a time over this long. */
const DOTS_EACH = 3;
const VOTE_MS = 30_000;
/** Issue 13's targets. */
export const LATENCY_TARGET_MS = 200;
export const FRAME_TARGET_MS = 1000 / 60;

const log = (message: string) => console.log(`[bench] ${message}`);

export interface Memory {
  /** Main's resident set, MB. */
  readonly mainRss: number;
  /** The renderer's JS heap in use and allocated, MB (Performance.getMetrics). */
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** DOM nodes of the facilitator's page. */
  readonly nodes: number;
}

export interface RoomLoadFigures {
  readonly phones: number;
  readonly notesEach: number;
  readonly minuteMs: number;
  readonly sent: number;
  readonly acked: number;
  /** What the panel said once every note was in. */
  readonly inboxText: string;
  readonly journalLines: number;
  /** From the saved map: each sent text on the board exactly once, and in the inbox once, with its writer. */
  readonly savedNotes: number;
  readonly savedInbox: number;
  readonly savedAuthors: number;
  readonly missing: number;
  readonly doubled: number;
  readonly problems: readonly string[];
  /** Latencies (ms) from the phone's send. */
  readonly toAck: Summary;
  readonly toMain: Summary;
  readonly toHarness: Summary;
  /** Per note: main's stamp → the harness relays it (the journal's write and fsync, child-process IPC). */
  readonly mainToRelay: Summary;
  /** Per note: the harness relays it → the inbox count changes (a Playwright evaluate, the renderer's handling, React's commit). */
  readonly relayToInbox: Summary;
  readonly toInbox: Summary;
  readonly toScreen: Summary;
  /** Spread of the sends: how far behind its plan each send went out, and the busiest second. */
  readonly sendLate: Summary;
  readonly busiestSecond: number;
  /** Inbox count changes: fewer than the notes when React rendered two arrivals at once. */
  readonly inboxChanges: number;
  /** Clock offsets found (ms): the page's and the phones' clock against the bench's. */
  readonly pageOffset: number;
  readonly phonesOffset: number;
  /** The facilitator's frames during the minute. */
  readonly writing: PhaseFrames;
  /** The frames in which a note arrived, and the next. */
  readonly arrivalFrames: Summary;
  /** The same for the first and the last fifth of the notes: what a fuller inbox costs. */
  readonly earlyArrivalFrames: Summary;
  readonly lateArrivalFrames: Summary;
  /** The vote on phones, after the reveal. */
  readonly voting: VotingFigures;
  /** From the saved map: phones whose saved ballot is the last one they sent, with all their dots. */
  readonly savedBallots: number;
  readonly memory: {
    readonly idle: Memory;
    readonly before: Memory;
    readonly after: Memory;
    readonly afterGc: Memory;
  };
  /** Main's peak resident set over the whole run (VmHWM), MB. */
  readonly mainPeakRss: number;
}

/** The pid of this process's child whose command line holds `marker`. */
const childPid = (marker: string): number => {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker))
        return Number(entry);
    } catch {
      // A process that ended while the list was read.
    }
  }
  throw new Error(`No child process running ${marker}`);
};

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM). */
const statusMb = (pid: number, field: string): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((candidate) => candidate.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) / 1024;
};

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** User and system CPU seconds a process has used (/proc/<pid>/stat). */
const cpuSeconds = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
};

const metrics = async (cdp: CDPSession): Promise<Map<string, number>> =>
  new Map((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]));

const memory = async (cdp: CDPSession, mainPid: number, collect: boolean): Promise<Memory> => {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const values = await metrics(cdp);
  const mb = (name: string) => (values.get(name) ?? Number.NaN) / 1024 / 1024;
  return {
    mainRss: statusMb(mainPid, 'VmRSS'),
    heapUsed: mb('JSHeapUsedSize'),
    heapTotal: mb('JSHeapTotalSize'),
    nodes: values.get('Nodes') ?? Number.NaN,
  };
};

/** The phones' process, and its messages as they come. */
class Phones {
  private readonly child: ChildProcess;
  private readonly received: FromPhones[] = [];
  private readonly waiting = new Set<() => void>();
  private nextClock = 0;

  constructor() {
    this.child = fork(path.join(import.meta.dirname, 'room-phone-process.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: FromPhones) => {
      this.received.push(message);
      for (const wake of [...this.waiting]) wake();
    });
    this.child.on('exit', () => {
      for (const wake of [...this.waiting]) wake();
    });
  }

  get pid(): number {
    return this.child.pid ?? Number.NaN;
  }

  send(message: ToPhones): void {
    this.child.send(message);
  }

  /** The first message of `kind` (taken), or a failure the phones reported. */
  async next<K extends FromPhones['kind']>(
    kind: K,
    timeoutMs: number,
    accept: (message: Extract<FromPhones, { kind: K }>) => boolean = () => true,
  ): Promise<Extract<FromPhones, { kind: K }>> {
    const giveUpAt = Date.now() + timeoutMs;
    for (;;) {
      const failed = this.received.find((message) => message.kind === 'failed');
      if (failed?.kind === 'failed') throw new Error(`The phones failed: ${failed.message}`);
      const index = this.received.findIndex(
        (message) => message.kind === kind && accept(message as Extract<FromPhones, { kind: K }>),
      );
      if (index >= 0) return this.received.splice(index, 1)[0] as Extract<FromPhones, { kind: K }>;
      if (this.child.exitCode !== null) throw new Error('The phones’ process ended');
      const left = giveUpAt - Date.now();
      if (left <= 0) throw new Error(`The phones did not report ${kind} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiting.add(wake);
      });
    }
  }

  /** The phones' clock minus the bench's (ms), from the exchange with the shortest round trip. */
  async clockOffset(): Promise<number> {
    let best = { rtt: Number.POSITIVE_INFINITY, offset: Number.NaN };
    for (let attempt = 0; attempt < 9; attempt++) {
      const id = this.nextClock++;
      const before = clock();
      this.send({ kind: 'clock', id });
      const { at } = await this.next('clock', 5000, (message) => message.id === id);
      const after = clock();
      if (after - before < best.rtt) best = { rtt: after - before, offset: at - (before + after) / 2 };
    }
    return best.offset;
  }

  async quit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.send({ kind: 'quit' });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** The renderer main thread's tasks over `overMs`, each with the events that took most of it. */
const longTasks = (trace: Trace, overMs: number): string[] => {
  const main = trace.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const onMain = trace.filter(
    (event) =>
      main && event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined,
  );
  return onMain
    .filter(
      (event) =>
        (event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask') &&
        (event.dur ?? 0) > overMs * 1000,
    )
    .map((task) => {
      const inside = onMain.filter(
        (event) =>
          event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0),
      );
      const biggest = inside
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 8)
        .map((event) => `${event.name} ${((event.dur ?? 0) / 1000).toFixed(1)}`);
      return `${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${biggest.join(', ')}`;
    });
};

const startProfile = async (cdp: CDPSession): Promise<void> => {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
};

/** The page's clock minus the bench's (ms), from the evaluation with the shortest round trip. */
const pageClockOffset = async (page: Page): Promise<number> => {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: Number.NaN };
  for (let attempt = 0; attempt < 9; attempt++) {
    const before = clock();
    const at = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = clock();
    if (after - before < best.rtt) best = { rtt: after - before, offset: at - (before + after) / 2 };
  }
  return best.offset;
};

interface InboxChange {
  readonly count: number;
  /** Page clock (timeOrigin + now): the DOM changed (React's commit, before the frame). */
  readonly at: number;
  /** The end of the frame that shows it. */
  readonly shownAt: number;
}

/**
 * Watches the facilitator's inbox count: every change of the number in `.room-inbox`, when the
 * DOM changed and when the frame that shows it ended (a rAF callback, then a message posted from
 * it, which runs once the frame's rendering is done). Each change also sets a mark, so the trace
 * can place it among the frames.
 */
const watchInbox = (page: Page, mark: string): Promise<void> =>
  page.evaluate((inboxMark) => {
    const changes: { count: number; at: number; shownAt: number }[] = [];
    const now = () => performance.timeOrigin + performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = (message: MessageEvent<number>) => {
      const change = changes[message.data];
      if (change && Number.isNaN(change.shownAt)) change.shownAt = now();
    };
    let last = Number.NaN;
    const read = () => {
      const text = document.querySelector('.room-inbox')?.textContent ?? '';
      const count = Number(/Inbox: (\d+)/.exec(text)?.[1] ?? Number.NaN);
      if (count === last || Number.isNaN(count)) return;
      last = count;
      changes.push({ count, at: now(), shownAt: Number.NaN });
      performance.mark(inboxMark);
      const index = changes.length - 1;
      requestAnimationFrame(() => channel.port2.postMessage(index));
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    read();
    Object.assign(window, { __journeywallInbox: changes });
  }, mark);

const inboxChanges = (page: Page): Promise<InboxChange[]> =>
  page.evaluate(() => (window as unknown as { __journeywallInbox: InboxChange[] }).__journeywallInbox);

interface JournalLine {
  readonly device: string;
  readonly name: string;
  /** A note's line; a ballot's has none. */
  readonly note?: { readonly id: string };
  readonly received: number;
}

/** The notes of the room's journal, in the order main stored (and reported) them. */
const readJournal = (userData: string, code: string): (JournalLine & { note: { id: string } })[] =>
  readFileSync(path.join(userData, 'rooms', `${code}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalLine)
    .filter((line): line is JournalLine & { note: { id: string } } => line.note !== undefined);

interface SavedMap {
  readonly notes: readonly {
    readonly notes: readonly { readonly text: string; readonly isDeleted?: boolean }[];
  }[];
  readonly rounds?: readonly {
    readonly prompt: string;
    readonly inbox: readonly {
      readonly text: string;
      readonly author?: string;
      readonly noteId?: string | null;
    }[];
  }[];
}

/** The saved map, read with plain JSON: each sent text's live notes, and the round's inbox. */
const checkSaved = (file: string, sent: readonly SentNote[], authorOf: (phone: number) => string) => {
  const map = JSON.parse(readFileSync(file, 'utf8')) as SavedMap;
  const onBoard = new Map<string, number>();
  for (const group of map.notes)
    for (const note of group.notes)
      if (!note.isDeleted) onBoard.set(note.text, (onBoard.get(note.text) ?? 0) + 1);
  const round = map.rounds?.find((candidate) => candidate.prompt === PROMPT);
  const inInbox = new Map<string, { count: number; authors: string[] }>();
  for (const note of round?.inbox ?? []) {
    const entry = inInbox.get(note.text) ?? { count: 0, authors: [] };
    entry.count++;
    if (note.author) entry.authors.push(note.author);
    inInbox.set(note.text, entry);
  }
  let missing = 0;
  let doubled = 0;
  let authors = 0;
  for (const note of sent) {
    const board = onBoard.get(note.text) ?? 0;
    const inbox = inInbox.get(note.text);
    if (board === 0 || !inbox) missing++;
    if (board > 1 || (inbox?.count ?? 0) > 1) doubled++;
    if (inbox?.authors.length === 1 && inbox.authors[0] === authorOf(note.phone)) authors++;
  }
  return {
    savedNotes: sent.filter((note) => onBoard.get(note.text) === 1).length,
    savedInbox: round?.inbox.length ?? 0,
    savedAuthors: authors,
    missing,
    doubled,
  };
};

/**
 * The saved map's vote on phones, read with plain JSON: phones whose saved ballot is exactly the
 * last one they sent (the newest replaces the older ones), with every dot they have.
 */
const checkSavedBallots = (file: string, sent: readonly SentBallot[]): number => {
  const map = JSON.parse(readFileSync(file, 'utf8')) as {
    votes?: { onPhones?: boolean; voterIds: string[]; ballots: Record<string, number>[] }[];
  };
  const vote = map.votes?.find((candidate) => candidate.onPhones);
  if (!vote) return 0;
  const last = new Map<string, SentBallot>();
  for (const ballot of sent)
    if ((last.get(ballot.device)?.seq ?? 0) < ballot.seq) last.set(ballot.device, ballot);
  const same = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
    JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
  return vote.voterIds.filter((device, index) => {
    const ballot = last.get(device);
    const saved = vote.ballots[index];
    return (
      ballot !== undefined &&
      saved !== undefined &&
      same(saved, ballot.dots) &&
      Object.values(saved).reduce((sum, dots) => sum + dots, 0) === DOTS_EACH
    );
  }).length;
};

/** What the facilitator does to open the room, as room.spec.ts does it. */
const openRoom = async (board: Page): Promise<{ url: string; code: string }> => {
  await board.getByRole('button', { name: 'Room' }).click();
  await board.getByLabel('Network').selectOption({ label: 'This computer only (127.0.0.1)' });
  await board.getByRole('button', { name: 'Open the room' }).click();
  await expect(board.locator('.room-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/j\/[A-Za-z0-9_-]{22}$/);
  const url = (await board.locator('.room-url').textContent()) ?? '';
  const code = (await board.locator('.room-code strong').textContent()) ?? '';
  return { url, code };
};

const openWritingRound = async (board: Page): Promise<void> => {
  await board.getByLabel('Prompt').fill(PROMPT);
  await board.getByLabel('Minutes (0 for no time limit)').fill('0');
  await board.getByRole('button', { name: 'Open the writing round' }).click();
  await expect(board.getByText('Writing round open')).toBeVisible();
};

/** Records when the harness hands each room note event to the page (its own hop, not Electron's). */
const watchHarnessRelay = (): { readonly relayed: Map<string, number>; restore(): void } => {
  const relayed = new Map<string, number>();
  const original = Object.getOwnPropertyDescriptor(ShellWindow.prototype, 'deliver')
    ?.value as ShellWindow['deliver'];
  ShellWindow.prototype.deliver = function deliver(this: ShellWindow, channel: string, args: unknown[]) {
    if (channel === EVENTS.roomEvent) {
      const event = args[0] as RoomEvent | undefined;
      if (event?.type === 'note') relayed.set(`${event.participantId} ${event.note.id}`, clock());
    }
    original.call(this, channel, args);
  };
  return {
    relayed,
    restore: () => {
      ShellWindow.prototype.deliver = original;
    },
  };
};

/** A phase measured on the facilitator's renderer: its trace, frames and the CPU it took. */
interface PhaseMeasures {
  readonly trace: Trace;
  readonly step: number;
  readonly windowMs: number;
  readonly devtoolsBusy: number;
  readonly recorded: AnimationFrame[];
  readonly cpu: { readonly main: number; readonly phones: number; readonly bench: number };
}

/**
 * Runs `phase` (which starts the phones and resolves once the facilitator has everything) under a
 * trace of the facilitator's renderer with the frame recorder running, from just before the
 * phones start until a second after.
 */
const tracedPhase = async (
  board: Page,
  cdp: CDPSession,
  phones: Phones,
  mainPid: number,
  diagnose: RoomLoad['diagnose'],
  phase: () => Promise<void>,
): Promise<PhaseMeasures> => {
  const step = newStepId();
  let devtoolsBusy = Number.NaN;
  let windowMs = Number.NaN;
  let recorded: AnimationFrame[] = [];
  let cpu = { main: Number.NaN, phones: Number.NaN, bench: Number.NaN };
  const traced =
    diagnose === 'trace'
      ? (action: () => Promise<void>) =>
          recordTrace(cdp, { includedCategories: [...BREAKDOWN_CATEGORIES, 'blink.user_timing'] }, action)
      : (action: () => Promise<void>) => traceSteps(cdp, action);
  const trace = await traced(async () => {
    await startAnimationFrames(board);
    await markStart(cdp, step);
    const pageFrom = await board.evaluate(() => performance.now());
    if (diagnose === 'profile') await startProfile(cdp);
    const busyBefore = await taskMs(cdp);
    const started = clock();
    const cpuBefore = {
      main: cpuSeconds(mainPid),
      phones: cpuSeconds(phones.pid),
      bench: process.cpuUsage(),
    };
    await phase();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    cpu = {
      main: cpuSeconds(mainPid) - cpuBefore.main,
      phones: cpuSeconds(phones.pid) - cpuBefore.phones,
      bench: (benchCpu.user + benchCpu.system) / 1e6,
    };
    devtoolsBusy = (await taskMs(cdp)) - busyBefore;
    windowMs = clock() - started;
    const pageTo = await board.evaluate(() => performance.now());
    if (diagnose === 'profile') {
      const { profile } = await cdp.send('Profiler.stop');
      for (const hot of hottest(profile as Parameters<typeof hottest>[0], 25))
        log(`profile: ${hot.self.toFixed(0)} ms ${hot.name}`);
    }
    await markEnd(cdp, step);
    await stopAnimationFrames(board);
    recorded = await takeAnimationFrames(board, pageFrom, pageTo);
  });
  if (diagnose === 'trace') {
    for (const phase of selfTimes(trace).slice(0, 25))
      log(`trace: ${phase.self.toFixed(0)} ms ${phase.name}`);
    for (const task of longTasks(trace, 50)) log(`long task: ${task}`);
  }
  return { trace, step, windowMs, devtoolsBusy, recorded, cpu };
};

/** The facilitator's frames during a phase: every frame, as present mode's are measured. */
export interface PhaseFrames {
  readonly frames: Summary;
  readonly windowMs: number;
  readonly traceBusy: number;
  readonly devtoolsBusy: number;
  readonly intervals: Summary;
  readonly dropped: number;
  /** The old probe's figure: each frame with the tasks queued in it. */
  readonly recorded: Summary;
  readonly cpu: PhaseMeasures['cpu'];
}

const phaseFrames = (phase: PhaseMeasures): PhaseFrames => {
  const intervals = phase.recorded.map((frame) => frame.interval).filter((value) => !Number.isNaN(value));
  return {
    frames: summarize(frameSpans(phase.trace, phase.step, phase.windowMs + 1000).map((span) => span.work)),
    windowMs: phase.windowMs,
    traceBusy: busyBetweenMarks(phase.trace, phase.step),
    devtoolsBusy: phase.devtoolsBusy,
    intervals: summarize(intervals),
    dropped: intervals.reduce(
      (sum, interval) => sum + Math.max(0, Math.round(interval / FRAME_TARGET_MS) - 1),
      0,
    ),
    recorded: summarize(phase.recorded.map((frame) => frame.withTasks)),
    cpu: phase.cpu,
  };
};

/**
 * The writing minute: the phones send their notes, and the phase lasts until every note is in
 * the facilitator's inbox.
 */
const writingMinute = async (
  board: Page,
  cdp: CDPSession,
  phones: Phones,
  mainPid: number,
  load: RoomLoad,
): Promise<PhaseMeasures & { readonly sent: readonly SentNote[]; readonly problems: readonly string[] }> => {
  let written: Extract<FromPhones, { kind: 'written' }> | undefined;
  const measures = await tracedPhase(board, cdp, phones, mainPid, load.diagnose, async () => {
    const startAt = clock() + 500;
    phones.send({
      kind: 'write',
      startAt,
      spreadMs: load.minuteMs,
      giveUpAt: startAt + load.minuteMs + 30_000,
    });
    written = await phones.next('written', load.minuteMs + 60_000);
    await expect(board.locator('.room-inbox')).toHaveText(fullInbox(load), { timeout: 30_000 });
  });
  if (!written) throw new Error('The phones did not report their notes');
  return { ...measures, sent: written.notes, problems: written.problems };
};

/** What the vote on phones measured. */
export interface VotingFigures {
  readonly notesOffered: number;
  readonly ballotsSent: number;
  readonly ballotsAcked: number;
  /** What the Vote panel said once every phone had voted. */
  readonly panelText: string;
  readonly toAck: Summary;
  readonly frames: PhaseFrames;
}

/**
 * The vote, once the notes are revealed: the facilitator starts a vote on phones from the Vote
 * panel with its defaults (the breakdown points, totals hidden) and DOTS_EACH dots; each phone
 * gives its dots one at a time over VOTE_MS, sending its whole ballot after each (as the phone's
 * page does), until the panel says every phone has given dots. Returns each phone's last ballot,
 * for the saved map's check.
 */
const votingPhase = async (
  board: Page,
  cdp: CDPSession,
  phones: Phones,
  mainPid: number,
  load: RoomLoad,
): Promise<{
  readonly figures: VotingFigures;
  readonly ballots: readonly SentBallot[];
  readonly problems: readonly string[];
}> => {
  await board.getByRole('button', { name: 'Vote', exact: true }).click();
  const panel = board.getByRole('complementary', { name: 'Vote' });
  await expect(panel.getByLabel('On the phones in the room, all at once')).toBeChecked();
  await panel.getByLabel('Dots each').fill(String(DOTS_EACH));
  await panel.getByRole('button', { name: 'Start the vote' }).click();
  const { notes } = await phones.next('vote', 30_000);
  await waitUntilIdle(board, cdp);
  let voted: Extract<FromPhones, { kind: 'voted' }> | undefined;
  const everyone = `On phones: ${load.phones} people have given dots`;
  const measures = await tracedPhase(board, cdp, phones, mainPid, load.diagnose, async () => {
    const startAt = clock() + 500;
    phones.send({
      kind: 'vote',
      startAt,
      spreadMs: VOTE_MS,
      dotsEach: DOTS_EACH,
      giveUpAt: startAt + VOTE_MS + 30_000,
    });
    voted = await phones.next('voted', VOTE_MS + 60_000);
    await expect(panel.locator('.vote-turn')).toHaveText(everyone, { timeout: 30_000 });
  });
  if (!voted) throw new Error('The phones did not report their ballots');
  const acked = voted.ballots.filter((ballot) => ballot.ackAt !== null);
  const figures: VotingFigures = {
    notesOffered: notes,
    ballotsSent: voted.ballots.length,
    ballotsAcked: acked.length,
    panelText: (await panel.locator('.vote-turn').textContent()) ?? '',
    toAck: summarize(acked.map((ballot) => (ballot.ackAt ?? 0) - ballot.sentAt)),
    frames: phaseFrames(measures),
  };
  await panel.getByRole('button', { name: 'Reveal' }).click();
  return { figures, ballots: voted.ballots, problems: voted.problems };
};

export const benchRoomLoad = async (
  load: RoomLoad = { phones: PHONES, notesEach: NOTES_EACH, minuteMs: MINUTE_MS },
): Promise<RoomLoadFigures> => {
  const total = load.phones * load.notesEach;
  await globalSetup();
  const browser: Browser = await chromium.launch(shellChromiumOptions());
  // tsx names functions with a helper the harness's scripts then carry into the page: define it
  // there, and the frame recorder with it, in every context (the app's window is one).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
    await context.addInitScript({ content: animationFramesScript() });
    return context;
  };
  const root = mkdtempSync(path.join(tmpdir(), 'jw-room-load-'));
  const relay = watchHarnessRelay();
  const app = new Desktop({ root, browser });
  let phones: Phones | null = null;
  try {
    const { page: board } = await app.window();
    await expectLibrary(board);
    await board.getByRole('button', { name: 'Open the example map' }).click();
    await expectMapOpen(board, 'Home printer toner');
    const mainPid = childPid(RUN_MAIN);
    const cdp = await board.context().newCDPSession(board);
    await cdp.send('Performance.enable');

    const { url, code } = await openRoom(board);
    await waitUntilIdle(board, cdp);
    const idle = await memory(cdp, mainPid, true);

    phones = new Phones();
    const address = new URL(url);
    phones.send({
      kind: 'join',
      plan: {
        socketUrl: `ws://${address.host}${address.pathname}/ws`,
        origin: address.origin,
        phones: load.phones,
        notesEach: load.notesEach,
        seed: SEED,
      },
    });
    await phones.next('joined', 30_000);
    await expect(board.getByRole('heading', { name: `In the room: ${load.phones} people` })).toBeVisible();
    await openWritingRound(board);
    await phones.next('round', 30_000);
    log(`room ${code}: ${load.phones} phones joined, the writing round reached them`);

    await watchInbox(board, INBOX_MARK);
    const pageOffset = await pageClockOffset(board);
    const phonesOffset = await phones.clockOffset();
    await waitUntilIdle(board, cdp);
    const before = await memory(cdp, mainPid, true);

    log(`${load.phones} phones sending ${load.notesEach} notes each over ${load.minuteMs / 1000} s`);
    const minute = await writingMinute(board, cdp, phones, mainPid, load);
    const after = await memory(cdp, mainPid, false);
    const afterGc = await memory(cdp, mainPid, true);
    const inboxText = (await board.locator('.room-inbox').textContent()) ?? '';
    log(`the minute: ${minute.sent.length} notes sent; the inbox says “${inboxText}”`);

    // Latency, note by note: the n-th change of the inbox count is the n-th journal line.
    const journal = readJournal(app.userData, code);
    const changes = await inboxChanges(board);
    const sentById = new Map(minute.sent.map((note) => [`${note.device} ${note.id}`, note]));
    const toMain: number[] = [];
    const toHarness: number[] = [];
    const toInbox: number[] = [];
    const toScreen: number[] = [];
    const mainToRelay: number[] = [];
    const relayToInbox: number[] = [];
    journal.forEach((line, index) => {
      const note = sentById.get(`${line.device} ${line.note.id}`);
      if (!note) return;
      const phoneSent = note.sentAt - phonesOffset;
      toMain.push(line.received - phoneSent);
      const relayed = relay.relayed.get(`${line.device} ${line.note.id}`);
      if (relayed !== undefined) {
        toHarness.push(relayed - phoneSent);
        mainToRelay.push(relayed - line.received);
      }
      const change = changes.find((candidate) => candidate.count >= index + 1);
      if (change) {
        toInbox.push(change.at - pageOffset - phoneSent);
        toScreen.push(change.shownAt - pageOffset - phoneSent);
        if (relayed !== undefined) relayToInbox.push(change.at - pageOffset - relayed);
      }
    });
    const acked = minute.sent.filter((note) => note.ackAt !== null);
    const perSecond = new Map<number, number>();
    for (const note of minute.sent) {
      const second = Math.floor(note.sentAt / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }

    // The facilitator's frames: every frame of the window, and those in which a note arrived
    // (the frame whose span holds the inbox change, and the next, which renders it).
    const spans = frameSpans(minute.trace, minute.step, minute.windowMs + 1000);
    const first = spans[0]?.from ?? 0;
    const last = spans.at(-1)?.to ?? 0;
    const arrivals = markTimes(minute.trace, INBOX_MARK, first, last);
    const arrivalFrames = new Set<number>();
    const fifth = Math.max(1, Math.floor(arrivals.length / 5));
    const earlyFrames = new Set<number>();
    const lateFrames = new Set<number>();
    arrivals.forEach((mark, order) => {
      const index = spans.findIndex((span) => span.from <= mark && mark < span.to);
      if (index < 0) return;
      arrivalFrames.add(index).add(index + 1);
      if (order < fifth) earlyFrames.add(index).add(index + 1);
      if (order >= arrivals.length - fifth) lateFrames.add(index).add(index + 1);
    });
    const workOf = (frames: ReadonlySet<number>) => [...frames].flatMap((index) => spans[index]?.work ?? []);

    // Every note once: reveal keeping names; the vote; then save with Save As and read the file
    // with plain JSON.
    await board.getByLabel('Keep who wrote each note').check();
    await board.getByRole('button', { name: `Reveal ${total} notes` }).click();
    await expect(board.locator('.room-inbox')).toHaveText('Inbox: 0 notes, hidden until revealed');
    log(`${total} notes revealed; the phones vote`);
    const vote = await votingPhase(board, cdp, phones, mainPid, load);
    log(`the vote: ${vote.figures.ballotsSent} ballots sent; the panel says “${vote.figures.panelText}”`);
    const file = path.join(root, 'room-load.cxmap');
    app.dialogs.saveTo(file);
    await board.keyboard.press('Control+Shift+S');
    await expect(board.getByText('Saved to room-load.cxmap.')).toBeVisible({ timeout: 30_000 });
    const names = new Map(journal.map((line) => [line.device, line.name]));
    const saved = checkSaved(file, minute.sent, (phone) => {
      const device = minute.sent.find((note) => note.phone === phone)?.device ?? '';
      return names.get(device) ?? '';
    });
    const savedBallots = checkSavedBallots(file, vote.ballots);
    const mainPeakRss = statusMb(mainPid, 'VmHWM');

    return {
      phones: load.phones,
      notesEach: load.notesEach,
      minuteMs: load.minuteMs,
      sent: minute.sent.filter((note) => !Number.isNaN(note.sentAt)).length,
      acked: acked.length,
      inboxText,
      journalLines: journal.length,
      ...saved,
      problems: [...minute.problems, ...vote.problems, ...app.harnessErrors, ...app.standInErrors],
      toAck: summarize(acked.map((note) => (note.ackAt ?? 0) - note.sentAt)),
      toMain: summarize(toMain),
      toHarness: summarize(toHarness),
      mainToRelay: summarize(mainToRelay),
      relayToInbox: summarize(relayToInbox),
      toInbox: summarize(toInbox),
      toScreen: summarize(toScreen.filter((value) => !Number.isNaN(value))),
      sendLate: summarize(minute.sent.map((note) => note.sentAt - note.plannedAt)),
      busiestSecond: Math.max(...perSecond.values()),
      inboxChanges: changes.filter((change) => change.count > 0).length,
      pageOffset,
      phonesOffset,
      writing: phaseFrames(minute),
      arrivalFrames: summarize(workOf(arrivalFrames)),
      earlyArrivalFrames: summarize(workOf(earlyFrames)),
      lateArrivalFrames: summarize(workOf(lateFrames)),
      voting: vote.figures,
      savedBallots,
      memory: { idle, before, after, afterGc },
      mainPeakRss,
    };
  } catch (error) {
    // What main said is usually why.
    for (const line of app.output.slice(-30)) log(`main: ${line}`);
    throw error;
  } finally {
    relay.restore();
    // Main first: phones leaving an open room would be news main sends a closing page.
    await app.close();
    await phones?.quit();
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
};

const ms = (value: number) => value.toFixed(1);
const mb = (value: number) => value.toFixed(1);
const row = (measured: string, summary: Summary, also: string, target: string, met: boolean | null) =>
  `| ${measured} | ${ms(summary.p50)} | ${ms(summary.p95)} (${ms(summary.max)}) | ${also} | ${target} | ${met === null ? '' : met ? 'yes' : '**no**'} |`;

const framesAlso = (frames: PhaseFrames): string => {
  const gap = Math.abs(frames.traceBusy - frames.devtoolsBusy) / frames.devtoolsBusy;
  return (
    `${frames.frames.count} frames over ${(frames.windowMs / 1000).toFixed(1)} s; the whole window ${ms(frames.traceBusy)}, ` +
    `DevTools TaskDuration ${ms(frames.devtoolsBusy)}, gap ${(gap * 100).toFixed(0)} %${gap > 0.2 ? ' **(over 20 %: the probe is wrong)**' : ''}; ` +
    `old probe (frame with its queued tasks) p50 ${ms(frames.recorded.p50)} p95 ${ms(frames.recorded.p95)}; ` +
    `rAF interval p50 ${ms(frames.intervals.p50)} p95 ${ms(frames.intervals.p95)} max ${ms(frames.intervals.max)}, ${frames.dropped} frames dropped; ` +
    `CPU: main ${frames.cpu.main.toFixed(1)} s, the phones ${frames.cpu.phones.toFixed(1)} s, the bench's process ${frames.cpu.bench.toFixed(1)} s`
  );
};

export const roomLoadTable = (figures: RoomLoadFigures): string => {
  const total = figures.phones * figures.notesEach;
  const allIn =
    figures.sent === total &&
    figures.acked === total &&
    figures.journalLines === total &&
    figures.savedNotes === total &&
    figures.savedInbox === total &&
    figures.missing === 0 &&
    figures.doubled === 0;
  const { idle, before, after, afterGc } = figures.memory;
  const { voting } = figures;
  const ballots = figures.phones * DOTS_EACH;
  const everyBallot =
    voting.ballotsSent === ballots &&
    voting.ballotsAcked === ballots &&
    figures.savedBallots === figures.phones;
  const spread = figures.minuteMs === MINUTE_MS ? 'one minute' : `${figures.minuteMs / 1000} s`;
  return [
    `Room load (issue 13): ${APP === ROOT ? '' : `the app built in ${APP} (JOURNEYWALL_SHELL_APP). `}` +
      `${figures.phones} phones on loopback, ${figures.notesEach} notes each within ${spread}, then a vote on the phones ` +
      `(${DOTS_EACH} dots each, given one at a time within ${VOTE_MS / 1000} s), to the real main process under the shell harness; ` +
      `the facilitator's window shows the example map with the Room panel open (the Vote panel during the vote). ` +
      `Busiest second: ${figures.busiestSecond} notes; each send went out p95 ${ms(figures.sendLate.p95)} ms after its plan. ` +
      `Clocks: the page ${ms(figures.pageOffset)} ms and the phones ${ms(figures.phonesOffset)} ms from the bench's, corrected.`,
    '',
    '| measured | p50 ms | p95 (max) ms | also | target | met |',
    '| --- | ---: | ---: | --- | --- | --- |',
    `| every note in the inbox, none twice | | | ${figures.sent} sent, ${figures.acked} acked; the panel: “${figures.inboxText}”; ${figures.journalLines} notes in the room's journal; saved map after the reveal: ${figures.savedNotes} sent texts on the board exactly once, ${figures.savedInbox} in the round's inbox, ${figures.savedAuthors} with their writer's name; missing ${figures.missing}, twice ${figures.doubled}${figures.problems.length > 0 ? `; problems: ${figures.problems.slice(0, 5).join('; ')}` : ''} | ${total} once each | ${allIn ? 'yes' : '**no**'} |`,
    row(
      'send → the facilitator’s inbox (the count in the DOM)',
      figures.toInbox,
      `${figures.toInbox.count} notes in ${figures.inboxChanges} changes of the count`,
      `p95 ≤ ${LATENCY_TARGET_MS}`,
      figures.toInbox.p95 <= LATENCY_TARGET_MS && figures.toInbox.count === total,
    ),
    row('send → on screen (end of the frame showing it)', figures.toScreen, '', 'reported', null),
    row(
      'send → ack (main stored and fsynced it)',
      figures.toAck,
      `${figures.toAck.count} acks`,
      'reported',
      null,
    ),
    row(
      'send → main’s `received` (the journal’s stamp, whole ms)',
      figures.toMain,
      'before the journal write',
      'reported',
      null,
    ),
    row(
      'send → the harness relays main’s event to the page',
      figures.toHarness,
      `per note: main's stamp → relayed p50 ${ms(figures.mainToRelay.p50)} p95 ${ms(figures.mainToRelay.p95)} (the journal's write and fsync, then the harness's child-process IPC); relayed → inbox p50 ${ms(figures.relayToInbox.p50)} p95 ${ms(figures.relayToInbox.p95)} (a Playwright evaluate into the page, then the renderer's handling and React's commit). Electron's own IPC has neither hop`,
      'reported',
      null,
    ),
    row(
      'the facilitator’s frames while notes stream in: each frame (trace)',
      figures.writing.frames,
      framesAlso(figures.writing),
      `p95 ≤ ${FRAME_TARGET_MS.toFixed(1)}`,
      figures.writing.frames.p95 <= FRAME_TARGET_MS,
    ),
    row(
      '… the frames in which a note arrived, and the next',
      figures.arrivalFrames,
      `${figures.arrivalFrames.count} frames; the first fifth of the notes p50 ${ms(figures.earlyArrivalFrames.p50)} p95 ${ms(figures.earlyArrivalFrames.p95)}, the last fifth p50 ${ms(figures.lateArrivalFrames.p50)} p95 ${ms(figures.lateArrivalFrames.p95)}`,
      `p95 ≤ ${FRAME_TARGET_MS.toFixed(1)}`,
      figures.arrivalFrames.p95 <= FRAME_TARGET_MS,
    ),
    `| every ballot counted, once | | | ${voting.notesOffered} notes offered; ${voting.ballotsSent} ballots sent, ${voting.ballotsAcked} acked; the Vote panel: “${voting.panelText}”; saved map after the vote's reveal: ${figures.savedBallots} phones' ballots exactly their last one, with all ${DOTS_EACH} dots | ${figures.phones} ballots | ${everyBallot ? 'yes' : '**no**'} |`,
    row('vote: a ballot’s send → ack', voting.toAck, `${voting.toAck.count} acks`, 'reported', null),
    row(
      'vote: the facilitator’s frames while ballots stream in: each frame (trace)',
      voting.frames.frames,
      framesAlso(voting.frames),
      `p95 ≤ ${FRAME_TARGET_MS.toFixed(1)}`,
      voting.frames.frames.p95 <= FRAME_TARGET_MS,
    ),
    `| memory: main's resident set (MB) | | | map open, room open: ${mb(idle.mainRss)}; ${figures.phones} phones in, round open: ${mb(before.mainRss)}; after the minute: ${mb(after.mainRss)}; peak over the run (VmHWM) ${mb(figures.mainPeakRss)} | reported | |`,
    `| memory: the facilitator's JS heap in use / allocated (MB) | | | map open, room open: ${mb(idle.heapUsed)} / ${mb(idle.heapTotal)}; ${figures.phones} phones in, round open: ${mb(before.heapUsed)} / ${mb(before.heapTotal)}; after the minute: ${mb(after.heapUsed)} / ${mb(after.heapTotal)}, after a GC ${mb(afterGc.heapUsed)} / ${mb(afterGc.heapTotal)}; DOM nodes ${before.nodes} → ${afterGc.nodes} | reported | |`,
  ].join('\n');
};
