import { AGE_BUCKETS, type AgeBucket, ageBucket, type LoopResult, MUST_SURVIVE_MS } from './kill-loop.ts';

/** The machine-readable result of a fault suite run: test-results/faults/summary.json. */
export interface Summary {
  /** The day of the run (YYYY-MM-DD). */
  readonly date: string;
  readonly seed: number;
  readonly chromium: string;
  /** CPUs and load: the kill loop's timings depend on them. */
  readonly machine?: string;
  readonly durationMs: number;
  readonly tests: readonly TestSummary[];
  readonly killLoop: KillLoopSummary;
  /** What the other tests observed (disk method, the page's error, notices...), by topic. */
  readonly facts: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface TestSummary {
  readonly title: string;
  /** passed, failed, timedOut, skipped, interrupted, or "did not run". */
  readonly status: string;
  readonly durationMs: number;
  /** The first lines of the first error, without colours. */
  readonly error: string | null;
  readonly annotations: readonly { readonly type: string; readonly description?: string }[];
}

export interface Tally {
  readonly edits: number;
  readonly lost: number;
}

export interface KillLoopSummary {
  readonly runs: number;
  readonly edits: number;
  /** Edits and losses by kind: a typed character, a finished edit (Tab/Enter), a paste. */
  readonly byKind: Readonly<Record<string, Tally>>;
  /** Edits and losses by their age at the kill; only finished edits and pastes. */
  readonly finishedByAge: Readonly<Record<AgeBucket, Tally>>;
  /** Every kind, typed characters included (those need drafts). */
  readonly allByAge: Readonly<Record<AgeBucket, Tally>>;
  readonly duplicates: number;
  readonly partialPastes: number;
  readonly corruptions: number;
  readonly librariesLost: number;
  /** Relaunches that showed the map that was open, of all relaunches. */
  readonly reopenedMap: Tally;
  readonly zoomKept: Tally;
  readonly editorRestored: Tally;
  readonly staleLocks: number;
  readonly scenarios: readonly {
    readonly name: string;
    readonly runs: number;
    readonly edits: number;
    readonly lostOld: number;
    readonly durationMs: number;
  }[];
}

const tally = (edits: number, lost: number): Tally => ({ edits, lost });

const byAge = (loops: readonly LoopResult[], kinds: readonly string[]): Record<AgeBucket, Tally> => {
  const result = Object.fromEntries(AGE_BUCKETS.map((bucket) => [bucket, { edits: 0, lost: 0 }])) as Record<
    AgeBucket,
    { edits: number; lost: number }
  >;
  for (const edit of allEdits(loops)) {
    if (!kinds.includes(edit.kind)) continue;
    const bucket = result[ageBucket(edit.ageMs)];
    bucket.edits++;
    if (!edit.present) bucket.lost++;
  }
  return result;
};

const allEdits = (loops: readonly LoopResult[]) =>
  loops.flatMap((loop) => loop.runs.flatMap((run) => run.edits));

export const summarizeLoops = (loops: readonly LoopResult[]): KillLoopSummary => {
  const runs = loops.flatMap((loop) => loop.runs);
  const edits = allEdits(loops);
  const kinds = [...new Set(edits.map((edit) => edit.kind))].sort();
  const count = (predicate: (run: (typeof runs)[number]) => boolean) => runs.filter(predicate).length;
  const withZoom = runs.filter((run) => run.reopen.zoomExpected !== null);
  const withEditor = runs.filter((run) => run.reopen.editorExpected !== null);
  return {
    runs: runs.length,
    edits: edits.length,
    byKind: Object.fromEntries(
      kinds.map((kind) => {
        const ofKind = edits.filter((edit) => edit.kind === kind);
        return [kind, tally(ofKind.length, ofKind.filter((edit) => !edit.present).length)];
      }),
    ),
    finishedByAge: byAge(loops, ['finished', 'paste']),
    allByAge: byAge(loops, ['typed', 'finished', 'paste']),
    duplicates: runs.reduce((sum, run) => sum + run.duplicates.length, 0),
    partialPastes: runs.reduce((sum, run) => sum + run.partialPastes.length, 0),
    corruptions: count((run) => run.corruptions.length > 0),
    librariesLost: count((run) => run.libraryLost),
    reopenedMap: tally(
      runs.length,
      count((run) => run.reopen.mapName !== run.reopen.mapExpected),
    ),
    zoomKept: tally(
      withZoom.length,
      withZoom.filter((run) => run.reopen.zoomSeen !== run.reopen.zoomExpected).length,
    ),
    editorRestored: tally(
      withEditor.length,
      withEditor.filter(
        (run) =>
          run.reopen.editorSeen?.label !== run.reopen.editorExpected?.label ||
          !run.reopen.editorSeen?.value.startsWith(run.reopen.editorExpected?.value ?? ''),
      ).length,
    ),
    staleLocks: count((run) => run.reopen.staleLock),
    scenarios: loops.map((loop) => {
      const loopEdits = allEdits([loop]);
      return {
        name: loop.scenario,
        runs: loop.runs.length,
        edits: loopEdits.length,
        lostOld: loopEdits.filter((edit) => edit.ageMs >= MUST_SURVIVE_MS && !edit.present).length,
        durationMs: loop.durationMs,
      };
    }),
  };
};
