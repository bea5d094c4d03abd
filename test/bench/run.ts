/**
 * `npm run bench`: drives the built board in headless Debian Chromium with real input and
 * records, for maps of 1,000 and 5,000 notes, open to first paint, the main-thread work per
 * frame while panning, zooming and dragging a note (at zoom to fit and at 100%), and the
 * main-thread cost of autosaving one edit; then, on a customer-experience template map with
 * 300 notes in its cells, the work per frame of dragging a stage that holds 60 of them to a new
 * place, and of the drop; then the hostile and extreme files of the after-parse corpus, opened in
 * the app, and merge at scale (hostile-files.ts); then, on a 5,000-note customer-experience map,
 * the frames of present mode's moves from step to step and what voting adds to a keypress
 * (issue 10); how long the main thread keeps working after a 5,000-note map opens (issue 15); and
 * the room under load: 50 phones writing 10 notes each in a minute, on loopback, to the desktop
 * app's real main process under the shell harness (issue 13, room-load.ts).
 * Prints the tables and appends them to RESULTS.md.
 *
 * Sections can be run alone, by name: `tsx test/bench/run.ts present votes` (after
 * `npm run build:renderer`; the room section builds main and preload itself, as the shell
 * suites do, and needs the renderer and participant page of `npm run build`); with none named,
 * every section runs.
 */

import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumLaunchOptions } from '../chromium.ts';
import { zoomPercent } from '../e2e/support/journeywall.ts';
import { injectAnimationFrames } from './animation-frames.ts';
import { measureAutosave } from './autosave-cost.ts';
import { createMap, pasteNotes, settle, showMap } from './board-session.ts';
import { fileTable, runFileBench } from './files.ts';
import { injectFrameProbe } from './frame-probe.ts';
import { boardGestures, measureGesture } from './gestures.ts';
import { hostileTable, runCorpusBench, runMergeBench } from './hostile-files.ts';
import { createInput, type Point } from './input.ts';
import { layoutOf, type View } from './layout.ts';
import { measureOpen } from './open-timing.ts';
import { type PosterFigures, posterTable, runPosterBench } from './poster.ts';
import { benchPresentMotion } from './present-motion.ts';
import { startPreview } from './preview-server.ts';
import { profileMisses } from './profile-misses.ts';
import { measureQuietAfterOpen, quietTable } from './quiet-after-open.ts';
import {
  appendResults,
  type MapFigures,
  markdownTable,
  missesOf,
  presentTable,
  profileSection,
  stageMoveMisses,
  stageMoveTable,
  TARGET_NOTES,
  type ViewFigures,
  voteKeyTable,
} from './report.ts';
import { benchRoomLoad, roomLoadTable } from './room-load.ts';
import { type SeedNote, seedNotes } from './seed-notes.ts';
import { benchStageMove } from './stage-move.ts';
import { measureSteps, waitUntilIdle } from './step-work.ts';
import { benchVoteKeys } from './vote-keypress.ts';

const SIZES = [1000, 5000];
const VIEWS: readonly View[] = ['fit', '100%'];
/** A Full HD screen: the usual workshop laptop and projector. */
const VIEWPORT = { width: 1920, height: 1080 };
const OPEN_RUNS = 3;
const EMPTY_STEPS = 20;

const benchMap = async (
  browser: Browser,
  baseURL: string,
  notes: readonly SeedNote[],
): Promise<MapFigures> => {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT });
  const page = await context.newPage();
  await injectFrameProbe(page);
  await injectAnimationFrames(page);
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
    // The floor: steps with no input, in which the probe runs no task but the old probe's frame.
    await reset();
    await waitUntilIdle(page, cdp);
    const emptySteps = await measureSteps(
      page,
      cdp,
      Array.from({ length: EMPTY_STEPS }, () => async () => undefined),
    );
    const gestures = [];
    for (const gesture of boardGestures(input, layout)) {
      gestures.push({ name: gesture.name, ...(await measureGesture(page, cdp, gesture, reset)) });
      log(`${count} notes, ${view}: ${gesture.name} measured`);
    }
    views.push({ view, zoomPercent: await zoomPercent(page), open, emptySteps, gestures });
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

/** The sections of a run, in the order they run. */
const SECTIONS = ['posters', 'board', 'stage-move', 'files', 'present', 'votes', 'quiet', 'room'] as const;
type Section = (typeof SECTIONS)[number];

/** The sections named on the command line; every one when none is named. */
const chosenSections = (names: readonly string[]): ReadonlySet<Section> => {
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`No bench section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
  return new Set(names.length === 0 ? SECTIONS : (names as Section[]));
};

/** Runs `work` when its section is chosen; null when it is not. */
const when = async <T>(sections: ReadonlySet<Section>, section: Section, work: () => Promise<T> | T) =>
  sections.has(section) ? await work() : null;

/** Which code was measured: the commit, marked dirty when the working tree has changes. */
const buildName = (): string => {
  const described = spawnSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' });
  return described.status === 0 ? `commit ${described.stdout.trim()}` : 'an unknown commit';
};

const main = async () => {
  const sections = chosenSections(process.argv.slice(2));
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const server = await startPreview(4174);
  // First, while its browser is the only one: the poster figures include the whole browser's memory.
  const posters: PosterFigures[] | null = await when(sections, 'posters', () => runPosterBench(server.url));
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const figures: MapFigures[] = [];
    if (sections.has('board'))
      for (const count of SIZES) figures.push(await benchMap(browser, server.url, seedNotes(count)));
    const stageMove = await when(sections, 'stage-move', () => benchStageMove(browser, server.url, VIEWPORT));
    const corpus = await when(sections, 'files', () => runCorpusBench(browser, server.url));
    const present = await when(sections, 'present', () => benchPresentMotion(browser, server.url));
    const votes = await when(sections, 'votes', () => benchVoteKeys(browser, server.url));
    const quiet = await when(sections, 'quiet', () => measureQuietAfterOpen(browser, server.url));
    await server.stop();
    // The desktop app under the shell harness, with a Chromium of its own (room-load.ts).
    const room = await when(sections, 'room', benchRoomLoad);
    const files = await when(sections, 'files', runFileBench);
    const merges = await when(sections, 'files', runMergeBench);

    // Shown before profiling, which takes minutes: a profile that fails loses no figures.
    if (figures.length > 0) console.log(`\n${markdownTable(figures)}\n`);
    const misses = missesOf(figures);
    const stageMisses = stageMove ? stageMoveMisses(stageMove) : [];
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
      ...(stageMove
        ? [`the template map's 300 notes typed into their cells and saved in ${stageMove.seedMs} ms`]
        : []),
    ];
    const chosen = sections.size === SECTIONS.length ? '' : `Sections: ${[...sections].join(', ')}.`;
    const body = [
      `Build: ${buildName()}.`,
      `Machine: ${machine}.`,
      ...(chosen ? [chosen] : []),
      ...(seeding.length > 0 ? [`Seeding: ${seeding.join('; ')}.`] : []),
      '',
      ...(figures.length > 0 ? [markdownTable(figures), ''] : []),
      ...(stageMove
        ? [
            'Moving a stage (issue 3): the customer-experience template, 300 notes in its cells, 60 of them in the moved stage.',
            '',
            stageMoveTable(stageMove),
            '',
          ]
        : []),
      ...(present
        ? [
            'Present mode (issue 10): the 5,000-note customer-experience map, every frame of each move between steps.',
            '',
            presentTable(present),
            '',
          ]
        : []),
      ...(votes
        ? [
            'Voting (issue 10): keypresses on one note of the 5,000-note map, with and without a vote running.',
            '',
            voteKeyTable(votes),
            '',
          ]
        : []),
      ...(quiet ? [quietTable(quiet), ''] : []),
      ...(room ? [roomLoadTable(room), ''] : []),
      profileSection(TARGET_NOTES, profiles.board),
      profileSection(300, profiles.stageMove),
      '',
      ...(posters ? [posterTable(posters, date)] : []),
      ...(files ? [fileTable(files)] : []),
      ...(corpus && merges ? [hostileTable(corpus, merges)] : []),
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
