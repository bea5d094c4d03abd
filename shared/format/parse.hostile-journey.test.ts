import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { FILE_LIMITS } from '../model/limits.ts';
import { casesRun, mapTextPool, openSafely, type Path, placeIn, replaceAt } from './test-support/hostile.ts';
import { HOSTILE_CASES } from './test-support/hostile-budget.ts';
import { arbitraryId } from './test-support/maps.ts';

/**
 * Damaged journeys: maps with several stages, lanes, scenarios, personas and votes whose fields,
 * note places and references are broken. None may throw, take over 2 s or open unsoundly; a note
 * whose scenario, stage or lane is missing is moved, never lost.
 */

const runs = (numRuns: number) => ({ numRuns });
const TIMEOUT = 60_000;
const journeyText = mapTextPool(300, 5, 6, 3);

const JOURNEY_LISTS = new Set(['stages', 'lanes', 'scenarios', 'personas', 'votes']);
const MAP_SETTINGS = new Set(['activePersonaId', 'connectedType', 'showCategories', 'insightSettings']);
const PLACE_FIELDS = new Set(['scenarioId', 'stageId', 'laneId']);

/** Inside a stage, lane, scenario, persona or vote, the map's journey settings, or a note's place. */
const inJourney = (path: Path): boolean => {
  const [list, , field] = path;
  if (typeof list !== 'string') return false;
  if (JOURNEY_LISTS.has(list)) return path.length >= 2;
  if (list === 'map') return typeof path[1] === 'string' && MAP_SETTINGS.has(path[1]);
  return list === 'notes' && path.length === 3 && typeof field === 'string' && PLACE_FIELDS.has(field);
};

/** Values a journey field should never hold, written as JSON so non-finite numbers can be too. */
const hostileLiteral = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
  fc.constantFrom(
    'null',
    'true',
    '""',
    '[]',
    '{}',
    '1e999',
    '-1e999',
    '1e308',
    '-0',
    '0.5',
    '-4',
    '4',
    '99999',
    '9007199254740993',
    '2147483648',
    '"toString"',
    '"a/b"',
    '"telepathy"',
    '"current"',
    '"touchpoints"',
    `"${'x'.repeat(65)}"`,
    `"${'n'.repeat(FILE_LIMITS.maxNameLength + 1)}"`,
    `"${'t'.repeat(FILE_LIMITS.maxTextLength + 1)}"`,
    '{"effortless":9,"productive":"easy","painless":null}',
    '{"maxTouchpoints":0,"maxStampShare":2,"lowEmotion":-1.5}',
    '{"not an id":1}',
    '{"toString":1}',
    '{"a":1e999}',
    '{"a":-7,"b":2.6}',
    '[{"a":21}]',
    '[{},{"toString":1}]',
    '["breakdown","telepathy"]',
    JSON.stringify(Array.from({ length: FILE_LIMITS.maxVoters + 1 }, () => ({}))),
    JSON.stringify(
      Object.fromEntries(Array.from({ length: FILE_LIMITS.maxEmotions + 1 }, (_, i) => [`s${i}`, 0])),
    ),
  ),
);

/** The live records of one list of a parsed file, by id. */
const idsIn = (file: Record<string, unknown>, list: string): string[] =>
  Array.isArray(file[list]) ? (file[list] as { id: string }[]).map((record) => record.id) : [];

const noteIdsIn = (file: Record<string, unknown>): string[] =>
  (file.notes as { notes: { id: string }[] }[]).flatMap((group) => group.notes.map((note) => note.id));

describe('parse survives damaged journeys', () => {
  test(
    'any field of a stage, lane, scenario, persona, vote, journey setting or note place replaced or removed',
    () => {
      fc.assert(
        fc.property(
          journeyText,
          fc.nat(),
          fc.option(hostileLiteral, { nil: undefined }),
          (text, pick, literal) => {
            const place = placeIn(text, pick, () => true, inJourney);
            fc.pre(place.length > 0);
            const marked = JSON.stringify(
              replaceAt(text, place, literal === undefined ? undefined : '@@value@@'),
            );
            openSafely(literal === undefined ? marked : marked.replace('"@@value@@"', literal));
          },
        ),
        runs(8_000),
      );
    },
    TIMEOUT,
  );

  test(
    'notes whose scenario, stage or lane is missing, deleted or of another type are moved, never lost',
    () => {
      const damage = fc.record({
        kind: fc.constantFrom('repoint', 'delete', 'remove', 'retype'),
        list: fc.constantFrom('scenarios', 'stages', 'lanes'),
        pick: fc.nat(),
        target: fc.oneof(arbitraryId, fc.nat()),
      });
      fc.assert(
        fc.property(journeyText, fc.array(damage, { minLength: 1, maxLength: 4 }), (text, damages) => {
          const file = JSON.parse(text);
          const notes = noteIdsIn(file);
          const field = { scenarios: 'scenarioId', stages: 'stageId', lanes: 'laneId' } as const;
          for (const { kind, list, pick, target } of damages) {
            const records: { id: string; isDeleted?: boolean }[] = file[list];
            const groups: Record<string, unknown>[] = file.notes;
            if (kind === 'repoint' && groups.length > 0) {
              // A group of notes names a record that is not there, or one of another type.
              const group = groups[pick % groups.length] as Record<string, unknown>;
              const others = [...idsIn(file, 'stages'), ...idsIn(file, 'lanes'), ...idsIn(file, 'personas')];
              group[field[list]] =
                typeof target === 'string' ? target : (others[target % Math.max(1, others.length)] ?? 'gone');
            } else if (kind === 'delete' && records.length > 0) {
              const record = records[pick % records.length];
              if (record) record.isDeleted = true;
            } else if (kind === 'remove' && records.length > 0) records.splice(pick % records.length, 1);
            else if (kind === 'retype' && records.length > 0) {
              // A record moves to another list: a scenario filed as a stage, say.
              const [record] = records.splice(pick % records.length, 1);
              const into = list === 'stages' ? 'lanes' : 'stages';
              if (record) file[into] = [...(file[into] ?? []), record];
            }
          }
          const result = openSafely(JSON.stringify(file));
          // The record moved to another list may be invalid there; anything else opens.
          if (!result.ok) {
            expect(damages.some(({ kind }) => kind === 'retype')).toBe(true);
            return;
          }
          const opened = Object.values(result.document.records).filter((record) => record.type === 'note');
          expect(opened).toHaveLength(notes.length);
        }),
        runs(4_000),
      );
    },
    TIMEOUT,
  );
});

afterAll(() => {
  // Each hostile test file's share of the 100,000 cases: see test-support/hostile-budget.ts.
  expect(casesRun()).toBeGreaterThanOrEqual(HOSTILE_CASES['parse.hostile-journey.test.ts']);
});
