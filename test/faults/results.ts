/**
 * Turns the last run's test-results/faults/summary.json into test/faults/RESULTS.md:
 *
 *   npx playwright test -c test/faults/playwright.config.ts   # writes the summary
 *   npx tsx test/faults/results.ts                             # rewrites RESULTS.md from it
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGE_BUCKETS, MUST_SURVIVE_MS, VIEWPORT_MUST_SURVIVE_MS } from './support/kill-loop.ts';
import { ROOT, SUMMARY } from './support/paths.ts';
import type { Summary, Tally } from './support/summary.ts';

const source = process.argv[2] ?? SUMMARY;
if (!existsSync(source)) {
  console.error(
    `No ${source}: run the fault suite first (npx playwright test -c test/faults/playwright.config.ts)`,
  );
  process.exit(1);
}
const summary = JSON.parse(readFileSync(source, 'utf8')) as Summary;
const loop = summary.killLoop;

const cell = (text: string): string =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  [head, head.map(() => '---'), ...rows]
    .map((row) => `| ${row.map((value) => cell(String(value))).join(' | ')} |`)
    .join('\n');
const lost = ({ edits, lost }: Tally): string => `${lost} of ${edits}`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const passed = summary.tests.filter((test) => test.status === 'passed').length;

const facts = Object.entries(summary.facts).flatMap(([topic, values]) =>
  Object.entries(values).map(([key, value]) => [
    topic,
    key,
    typeof value === 'string' ? value : JSON.stringify(value),
  ]),
);

const markdown = `# Fault suite results

Run of ${summary.date}: Chromium ${summary.chromium.replace(/^Chromium\s*/, '')}, seed ${summary.seed},
${passed} of ${summary.tests.length} tests passed, in ${seconds(summary.durationMs)}${summary.machine ? ` (${summary.machine})` : ''}.
Regenerate with \`npx playwright test -c test/faults/playwright.config.ts && npx tsx test/faults/results.ts\`
(the suite writes \`test-results/faults/summary.json\`; this file is made from it).

## Tests

The kill tests judge runs made once per scenario before them: their time is the scenario's
below.

${table(
  ['Test', 'Result', 'Time', 'Why it failed'],
  summary.tests.map((test) => [
    test.title,
    test.status,
    seconds(test.durationMs),
    test.error?.split('\n')[0] ?? '',
  ]),
)}

## Kill at random moments

${loop.runs} runs, each SIGKILLing Chromium 0–1,000 ms after a random keystroke or paste, then
relaunching it on the same profile. An edit is a typed character, a finished edit (Tab or Enter:
a note, a stage or lane name, a persona field) or a paste. Every edit at least ${MUST_SURVIVE_MS} ms old
at the kill must be stored; younger ones may be lost.

${table(
  [
    'Runs',
    'Edits',
    ...AGE_BUCKETS.map((bucket) => `Lost, ${bucket} old`),
    'Duplicates',
    'Pastes stored in part',
    'Runs with corruption',
    'Libraries lost',
  ],
  [
    [
      loop.runs,
      loop.edits,
      ...AGE_BUCKETS.map((bucket) => lost(loop.allByAge[bucket])),
      loop.duplicates,
      loop.partialPastes,
      loop.corruptions,
      loop.librariesLost,
    ],
  ],
)}

Finished edits and pastes alone (what is stored without drafts):
${AGE_BUCKETS.map((bucket) => `${bucket} old: ${lost(loop.finishedByAge[bucket])} lost`).join('; ')}.

${table(
  ['Kind', 'Edits', 'Lost (any age)'],
  Object.entries(loop.byKind).map(([kind, tally]) => [kind, tally.edits, tally.lost]),
)}

${table(
  ['Scenario', 'Runs', 'Edits', `Lost, ≥${MUST_SURVIVE_MS} ms old`, 'Time'],
  loop.scenarios.map((scenario) => [
    scenario.name,
    scenario.runs,
    scenario.edits,
    scenario.lostOld,
    seconds(scenario.durationMs),
  ]),
)}

After the ${loop.runs} relaunches (checks counted only where they apply):

${table(
  ['The relaunched app showed', 'Times', 'Of'],
  [
    ['the map that was open', loop.reopenedMap.edits - loop.reopenedMap.lost, loop.reopenedMap.edits],
    [
      `its zoom, set ${VIEWPORT_MUST_SURVIVE_MS.toLocaleString('en-US')} ms or more before the kill`,
      loop.zoomKept.edits - loop.zoomKept.lost,
      loop.zoomKept.edits,
    ],
    [
      `the open editor with its text, typed ${MUST_SURVIVE_MS} ms or more before the kill`,
      loop.editorRestored.edits - loop.editorRestored.lost,
      loop.editorRestored.edits,
    ],
    ['"open in another window" left by the dead browser', loop.staleLocks, loop.runs],
  ],
)}

## What the other tests saw

${table(['Test', 'Fact', 'Value'], facts)}
`;

writeFileSync(join(ROOT, 'test', 'faults', 'RESULTS.md'), markdown);
console.log(`Wrote test/faults/RESULTS.md from ${source}`);
