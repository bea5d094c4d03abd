/**
 * `npm run bench`: drives the built board in headless Debian Chromium with real input and
 * records, for maps of 1,000 and 5,000 notes, open to first paint, the main-thread work per
 * frame while panning, zooming and dragging a note (at zoom to fit and at 100%), and the
 * main-thread cost of autosaving one edit; then, on a customer-experience template map with
 * 300 notes in its cells, the work per frame of dragging a stage that holds 60 of them to a new
 * place, and of the drop; then the hostile and extreme files of the after-parse corpus, opened in
 * the app, and merge at scale (hostile-files.ts). Prints the tables and appends them to RESULTS.md.
 */

import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumLaunchOptions } from '../chromium.ts';
import { measureAutosave } from './autosave-cost.ts';
import { createMap, pasteNotes, settle, showMap, zoomPercent } from './board-session.ts';
import { fileTable, runFileBench } from './files.ts';
import { injectFrameProbe } from './frame-probe.ts';
import { boardGestures, measureGesture } from './gestures.ts';
import { hostileTable, runCorpusBench, runMergeBench } from './hostile-files.ts';
import { createInput, type Point } from './input.ts';
import { layoutOf, type View } from './layout.ts';
import { measureOpen } from './open-timing.ts';
import { posterTable, runPosterBench } from './poster.ts';
import { startPreview } from './preview-server.ts';
import { profileMisses } from './profile-misses.ts';
import {
  appendResults,
  type MapFigures,
  markdownTable,
  missesOf,
  profileSection,
  stageMoveMisses,
  stageMoveTable,
  TARGET_NOTES,
  type ViewFigures,
} from './report.ts';
import { type SeedNote, seedNotes } from './seed-notes.ts';
import { benchStageMove } from './stage-move.ts';

const SIZES = [1000, 5000];
const VIEWS: readonly View[] = ['fit', '100%'];
/** A Full HD screen: the usual workshop laptop and projector. */
const VIEWPORT = { width: 1920, height: 1080 };
const OPEN_RUNS = 3;

const benchMap = async (
  browser: Browser,
  baseURL: string,
  notes: readonly SeedNote[],
): Promise<MapFigures> => {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT });
  const page = await context.newPage();
  await injectFrameProbe(page);
  const cdp = await context.newCDPSession(page);
  const input = createInput(cdp);
  const count = notes.length;

  await createMap(page, `Bench, ${count} notes`);
  const seedStart = Date.now();
  await pasteNotes(page, notes);
  const seedMs = Date.now() - seedStart;
  log(`${count} notes pasted and saved in ${seedMs} ms`);

  const views: ViewFigures[] = [];
  let middleNote: Point | null = null;
  for (const view of VIEWS) {
    await showMap(page, view);
    await settle();
    const open = [];
    for (let run = 0; run < OPEN_RUNS; run++) open.push(await measureOpen(page));
    const layout = await layoutOf(page, notes, view);
    if (view === '100%') middleNote = layout.noteOnScreen;
    const reset = async () => {
      await showMap(page, view);
      await settle(200);
    };
    const gestures = [];
    for (const gesture of boardGestures(input, layout)) {
      gestures.push({ name: gesture.name, ...(await measureGesture(page, gesture, reset)) });
      log(`${count} notes, ${view}: ${gesture.name} measured`);
    }
    views.push({ view, zoomPercent: await zoomPercent(page), open, gestures });
  }

  if (!middleNote) throw new Error('The 100% view was not measured');
  await showMap(page, '100%');
  await settle();
  const autosave = await measureAutosave(page, cdp, input, middleNote);
  log(`${count} notes: autosave measured`);
  await context.close();
  return { notes: count, seedMs, views, autosave };
};

const log = (message: string) => console.log(`[bench] ${message}`);

/** Which code was measured: the commit, marked dirty when the working tree has changes. */
const buildName = (): string => {
  const described = spawnSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' });
  return described.status === 0 ? `commit ${described.stdout.trim()}` : 'an unknown commit';
};

const main = async () => {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const server = await startPreview(4174);
  // First, while its browser is the only one: the poster figures include the whole browser's memory.
  const posters = await runPosterBench(server.url);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const figures: MapFigures[] = [];
    for (const count of SIZES) figures.push(await benchMap(browser, server.url, seedNotes(count)));
    const stageMove = await benchStageMove(browser, server.url, VIEWPORT);
    const corpus = await runCorpusBench(browser, server.url);
    await server.stop();
    const files = runFileBench();
    const merges = runMergeBench();

    const misses = missesOf(figures);
    const stageMisses = stageMoveMisses(stageMove);
    const missed = misses.length + stageMisses.length;
    if (missed > 0) log(`${missed} targets missed: profiling them on an unminified build`);
    const profiles = await profileMisses(browser, seedNotes(TARGET_NOTES), misses, VIEWPORT, stageMisses);

    const machine =
      `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]?.toFixed(1)} at the end, ` +
      `headless Chromium ${browser.version()} (${chromiumArgs.join(' ')}), ` +
      `viewport ${VIEWPORT.width}×${VIEWPORT.height}`;
    const date = new Date().toISOString().slice(0, 10);
    const seeding = [
      ...figures.map((map) => `${map.notes} notes pasted and saved in ${map.seedMs} ms`),
      `the template map's 300 notes typed into their cells and saved in ${stageMove.seedMs} ms`,
    ].join('; ');
    const body = [
      `Build: ${buildName()}.`,
      `Machine: ${machine}.`,
      `Seeding: ${seeding}.`,
      '',
      markdownTable(figures),
      '',
      'Moving a stage (issue 3): the customer-experience template, 300 notes in its cells, 60 of them in the moved stage.',
      '',
      stageMoveTable(stageMove),
      '',
      profileSection(TARGET_NOTES, profiles.board),
      profileSection(300, profiles.stageMove),
      '',
      posterTable(posters, date),
      fileTable(files),
      hostileTable(corpus, merges),
    ].join('\n');
    console.log(`\n${body}`);
    appendResults(join(import.meta.dirname, 'RESULTS.md'), `Run of ${date} (${cpus().length} cores)`, body);
    log(`done in ${Math.round((Date.now() - started) / 1000)} s; results appended to test/bench/RESULTS.md`);
  } finally {
    await browser.close();
    await server.stop();
  }
};

await main();
