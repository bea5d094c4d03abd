/**
 * Runs every test suite (unit in Node, browser in Chromium, end-to-end with Playwright, the
 * fault suite, the desktop shell harness and the Electron smoke suite), keeps going when one fails, and ends with one plain line counting every test: "N passed, N failed".
 * CI reads that line, not the runners' own summaries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NOT_RUN } from './shell/smoke/electron-binary.ts';

const out = 'test-results/counts';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

interface Counts {
  passed: number;
  failed: number;
  /** Why a suite did not run at all; printed instead of its counts, never counted as passed. */
  notRun?: string;
}

interface Suite {
  name: string;
  command: string[];
  env?: Record<string, string>;
  report: string;
  count: (json: unknown) => Counts;
}

const vitestCounts = (json: unknown): Counts => {
  const report = json as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
  // Tests that never finished (a crashed browser, a timeout in a hook) count as failed.
  const unfinished = report.numTotalTests - report.numPassedTests - report.numFailedTests;
  return { passed: report.numPassedTests, failed: report.numFailedTests + Math.max(0, unfinished) };
};

const playwrightCounts = (json: unknown): Counts => {
  const { stats } = json as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + stats.skipped };
};

/** Without an Electron binary the smoke runner writes { notRun } instead of a test report. */
const smokeCounts = (json: unknown): Counts => {
  const { notRun } = json as { notRun?: string };
  return notRun === NOT_RUN ? { passed: 0, failed: 0, notRun: 'no Electron binary' } : playwrightCounts(json);
};

const vitest = (project: string): Suite => ({
  name: project,
  command: [
    'npx',
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(out, `${project}.json`)}`,
  ],
  report: join(out, `${project}.json`),
  count: vitestCounts,
});

const suites: Suite[] = [
  vitest('unit'),
  vitest('browser'),
  {
    name: 'e2e',
    command: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'e2e.json') },
    report: join(out, 'e2e.json'),
    count: playwrightCounts,
  },
  {
    // Crashes, a full disk, a cleared IndexedDB, two tabs; the last reporter writes its summary.json.
    name: 'faults',
    command: [
      'npx',
      'playwright',
      'test',
      '-c',
      'test/faults/playwright.config.ts',
      '--reporter=list,json,./test/faults/support/summary-reporter.ts',
    ],
    // Absolute: Playwright resolves this name from the config's folder, test/faults.
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(out, 'faults.json') },
    report: join(out, 'faults.json'),
    count: playwrightCounts,
  },
  {
    // The desktop shell without Electron's binary: the bundled main under a stand-in electron with
    // Chromium windows, and electron-builder --dir with a stand-in Electron distribution.
    name: 'shell',
    command: [
      'npx',
      'playwright',
      'test',
      '-c',
      'test/shell/playwright.config.ts',
      '--project',
      'harness',
      '--project',
      'packaging',
      '--reporter=list,json',
    ],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(out, 'shell.json') },
    report: join(out, 'shell.json'),
    count: playwrightCounts,
  },
  {
    // The real Electron (under xvfb-run without a display); without a binary it says it did not run.
    name: 'smoke',
    command: ['npx', 'tsx', 'test/shell/smoke/run.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(out, 'smoke.json') },
    report: join(out, 'smoke.json'),
    count: smokeCounts,
  },
];

const only = process.argv.slice(2);
const total: Counts = { passed: 0, failed: 0 };
const notRun: string[] = [];
for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
  console.log(`\n=== ${suite.name} ===`);
  const [command = 'npx', ...args] = suite.command;
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...suite.env } });
  let counts: Counts;
  if (existsSync(suite.report)) {
    counts = suite.count(JSON.parse(readFileSync(suite.report, 'utf8')));
    if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  } else {
    console.error(`${suite.name}: the runner wrote no report (exit ${run.status}); counted as one failure`);
    counts = { passed: 0, failed: 1 };
  }
  const line = counts.notRun
    ? `${suite.name}: not run (${counts.notRun})`
    : `${suite.name}: ${counts.passed} passed, ${counts.failed} failed`;
  console.log(line);
  if (counts.notRun) notRun.push(line);
  total.passed += counts.passed;
  total.failed += counts.failed;
}

for (const line of notRun) console.log(line);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
