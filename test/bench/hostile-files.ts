/**
 * Hostile and extreme map files (issue 9): the after-parse corpus (test/corpus/after-parse.ts)
 * opened in the built app, each in a fresh profile, timed from choosing the file to a drawn board
 * or the refusal message, with the longest main-thread task meanwhile; the reader's time for each
 * in Node; and merge at scale. Targets: a file within the limits on a drawn board in ≤ 3 s with
 * no main-thread task over 200 ms; a file past a limit refused in ≤ 1 s; a merge of two
 * 5,000-note copies with every note changed ≤ 1 s, and one too big to merge refused ≤ 1 s.
 * Runs inside `npm run bench`, or alone: `npx tsx test/bench/hostile-files.ts`.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { markShared } from '../../shared/format/document.ts';
import { parse } from '../../shared/format/parse.ts';
import { serialize } from '../../shared/format/serialize.ts';
import { realisticMap } from '../../shared/format/test-support/maps.ts';
import { merge } from '../../shared/merge/merge.ts';
import { pileMap } from '../../shared/merge/test-support.ts';
import { type JourneyDocument, liveNotesByZ } from '../../shared/model/document.ts';
import { type MutableDocument, updateNote } from '../../shared/model/edits.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { type CorpusFile, PAST_LIMITS, WITHIN_LIMITS } from '../corpus/after-parse.ts';
import { interceptFileChoosers } from '../e2e/support/journeywall.ts';
import { startPreview } from './preview-server.ts';
import { appendResults } from './report.ts';

const TARGETS = { openMs: 3000, taskMs: 200, refuseMs: 1000, mergeMs: 1000 } as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const timed = (work: () => void): number => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

export interface CorpusFigure {
  readonly name: string;
  readonly megabytes: number;
  readonly within: boolean;
  readonly readerMs: number;
  /** Choosing the file to the drawn board, or to the refusal message. */
  readonly uiMs: number;
  /** The longest main-thread task meanwhile (tasks under 50 ms are not reported by the browser). */
  readonly longestTaskMs: number;
  readonly outcome: string;
}

const FIRST_PAINT = 'journeywall:open-to-first-paint';

const openInUi = async (
  browser: Browser,
  baseURL: string,
  path: string,
  within: boolean,
): Promise<{ ms: number; longest: number; outcome: string }> => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
  const page: Page = interceptFileChoosers(await context.newPage());
  await page.addInitScript(() => {
    const tasks: number[][] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask' });
    Object.assign(window, { __longTasks: tasks });
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'New map' }).waitFor();
  const chooser = page.waitForEvent('filechooser', { timeout: 60_000 });
  await page.keyboard.press('Control+o');
  const start = await page.evaluate(() => performance.now());
  await (await chooser).setFiles(path);
  let outcome: string;
  if (within) {
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_PAINT, {
      timeout: 60_000,
      polling: 'raf',
    });
    outcome = 'drawn';
  } else {
    const dialog = page.getByRole('dialog', { name: /Couldn't open/ });
    await dialog.waitFor({ timeout: 60_000 });
    outcome = ((await dialog.textContent()) ?? '')
      .replace(/^.*?\.cxmap/, '')
      .replace(/OK$/, '')
      .trim();
  }
  const end = await page.evaluate(() => performance.now());
  const longest = await page.evaluate(
    ([from, to]) =>
      Math.max(
        0,
        ...(window as unknown as { __longTasks: number[][] }).__longTasks
          .filter(([at]) => (at ?? 0) >= (from ?? 0) && (at ?? 0) <= (to ?? 0))
          .map(([, duration]) => duration ?? 0),
      ),
    [start, end],
  );
  await context.close();
  return { ms: end - start, longest, outcome };
};

export const runCorpusBench = async (browser: Browser, baseURL: string): Promise<CorpusFigure[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'journeywall-corpus-'));
  const figures: CorpusFigure[] = [];
  try {
    const files: [CorpusFile, boolean][] = [
      ...WITHIN_LIMITS.map((file): [CorpusFile, boolean] => [file, true]),
      ...PAST_LIMITS.map((file): [CorpusFile, boolean] => [file, false]),
    ];
    for (const [index, [file, within]] of files.entries()) {
      const text = file.text();
      const path = join(dir, `corpus-${index}.cxmap`);
      writeFileSync(path, text);
      const readerMs = median([0, 1, 2].map(() => timed(() => parse(text))));
      const ui = await openInUi(browser, baseURL, path, within);
      figures.push({
        name: file.name,
        megabytes: text.length / 1e6,
        within,
        readerMs,
        uiMs: ui.ms,
        longestTaskMs: ui.longest,
        outcome: ui.outcome,
      });
      console.log(
        `[bench] corpus: ${file.name}: ${ui.ms.toFixed(0)} ms, longest task ${ui.longest.toFixed(0)} ms`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
};

export interface MergeFigures {
  readonly everyNoteMs: number;
  readonly everyNoteConflicts: number;
  readonly refusalMs: number;
  readonly refusal: string;
}

const changeEvery = (doc: JourneyDocument, label: string): JourneyDocument => {
  const copy: MutableDocument = { id: doc.id, records: { ...doc.records } };
  for (const note of liveNotesByZ(doc)) updateNote(copy, note.id, { text: `${note.text} (${label})` });
  return copy;
};

export const runMergeBench = (): MergeFigures => {
  const opened = parse(serialize(markShared(realisticMap(5000, 7)), { appVersion: '0', savedAt: 1 }));
  if (!opened.ok) throw new Error(opened.error.message);
  const ours = changeEvery(opened.document, 'facilitator');
  const theirs = changeEvery(opened.document, 'team lead');
  let conflicts = 0;
  const everyNoteMs = median(
    [0, 1, 2].map(() =>
      timed(() => {
        const result = merge(ours, theirs);
        if (!result.ok) throw new Error(result.error.message);
        conflicts = result.summary.conflicts;
      }),
    ),
  );
  const big = markShared(pileMap(100_000));
  const [bigOurs, bigTheirs] = [changeEvery(big, 'blue'), changeEvery(big, 'pink')];
  let refusal = '';
  const refusalMs = timed(() => {
    const result = merge(bigOurs, bigTheirs);
    refusal = result.ok ? 'merged' : result.error.message;
  });
  return { everyNoteMs, everyNoteConflicts: conflicts, refusalMs, refusal };
};

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const met = (ok: boolean) => (ok ? 'met ✓' : 'missed ✗');

export const hostileTable = (corpus: readonly CorpusFigure[], merges: MergeFigures): string =>
  [
    '### Hostile and extreme files (issue 9)',
    '',
    'Each file of the after-parse corpus (`test/corpus/after-parse.ts`) opened with Ctrl+O in a fresh',
    'profile of the built app: from choosing the file to the drawn board (first frame with its notes) or',
    'to the refusal message, and the longest main-thread task meanwhile (the browser reports tasks of',
    '50 ms and more; 0 means none). The reader alone (Node, median of 3) for comparison.',
    '',
    '| File | Size | Reader (Node) | To board / message | Longest task | Outcome | Target | |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...corpus.map((figure) => {
      const ok = figure.within
        ? figure.uiMs <= TARGETS.openMs && figure.longestTaskMs <= TARGETS.taskMs
        : figure.uiMs <= TARGETS.refuseMs;
      const target = figure.within ? '≤ 3 s, tasks ≤ 200 ms' : 'refused ≤ 1 s';
      return `| ${figure.name} | ${figure.megabytes.toFixed(1)} MB | ${ms(figure.readerMs)} | ${ms(figure.uiMs)} | ${ms(figure.longestTaskMs)} | ${figure.outcome} | ${target} | ${met(ok)} |`;
    }),
    '',
    '| Merge | Time | Result | Target | |',
    '| --- | ---: | --- | --- | --- |',
    `| two 5,000-note copies, every note changed on both sides (median of 3) | ${ms(merges.everyNoteMs)} | ${merges.everyNoteConflicts.toLocaleString('en-US')} conflicts | ≤ 1 s | ${met(merges.everyNoteMs <= TARGETS.mergeMs)} |`,
    `| two 100,000-note copies, every note changed on both sides (too big to merge) | ${ms(merges.refusalMs)} | ${merges.refusal} | refused ≤ 1 s | ${met(merges.refusalMs <= TARGETS.refuseMs && merges.refusal !== 'merged')} |`,
    '',
  ].join('\n');

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPreview(4174);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const corpus = await runCorpusBench(browser, server.url);
    const merges = runMergeBench();
    const table = hostileTable(corpus, merges);
    console.log(table);
    const date = new Date().toISOString().slice(0, 10);
    appendResults(join(import.meta.dirname, 'RESULTS.md'), `Hostile files, ${date}`, table);
  } finally {
    await browser.close();
    await server.stop();
  }
}
