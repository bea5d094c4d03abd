import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';
import { chromiumPath } from '../../chromium.ts';
import type { LoopResult } from './kill-loop.ts';
import { SUMMARY } from './paths.ts';
import { suiteSeed } from './random.ts';
import { readParts } from './record.ts';
import { type Summary, summarizeLoops, type TestSummary } from './summary.ts';

/**
 * Writes test-results/faults/summary.json when the run ends: every test's outcome, the kill
 * loop's tallies and the facts the tests recorded. `npx tsx test/faults/results.ts` turns it
 * into RESULTS.md.
 */
export default class SummaryReporter implements Reporter {
  private suite: Suite | null = null;
  private readonly started = Date.now();
  private readonly loadAtStart = loadavg()[0] ?? 0;

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  onEnd(result: FullResult): void {
    const all = this.suite?.allTests() ?? [];
    // Listing the tests (--list) runs none: keep the last run's summary.
    if (!all.some((test) => test.results.length > 0)) return;
    const tests: TestSummary[] = all.map((test) => {
      const last = test.results.at(-1);
      const error = last?.errors[0];
      return {
        title: test.titlePath().filter(Boolean).slice(1).join(' › '),
        status: last?.status ?? 'did not run',
        durationMs: last?.duration ?? 0,
        error: error
          ? stripVTControlCharacters(error.message ?? error.value ?? '')
              .split('\n')
              .slice(0, 12)
              .join('\n')
          : null,
        annotations: [...test.annotations, ...(last?.annotations ?? [])],
      };
    });
    const loops = readParts<{ value?: LoopResult }>('once').flatMap((part) =>
      Array.isArray(part.value?.runs) ? [part.value as LoopResult] : [],
    );
    const facts = Object.fromEntries(
      readParts<Record<string, unknown> & { topic: string }>('facts').map(({ topic, ...rest }) => [
        topic,
        rest,
      ]),
    );
    const chromium = spawnSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).stdout.trim();
    const summary: Summary = {
      date: new Date().toISOString().slice(0, 10),
      seed: suiteSeed(),
      chromium,
      machine: `${cpus().length} CPUs, load average ${this.loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end`,
      durationMs: Date.now() - this.started,
      tests,
      killLoop: summarizeLoops(loops),
      facts,
    };
    mkdirSync(dirname(SUMMARY), { recursive: true });
    writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`faults: ${result.status}; summary in ${SUMMARY}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
