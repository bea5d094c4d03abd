import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../chromium.ts';

/**
 * Debian's Chromium on a persistent profile, launched by the test itself so that it can be
 * killed the way a power cut or a crash ends it: SIGKILL to the browser process, nothing
 * flushed, no unload handlers. Playwright only connects to it over CDP; it never owns it.
 */
export interface FaultBrowser {
  readonly profile: string;
  readonly pid: number;
  readonly browser: Browser;
  /** The profile's own context: its IndexedDB, OPFS and localStorage are the ones on disk. */
  readonly context: BrowserContext;
  /** The tab Chromium opened at launch (about:blank). */
  readonly page: Page;
  /** SIGKILL to the browser process; resolves once it and every process it started are gone. */
  kill(): Promise<void>;
}

/** The window every test sees: the size the end-to-end tests use. */
const WINDOW = { width: 1400, height: 860 } as const;

const LAUNCH_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 10_000;

export const launchBrowser = async (profile: string): Promise<FaultBrowser> => {
  mkdirSync(profile, { recursive: true });
  // A killed browser leaves its port file behind; reading the old port would connect to nothing.
  const portFile = join(profile, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const child = spawn(
    chromiumPath(),
    [
      ...chromiumArgs,
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--window-size=${WINDOW.width},${WINDOW.height}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stderr = tailOf(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${chromiumPath()}: ${stderr()}`);

  let browser: Browser;
  try {
    const endpoint = await readEndpoint(portFile, child, stderr);
    browser = await chromium.connectOverCDP(endpoint);
  } catch (error) {
    process.kill(pid, 'SIGKILL');
    await exited;
    throw error;
  }
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started without its default context');
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    profile,
    pid,
    browser,
    context,
    page,
    kill: async () => {
      const family = descendantsOf(pid);
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      await withTimeout(exited, EXIT_TIMEOUT_MS, `Chromium (pid ${pid}) did not exit after SIGKILL`);
      // Renderers and the zygote exit on their own once the browser's end of their pipes closes;
      // the next launch must not meet them still holding the profile.
      const deadline = Date.now() + EXIT_TIMEOUT_MS;
      while (family.some(isRunning)) {
        if (Date.now() > deadline) {
          throw new Error(
            `Chromium's child processes ${family.filter(isRunning).join(', ')} outlived the browser`,
          );
        }
        await pause(20);
      }
    },
  };
};

/** `<port>\n<path>`: written by Chromium once its DevTools endpoint listens. */
const readEndpoint = async (portFile: string, child: ChildProcess, stderr: () => string) => {
  const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Chromium exited at launch (${child.exitCode ?? child.signalCode}): ${stderr()}`);
    }
    if (existsSync(portFile)) {
      const [port, path] = readFileSync(portFile, 'utf8').split('\n');
      if (port && path) return `ws://127.0.0.1:${port}${path}`;
    }
    if (Date.now() > deadline) {
      throw new Error(`Chromium wrote no ${portFile} within ${LAUNCH_TIMEOUT_MS} ms: ${stderr()}`);
    }
    await pause(25);
  }
};

/** The last lines Chromium wrote to stderr, for error messages; the pipe must be drained anyway. */
const tailOf = (child: ChildProcess): (() => string) => {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-2000);
  });
  return () => tail.trim() || '(nothing on stderr)';
};

/** Every live process below `pid`, found through /proc (Linux). */
const descendantsOf = (pid: number): number[] => {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== null) parents.set(Number(entry), parent);
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, of] of parents) {
      if (of === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
};

/** /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses. */
const statOf = (pid: number): { state: string; parent: number } | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state && parent ? { state, parent: Number(parent) } : null;
  } catch {
    return null;
  }
};

const parentOf = (pid: number): number | null => statOf(pid)?.parent ?? null;

/** A zombie has finished; only its parent's wait is missing. */
const isRunning = (pid: number): boolean => {
  const stat = statOf(pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
};

const withTimeout = async <T>(promise: Promise<T>, ms: number, message: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
