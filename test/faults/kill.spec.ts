import { expect, test } from '@playwright/test';
import {
  type EditResult,
  type LoopResult,
  MUST_SURVIVE_MS,
  type RunResult,
  runKillLoop,
  type Scenario,
} from './support/kill-loop.ts';
import { suiteSeed } from './support/random.ts';
import { oncePerRun } from './support/record.ts';
import { editingPersona, pastingNotes, renamingHeaders, typingNotes } from './support/scenarios.ts';

/**
 * Kill at random moments (30 runs with the suite's fixed seed). Each scenario's loop runs once,
 * in beforeAll; its tests then each judge one contract from the same runs, so a missing app
 * behaviour fails its own test and the others still say what they found.
 */

const seed = suiteSeed();
/** Most facilitation time is typing notes, so most runs do that. */
const RUNS = { notes: 12, paste: 6, headers: 6, persona: 6 } as const;
/** A run takes 5–12 s (typing, the kill, a relaunch, the app's start, slower on a busy machine). */
const LOOP_TIMEOUT_PER_RUN_MS = 20_000;

const where = (run: RunResult) =>
  `run ${run.run + 1} (killed ${run.trigger.delayMs} ms after input ${run.trigger.op + 1} of ${run.ops}, a keystroke or a paste)`;

const lostEdits = (loop: LoopResult, kinds: readonly EditResult['kind'][]): string[] =>
  loop.runs.flatMap((run) =>
    run.edits
      .filter((edit) => kinds.includes(edit.kind) && edit.ageMs >= MUST_SURVIVE_MS && !edit.present)
      .map((edit) => `${where(run)}: ${edit.kind} edit ${edit.ageMs} ms old lost: ${edit.detail}`),
  );

const tallyOf = (loop: LoopResult, kinds: readonly EditResult['kind'][]): string => {
  const edits = loop.runs.flatMap((run) => run.edits).filter((edit) => kinds.includes(edit.kind));
  const old = edits.filter((edit) => edit.ageMs >= MUST_SURVIVE_MS);
  return `${edits.length} edits (${old.length} at least ${MUST_SURVIVE_MS} ms old at the kill) in ${loop.runs.length} runs`;
};

/** Nothing twice, nothing corrupted, no map gone: checked in every scenario. */
const damage = (loop: LoopResult): string[] =>
  loop.runs.flatMap((run) => [
    ...run.duplicates.map((duplicate) => `${where(run)}: duplicated: ${duplicate}`),
    ...run.corruptions.map((corruption) => `${where(run)}: corrupted: ${corruption}`),
    ...(run.libraryLost ? [`${where(run)}: a map of the library is gone`] : []),
  ]);

const reopenProblems = (loop: LoopResult): string[] =>
  loop.runs.flatMap((run) => {
    const { reopen } = run;
    const problems: string[] = [];
    if (reopen.staleLock)
      problems.push('said the map was open in another window (a lock left by the dead browser)');
    if (reopen.mapName !== reopen.mapExpected) {
      problems.push(
        `showed ${reopen.screen === 'library' ? 'the library' : `"${reopen.mapName}"`}, not "${reopen.mapExpected}"`,
      );
    } else if (reopen.zoomExpected !== null && reopen.zoomSeen !== reopen.zoomExpected) {
      problems.push(`showed the zoom ${reopen.zoomSeen}, not ${reopen.zoomExpected}`);
    }
    return problems.map((problem) => `${where(run)}: the relaunched app ${problem}`);
  });

const editorProblems = (loop: LoopResult): string[] =>
  loop.runs.flatMap((run) => {
    const expected = run.reopen.editorExpected;
    if (!expected) return [];
    const seen = run.reopen.editorSeen;
    if (seen?.label === expected.label && seen.value.startsWith(expected.value)) return [];
    const shown = seen ? `"${seen.label}" holding ${JSON.stringify(seen.value)}` : 'no editor';
    return [
      `${where(run)}: expected the "${expected.label}" editor holding ${JSON.stringify(expected.value)}; saw ${shown}`,
    ];
  });

const killScenario = <P>(scenario: Scenario<P>, runs: number, tests: (loop: () => LoopResult) => void) => {
  test.describe(`kill at random moments: ${scenario.name}`, () => {
    let loop: LoopResult | null = null;
    test.beforeAll(async () => {
      test.setTimeout(60_000 + runs * LOOP_TIMEOUT_PER_RUN_MS);
      loop = await oncePerRun(`kill-${scenario.name}`, () => runKillLoop(scenario, runs, seed));
    });
    tests(() => {
      if (!loop) throw new Error('the kill loop did not run');
      const { annotations } = test.info();
      if (!annotations.some((annotation) => annotation.type === 'runs')) {
        annotations.push({ type: 'runs', description: `${loop.runs.length} (seed ${seed})` });
      }
      return loop;
    });
  });
};

const typingTests = (kind: string) => (loop: () => LoopResult) => {
  test(`finished ${kind} at least ${MUST_SURVIVE_MS} ms old are stored, once, uncorrupted`, () => {
    const lost = lostEdits(loop(), ['finished']);
    test.info().annotations.push({ type: 'edits', description: tallyOf(loop(), ['finished']) });
    expect(lost, `finished ${kind} lost (${tallyOf(loop(), ['finished'])})`).toEqual([]);
    expect(damage(loop()), 'duplicates, corruptions and lost maps').toEqual([]);
  });

  test(`text typed in an open editor at least ${MUST_SURVIVE_MS} ms before the kill is kept as a draft and reopens in its editor`, () => {
    const lost = lostEdits(loop(), ['typed']);
    test.info().annotations.push({ type: 'edits', description: tallyOf(loop(), ['typed']) });
    expect(lost, `typed characters lost (${tallyOf(loop(), ['typed'])})`).toEqual([]);
    expect(editorProblems(loop()), 'editors not reopened with their text').toEqual([]);
  });

  test('the relaunched app shows the map that was open, at its zoom', () => {
    expect(reopenProblems(loop()), 'relaunches that lost the place').toEqual([]);
  });
};

killScenario(typingNotes, RUNS.notes, typingTests('notes'));
killScenario(renamingHeaders, RUNS.headers, typingTests('stage and lane renames'));
killScenario(editingPersona, RUNS.persona, typingTests('persona fields'));
killScenario(pastingNotes, RUNS.paste, (loop) => {
  test(`every paste is stored all or nothing, and whole once ${MUST_SURVIVE_MS} ms old`, () => {
    const partial = loop().runs.flatMap((run) => run.partialPastes.map((paste) => `${where(run)}: ${paste}`));
    test.info().annotations.push({ type: 'edits', description: tallyOf(loop(), ['paste']) });
    expect(partial, 'pastes stored in part').toEqual([]);
    expect(lostEdits(loop(), ['paste']), `pastes lost (${tallyOf(loop(), ['paste'])})`).toEqual([]);
    expect(damage(loop()), 'duplicates, corruptions and lost maps').toEqual([]);
  });

  test('the relaunched app shows the map that was open, at its zoom', () => {
    expect(reopenProblems(loop()), 'relaunches that lost the place').toEqual([]);
  });
});
