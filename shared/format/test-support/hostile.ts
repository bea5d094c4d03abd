/**
 * Helpers for the hostile-input tests (not used by the app): open a file the way the app does,
 * check the answer is one a user can act on, and count the cases.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { JourneyDocument } from '../../model/document.ts';
import { markShared } from '../document.ts';
import { UNEXPECTED_FAILURE } from '../messages.ts';
import { type ParseResult, parse } from '../parse.ts';
import { COLLECTIONS, MAP_SPEC } from '../records/registry.ts';
import { serialize } from '../serialize.ts';
import { arbitraryDocument } from './maps.ts';

/** No single file may take longer than this to open or refuse. */
export const CASE_TIME_LIMIT_MS = 2000;

const MESSAGES = {
  'not-a-map': /^This file is not a Journeywall map\.$/,
  'newer-version':
    /^This map was made with a newer version of Journeywall \(format \d+\)\. Update Journeywall to open it\.$/,
  damaged: /^This map file is damaged: .+\.$/,
  'too-large': /^This (file|map) is too large to open \(.+; the limit is .+\)\.$/,
} as const;

const VALIDATORS = new Map<string, (record: unknown) => { readonly success: boolean }>([
  [MAP_SPEC.type, MAP_SPEC.validate],
  ...COLLECTIONS.map(({ spec }) => [spec.type, spec.validate] as const),
]);

let cases = 0;
export const casesRun = (): number => cases;

/**
 * Parses like the app, within the time limit. A refusal must be one of the four messages; a map
 * must hold only valid records under their own ids, and saving it again must need no repair.
 * Each check asserts only when it fails: a hundred thousand passing assertions would take most
 * of the run's time.
 */
export const openSafely = (input: string | Uint8Array, checkResave = true): ParseResult => {
  cases++;
  const started = performance.now();
  const result = parse(input);
  const elapsed = performance.now() - started;
  if (elapsed >= CASE_TIME_LIMIT_MS) expect(elapsed).toBeLessThan(CASE_TIME_LIMIT_MS);
  if (!result.ok) {
    const { kind, message } = result.error;
    if (!MESSAGES[kind].test(message) || message.includes(UNEXPECTED_FAILURE)) {
      expect(message).toMatch(MESSAGES[kind]);
      expect(message).not.toContain(UNEXPECTED_FAILURE);
    }
    return result;
  }
  expectSound(result.document);
  if (checkResave) {
    const again = parse(serialize(result.document, { appVersion: 'test', savedAt: 0 }));
    if (!again.ok || again.repairs.length > 0) expect(again.ok && again.repairs).toEqual([]);
  }
  return result;
};

/**
 * Every record valid under its own id, and every live note where the app can show it: in a live
 * scenario (there is at least one), in a cell of a live stage and lane or outside the grid.
 * Problems are collected and checked once: an assertion per record would dominate the run time.
 */
const expectSound = (document: JourneyDocument): void => {
  const problems: string[] = [];
  if (document.records[document.id]?.type !== 'map') problems.push('no map record');
  const live = (type: string) =>
    new Set(
      Object.values(document.records)
        .filter((record) => record.type === type && !record.isDeleted)
        .map((record) => record.id),
    );
  const [scenarios, stages, lanes] = [live('scenario'), live('stage'), live('lane')];
  if (scenarios.size === 0) problems.push('no live scenario');
  for (const [id, record] of Object.entries(document.records)) {
    if (record.id !== id) problems.push(`${id} holds ${record.id}`);
    if (!VALIDATORS.get(record.type)?.(record).success) problems.push(`${id} is invalid`);
    if (record.type !== 'note' || record.isDeleted) continue;
    if (!scenarios.has(record.scenarioId)) problems.push(`${id} is in no live scenario`);
    const inCell =
      record.stageId !== null &&
      record.laneId !== null &&
      stages.has(record.stageId) &&
      lanes.has(record.laneId);
    if (!inCell && (record.stageId !== null || record.laneId !== null))
      problems.push(`${id} is in no live cell`);
  }
  expect(problems).toEqual([]);
};

/**
 * Valid map texts drawn once per test file: the mutations supply the variety, and drawing a
 * fresh map for each of 100,000 cases would take most of the suite's time.
 */
export const mapTextPool = (
  size: number,
  seed: number,
  maxNotes = 3,
  maxStructure = 1,
): fc.Arbitrary<string> =>
  fc.constantFrom(...fc.sample(arbitraryMapText(maxNotes, maxStructure), { numRuns: size, seed }));

/** The text of a valid map with a few records of every type, as serialize writes it. */
export const arbitraryMapText = (maxNotes = 4, maxStructure = 1): fc.Arbitrary<string> =>
  arbitraryDocument(maxNotes, maxStructure).map((doc) =>
    serialize(markShared(doc), { appVersion: '0.1.0', savedAt: 1 }),
  );

/**
 * The text of a valid preliminary backup (format 0): its map record and notes as the builds
 * before the first release wrote them, without the journey fields.
 */
export const arbitraryBackupText = (maxNotes = 4): fc.Arbitrary<string> =>
  arbitraryDocument(maxNotes, 1).map((doc) => {
    const records = Object.values(doc.records).flatMap((record): Record<string, unknown>[] => {
      const { id, type, version, versionNonce, updated, isDeleted, synced } = record;
      const bookkeeping = {
        id,
        type,
        version,
        versionNonce,
        updated,
        isDeleted,
        ...(synced ? { synced } : {}),
      };
      if (record.type === 'map') return [{ ...bookkeeping, name: record.name, created: record.created }];
      if (record.type !== 'note') return [];
      const { x, y, w, h, text, color, z, conflictOf } = record;
      return [{ ...bookkeeping, x, y, w, h, text, color, z, ...(conflictOf ? { conflictOf } : {}) }];
    });
    return JSON.stringify({
      format: 'journeywall-backup',
      version: 1,
      savedAt: 1,
      document: {
        id: doc.id,
        records: Object.fromEntries(records.map((record) => [String(record.id), record])),
      },
    });
  });

export type Path = readonly (string | number)[];

/** Every place in a parsed JSON value, found without recursion. */
export const pathsIn = (root: unknown): Path[] => {
  const paths: Path[] = [];
  const pending: [unknown, Path][] = [[root, []]];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next) break;
    const [value, path] = next;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, Array.isArray(value) ? Number(key) : key];
      paths.push(childPath);
      pending.push([child, childPath]);
    }
  }
  return paths;
};

/** Replaces the value at `path` (or deletes it, for undefined) in a JSON value parsed afresh. */
export const replaceAt = (text: string, path: Path, replacement: unknown): unknown => {
  const root: unknown = JSON.parse(text);
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1];
  if (last === undefined || typeof parent !== 'object' || parent === null) return replacement;
  if (replacement === undefined && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[last];
  else
    Object.defineProperty(parent, last, {
      value: replacement,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return root;
};

/** Every place in each pool text with the value there, found once per text: the pools are reused. */
const placesOf = new Map<string, { readonly paths: Path[]; readonly values: unknown[] }>();

/**
 * A place in a map's text chosen by `pick` (any number, taken modulo the places that fit): one
 * whose value `fits` and whose path `within` accepts.
 */
export const placeIn = (
  text: string,
  pick: number,
  fits: (value: unknown) => boolean = () => true,
  within: (path: Path) => boolean = () => true,
): Path => {
  let places = placesOf.get(text);
  if (!places) {
    const root: unknown = JSON.parse(text);
    const paths = pathsIn(root);
    places = { paths, values: paths.map((path) => valueAt(root, path)) };
    placesOf.set(text, places);
  }
  const { paths, values } = places;
  const fitting = paths.filter((path, index) => fits(values[index]) && within(path));
  return fitting[pick % fitting.length] ?? [];
};

export const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], root);
