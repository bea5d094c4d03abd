import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { BACKUP_DELAY_MS } from '../../renderer/persistence/backup.ts';
import type { AutosaveFigures } from './autosave-cost.ts';
import type { GestureFigures } from './gestures.ts';
import type { View } from './layout.ts';
import type { OpenFigures } from './open-timing.ts';
import type { MoveKind, MoveSample, PresentRun } from './present-motion.ts';
import type { Miss, MissProfile } from './profile-misses.ts';
import type { StageMoveRun } from './stage-move.ts';
import { median, type Summary, summarize } from './stats.ts';
import { MAX_GAP, type StepWork } from './step-work.ts';
import type { KeySeries, VoteKeyRun } from './vote-keypress.ts';

export interface ViewFigures {
  readonly view: View;
  readonly zoomPercent: number;
  readonly open: readonly OpenFigures[];
  /** Steps with no input: what runs in a step's window on its own (the probe runs no task there but the old probe's frame). */
  readonly emptySteps: readonly StepWork[];
  readonly gestures: readonly (GestureFigures & { readonly name: string })[];
}

export interface MapFigures {
  readonly notes: number;
  readonly seedMs: number;
  readonly views: readonly ViewFigures[];
  readonly autosave: AutosaveFigures;
}

export const TARGETS = {
  firstPaint: 1000,
  frame: 1000 / 60,
  autosave: 10,
  stageMove: 1000 / 60,
  presentFrame: 1000 / 60,
  voteAdds: 1,
} as const;
/** The map size the targets apply to. */
export const TARGET_NOTES = 5000;

/** One measured figure against its target. */
interface Check {
  readonly notes: number;
  readonly view: View;
  readonly what: string;
  readonly p50: number;
  readonly high: number;
  readonly judged: number;
  readonly target: number;
  readonly targetText: string;
  readonly extra: string;
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '–');

const checksOf = (figures: MapFigures): Check[] => {
  const { notes } = figures;
  const checks: Check[] = [];
  for (const view of figures.views) {
    const open = view.open.map((run) => run.openToFirstPaint);
    const navigation = view.open.map((run) => run.navigationToBoard);
    checks.push({
      notes,
      view: view.view,
      what: 'open',
      p50: median(open),
      high: Math.max(...open),
      judged: median(open),
      target: TARGETS.firstPaint,
      targetText: `≤ ${TARGETS.firstPaint}`,
      extra: `navigation start → board on screen ${ms(median(navigation))}`,
    });
    const empty = summarize(view.emptySteps.map((step) => step.trace));
    checks.push({
      notes,
      view: view.view,
      what: 'empty step',
      p50: empty.p50,
      high: empty.p95,
      judged: empty.p95,
      target: Number.POSITIVE_INFINITY,
      targetText: 'reported',
      extra: `no input: what the main thread runs in a step's window when nothing is sent (the probe runs no task there but the old probe's one frame); ${readingsCost(view.emptySteps)}`,
    });
    for (const gesture of view.gestures) {
      const work = summarize(gesture.steps.map((step) => step.trace));
      const old = summarize(gesture.steps.map((step) => step.old.work));
      const handling = summarize(gesture.steps.map((step) => step.old.handling));
      const draw = summarize(gesture.steps.map((step) => step.old.draw));
      const latency = summarize(gesture.steps.map((step) => step.old.latency));
      const worker = summarize(gesture.steps.map((step) => step.worker));
      const notQuiet = gesture.steps.filter((step) => !step.quiet).length;
      const ends =
        gesture.name === 'drag one note'
          ? `; pick up ${ms(gesture.setUp.trace)}, drop ${ms(gesture.tearDown.trace)}`
          : '';
      checks.push({
        notes,
        view: view.view,
        what: gesture.name,
        p50: work.p50,
        high: work.p95,
        judged: work.p95,
        target: TARGETS.frame,
        targetText: `p95 ≤ ${ms(TARGETS.frame)}`,
        extra:
          `${work.count} steps, max ${ms(work.max)}; ${crossCheck(gesture.steps)}; ` +
          `board workers (off the main thread) p50 ${ms(worker.p50)} p95 ${ms(worker.p95)}; ` +
          `old probe p50 ${ms(old.p50)} p95 ${ms(old.p95)} (input handling p50 ${ms(handling.p50)}, Konva draw p50 ${ms(draw.p50)}; latency p95 ${ms(latency.p95)})${ends}` +
          (notQuiet > 0 ? `; **${notQuiet} steps never went quiet**` : ''),
      });
      const { continuous } = gesture;
      const perFrame = summarize(continuous.frames);
      const interval = summarize(continuous.intervals);
      checks.push({
        notes,
        view: view.view,
        what: `${gesture.name}${CONTINUOUS}`,
        p50: perFrame.p50,
        high: perFrame.p95,
        judged: perFrame.p95,
        target: TARGETS.frame,
        targetText: `p95 ≤ ${ms(TARGETS.frame)}`,
        extra:
          `max ${ms(perFrame.max)}; ${perFrame.count} frames, ${continuous.inputRate.toFixed(0)} inputs/s; ` +
          `${wholeCrossCheck(continuous.trace, continuous.devtools)}; ` +
          `board workers ${ms(continuous.worker)} over the gesture; ` +
          `rAF interval p50 ${ms(interval.p50)} p95 ${ms(interval.p95)}, ${droppedFrames(continuous.intervals)} frames dropped`,
      });
    }
  }
  const save = summarize(figures.autosave.save);
  const edit = summarize(figures.autosave.edit.map((step) => step.work));
  const { longTasks } = figures.autosave;
  checks.push({
    notes,
    view: '100%',
    what: 'autosave',
    p50: save.p50,
    high: save.max,
    judged: save.p50,
    target: TARGETS.autosave,
    targetText: `≤ ${TARGETS.autosave}`,
    extra: `the nudge's own frame p50 ${ms(edit.p50)}; tasks over 50 ms: ${longTasks.length}`,
  });
  const backup = summarize(figures.autosave.backup);
  checks.push({
    notes,
    view: '100%',
    what: 'backup',
    p50: backup.p50,
    high: backup.max,
    judged: backup.p50,
    target: Number.POSITIVE_INFINITY,
    targetText: 'reported',
    extra: `the whole map serialised and written, ${BACKUP_DELAY_MS / 1000} s after the edit`,
  });
  return checks;
};

/** How far apart two figures are, as a share of the DevTools one. */
const gapOf = (trace: number, devtools: number): number => Math.abs(trace - devtools) / devtools;

/**
 * The DevTools cross-check of the same steps (TaskDuration's growth per step) and its gap from
 * the trace's figures at p50 and p95; a gap over 20 % is flagged, as it means the probe is wrong.
 */
export const crossCheck = (
  steps: readonly (Pick<StepWork, 'trace' | 'devtools'> & Partial<Pick<StepWork, 'probe'>>)[],
): string => {
  const trace = summarize(steps.map((step) => step.trace));
  const devtools = summarize(steps.map((step) => step.devtools));
  const gap = Math.max(gapOf(trace.p50, devtools.p50), gapOf(trace.p95, devtools.p95));
  const flag = gap > MAX_GAP ? ` **over ${MAX_GAP * 100} %: the probe is wrong**` : '';
  const probes = steps.flatMap((step) => (step.probe === undefined ? [] : [step.probe]));
  const own = probes.length > 0 ? summarize(probes) : null;
  return (
    `DevTools TaskDuration p50 ${ms(devtools.p50)} p95 ${ms(devtools.p95)} max ${ms(devtools.max)}, ` +
    `gap ${(gap * 100).toFixed(0)} %${flag}` +
    (own
      ? `; the probes' own callbacks, taken out of both: p50 ${ms(own.p50)} p95 ${ms(own.p95)} max ${ms(own.max)}`
      : '')
  );
};

/**
 * The empty step's cross-check: TaskDuration's window holds the trace's and, besides, the first
 * reading's own task, which is most of an empty step, so the two differ by that reading's cost,
 * given in ms; no share of so small a figure says anything about the probe.
 */
const readingsCost = (steps: readonly Pick<StepWork, 'trace' | 'devtools'>[]): string => {
  const devtools = summarize(steps.map((step) => step.devtools));
  const cost = summarize(steps.map((step) => step.devtools - step.trace));
  return `DevTools TaskDuration p50 ${ms(devtools.p50)} p95 ${ms(devtools.p95)}; the first reading's own task (DevTools − trace) p50 ${ms(cost.p50)}`;
};

/** One run's whole work from the trace against DevTools TaskDuration's, with their gap. */
const wholeCrossCheck = (trace: number, devtools: number): string => {
  const gap = gapOf(trace, devtools);
  const flag = gap > MAX_GAP ? ` **over ${MAX_GAP * 100} %: the probe is wrong**` : '';
  return `the whole gesture ${ms(trace)}, DevTools TaskDuration ${ms(devtools)}, gap ${(gap * 100).toFixed(0)} %${flag}`;
};

/** The row of a gesture run continuously, judged per frame (gestures.ts's ContinuousFigures). */
const CONTINUOUS = ', continuous: each frame';

const LABELS: Readonly<Record<string, string>> = {
  open: 'open map → first paint',
  autosave: 'autosave of one edit (main thread)',
  'empty step': 'empty step (no input)',
  backup: 'file backup after an edit (main thread)',
};

/** Figures at the target size that miss their target. */
export const missesOf = (figures: readonly MapFigures[]): Miss[] =>
  figures
    .flatMap(checksOf)
    .filter(
      (check) =>
        check.notes >= TARGET_NOTES && check.what !== 'empty step' && !(check.judged <= check.target),
    )
    // A gesture that misses either way is profiled once, as its paced steps.
    .map(({ view, what }) => ({ view, what: what.replace(CONTINUOUS, '') }))
    .filter(
      (miss, index, all) =>
        all.findIndex((other) => other.view === miss.view && other.what === miss.what) === index,
    );

export const markdownTable = (figures: readonly MapFigures[]): string => {
  const lines = [
    '| notes | view | measured | p50 ms | p95 (max) ms | also | target ms | met |',
    '| ---: | --- | --- | ---: | ---: | --- | --- | --- |',
  ];
  for (const map of figures) {
    const zoom = new Map(map.views.map((view) => [view.view, view.zoomPercent]));
    for (const check of checksOf(map)) {
      // The frame budget holds at 1,000 notes too (issue 15); the other targets are set at 5,000.
      const judged = check.target === TARGETS.frame || check.notes >= TARGET_NOTES;
      const met =
        !judged || !Number.isFinite(check.target) ? '' : check.judged <= check.target ? 'yes' : '**no**';
      const view = check.view === 'fit' ? `fit (${zoom.get('fit')}%)` : '100%';
      lines.push(
        `| ${check.notes} | ${view} | ${LABELS[check.what] ?? check.what} | ${ms(check.p50)} | ${ms(check.high)} | ${check.extra} | ${check.targetText} | ${met} |`,
      );
    }
  }
  return lines.join('\n');
};

/** Stage-move views whose drag steps miss p95 ≤ 16.7 ms. */
export const stageMoveMisses = (run: StageMoveRun): View[] =>
  run.views
    .filter((view) => !(summarize(view.steps.map((step) => step.trace)).p95 <= TARGETS.stageMove))
    .map((view) => view.view);

/**
 * Issue 3's case: the drag steps of moving a stage (judged: p95 of each step's work under the
 * stricter probe ≤ 16.7 ms), and the drop that reorders the stages and reflows the map
 * (reported; one frame is 16.7 ms).
 */
export const stageMoveTable = (run: StageMoveRun): string => {
  const lines = [
    '| notes | view | measured | p50 ms | p95 (max) ms | also | target ms | met |',
    '| ---: | --- | --- | ---: | ---: | --- | --- | --- |',
  ];
  for (const view of run.views) {
    const where = view.view === 'fit' ? `fit (${view.zoomPercent}%)` : '100%';
    const notes = `${view.notes} (${view.stageNotes} in the stage)`;
    const work = summarize(view.steps.map((step) => step.trace));
    const old = summarize(view.steps.map((step) => step.old.work));
    const worker = summarize(view.steps.map((step) => step.worker));
    const latency = summarize(view.steps.map((step) => step.old.latency));
    const frames = summarize(view.intervals);
    const pickUp = summarize(view.pickUps.map((step) => step.trace));
    const met = work.p95 <= TARGETS.stageMove ? 'yes' : '**no**';
    lines.push(
      `| ${notes} | ${where} | move a stage: drag steps (${work.count}) | ${ms(work.p50)} | ${ms(work.p95)} | ` +
        `${crossCheck(view.steps)}; board workers p50 ${ms(worker.p50)} p95 ${ms(worker.p95)}; ` +
        `old probe p50 ${ms(old.p50)} p95 ${ms(old.p95)}, latency p95 ${ms(latency.p95)}; ` +
        `rAF interval p50 ${ms(frames.p50)} p95 ${ms(frames.p95)}; pick up p50 ${ms(pickUp.p50)} (max ${ms(pickUp.max)}) | ` +
        `p95 ≤ ${ms(TARGETS.stageMove)} | ${met} |`,
    );
    const drop = summarize(view.drops.map((step) => step.trace));
    const dropHandling = summarize(view.drops.map((step) => step.old.handling));
    const dropWorker = summarize(view.drops.map((step) => step.worker));
    lines.push(
      `| ${notes} | ${where} | move a stage: drop, reorder and reflow (${drop.count}) | ${ms(drop.p50)} | ${ms(drop.max)} | ` +
        `${crossCheck(view.drops)}; input handling (edit, layout, React) p50 ${ms(dropHandling.p50)}; ` +
        `board workers p50 ${ms(dropWorker.p50)} | one frame is ${ms(TARGETS.frame)} | |`,
    );
  }
  return lines.join('\n');
};

const PRESENT_MOVES: readonly { readonly kind: MoveKind | 'all'; readonly label: string }[] = [
  { kind: 'zoom', label: 'the whole map ↔ the first stage (Page Down, Home)' },
  { kind: 'stage', label: 'stage to stage (digit keys, on and back)' },
  { kind: 'boundary', label: 'across a stage boundary (Page Up, Page Down)' },
  { kind: 'all', label: 'every move' },
];

/** Frames a run of intervals stands for that were never drawn (an interval of two frames: one). */
const droppedFrames = (intervals: readonly number[]): number =>
  intervals.reduce((sum, interval) => sum + Math.max(0, Math.round(interval / TARGETS.frame) - 1), 0);

/**
 * Issue 10: present mode's move from step to step on the 5,000-note map, every frame of each
 * move's animation, per kind of move and screen size. Judged (issue 15's probe): p95 of each
 * frame's work from the trace, every task from its start to the next frame's, ≤ 16.7 ms.
 */
export const presentTable = (run: PresentRun): string => {
  const lines = [
    '| notes | screen | measured | p50 ms | p95 (max) ms | also | target ms | met |',
    '| ---: | --- | --- | ---: | ---: | --- | --- | --- |',
  ];
  for (const view of run.views) {
    for (const { kind, label } of PRESENT_MOVES) {
      const moves: readonly MoveSample[] =
        kind === 'all' ? view.moves : view.moves.filter((move) => move.kind === kind);
      const frames = moves.flatMap((move) => move.frames);
      const work = summarize(moves.flatMap((move) => move.frameWork));
      const old = summarize(frames.map((frame) => frame.work));
      const withTasks = summarize(frames.map((frame) => frame.withTasks));
      const intervals = frames.map((frame) => frame.interval);
      const interval = summarize(intervals);
      const dropped = droppedFrames(intervals);
      const key = summarize(moves.map((move) => move.handling));
      const whole = summarize(moves.map((move) => move.trace));
      const notQuiet = moves.filter((move) => !move.quiet).length;
      const met = work.p95 <= TARGETS.presentFrame ? 'yes' : '**no**';
      lines.push(
        `| ${run.notes} (${view.steps} steps) | ${view.width}×${view.height} | present: ${label} ` +
          `(${moves.length} moves, ${work.count} frames) | ${ms(work.p50)} | ${ms(work.p95)} (${ms(work.max)}) | ` +
          `a whole move, key to quiet: p50 ${ms(whole.p50)} p95 ${ms(whole.p95)}, ${crossCheck(moves)}` +
          `${notQuiet > 0 ? `, ${notQuiet} never quiet` : ''}; ` +
          `old probe p50 ${ms(old.p50)} p95 ${ms(old.p95)}, with the tasks queued in the frame p95 ${ms(withTasks.p95)}; ` +
          `rAF interval p50 ${ms(interval.p50)} p95 ${ms(interval.p95)} max ${ms(interval.max)}, ` +
          `${dropped} frames dropped (of ${frames.length + dropped}); ` +
          `key handling p50 ${ms(key.p50)} (max ${ms(key.max)}) | p95 ≤ ${ms(TARGETS.presentFrame)} | ${met} |`,
      );
    }
  }
  return lines.join('\n');
};

const keyFigures = (series: KeySeries) => ({
  work: summarize(series.steps.map((step) => step.trace)),
  old: summarize(series.steps.map((step) => step.old.work)),
  handling: summarize(series.steps.map((step) => step.old.handling)),
  frames: summarize(series.steps.map((step) => step.old.frames)),
  draw: summarize(series.steps.map((step) => step.old.draw)),
  latency: summarize(series.steps.map((step) => step.old.latency)),
});

const signed = (value: number): string => (value >= 0 ? `+${ms(value)}` : ms(value));

const difference = (a: Summary, b: Summary) => ({ p50: a.p50 - b.p50, p95: a.p95 - b.p95 });

/**
 * Issue 10: what voting adds to a keypress on the 5,000-note map (judged: the dot keys' p50
 * work minus the nudge's without a vote, ≤ 1 ms), with the three series it comes from.
 */
export const voteKeyTable = (run: VoteKeyRun): string => {
  const lines = [
    '| notes | view | measured | p50 ms | p95 (max) ms | also | target ms | met |',
    '| ---: | --- | --- | ---: | ---: | --- | --- | --- |',
  ];
  const where = `${run.width}×${run.height}`;
  for (const series of [run.nudge, run.dots, run.nudgeWhileVoting]) {
    const { work, old, handling, frames, draw, latency } = keyFigures(series);
    lines.push(
      `| ${run.notes} | ${where} | keypress: ${series.name} (${work.count}) | ${ms(work.p50)} | ${ms(work.p95)} (${ms(work.max)}) | ` +
        `${crossCheck(series.steps)}; old probe p50 ${ms(old.p50)} p95 ${ms(old.p95)} (input handling p50 ${ms(handling.p50)}, ` +
        `frame work p50 ${ms(frames.p50)}, Konva draw p50 ${ms(draw.p50)}; latency p95 ${ms(latency.p95)}) | reported | |`,
    );
  }
  const nudge = keyFigures(run.nudge);
  const dots = keyFigures(run.dots);
  const adds = difference(dots.work, nudge.work);
  const met = adds.p50 <= TARGETS.voteAdds ? 'yes' : '**no**';
  lines.push(
    `| ${run.notes} | ${where} | what voting adds: dot key − nudge without a vote | ${signed(adds.p50)} | ${signed(adds.p95)} | ` +
      `old probe p50 ${signed(dots.old.p50 - nudge.old.p50)} (input handling p50 ${signed(dots.handling.p50 - nudge.handling.p50)}, ` +
      `frame work p50 ${signed(dots.frames.p50 - nudge.frames.p50)}) | p50 ≤ ${ms(TARGETS.voteAdds)} | ${met} |`,
  );
  const running = keyFigures(run.nudgeWhileVoting);
  const nudgeAdds = difference(running.work, nudge.work);
  lines.push(
    `| ${run.notes} | ${where} | what a running vote adds to a nudge | ${signed(nudgeAdds.p50)} | ${signed(nudgeAdds.p95)} | ` +
      `old probe p50 ${signed(running.old.p50 - nudge.old.p50)} (input handling p50 ${signed(running.handling.p50 - nudge.handling.p50)}, ` +
      `frame work p50 ${signed(running.frames.p50 - nudge.frames.p50)}) | reported | |`,
  );
  return lines.join('\n');
};

export const profileSection = (notes: number, profiles: readonly MissProfile[]): string => {
  const parts: string[] = [];
  for (const profile of profiles) {
    parts.push(
      `What dominates, ${notes} notes, ${profile.view}, ${LABELS[profile.what] ?? profile.what}:`,
      '',
    );
    parts.push(
      `- main thread by trace event (self ms): ${profile.phases.map((phase) => `${phase.name} ${ms(phase.self)}`).join(', ')}`,
    );
    parts.push(
      `- JavaScript by function (self ms): ${profile.hot.map((fn) => `\`${fn.name}\` ${ms(fn.self)}`).join(', ')}`,
    );
    parts.push('');
  }
  return parts.join('\n');
};

/** Appends one run to RESULTS.md under its date and machine. */
export const appendResults = (file: string, heading: string, body: string): void => {
  const previous = existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : '# Board benchmark results';
  writeFileSync(file, `${previous}\n\n## ${heading}\n\n${body.trim()}\n`);
};
