import { describe, expect, test } from 'vitest';
import { parse } from '../../shared/format/parse.ts';
import { serialize } from '../../shared/format/serialize.ts';
import { layoutGrid } from '../../shared/journey/layout.ts';
import { merge } from '../../shared/merge/merge.ts';
import { scenariosOf } from '../../shared/model/document.ts';
import { updateNote } from '../../shared/model/edits.ts';
import { FILE_LIMITS } from '../../shared/model/limits.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { PAST_LIMITS, WITHIN_LIMITS } from '../corpus/after-parse.ts';

/**
 * Every file of the corpus through what follows a successful read, in Node: layout of every
 * scenario, an edit, save, reopen, and merging the edited copy back (twice). What was saved is
 * checked from its raw JSON, by hand, not by the reader.
 */

type Raw = Record<string, unknown>;

/** Problems in a saved file, counted from its JSON: what the app could not open, draw or merge. */
const problemsOfSaved = (text: string): string[] => {
  const problems: string[] = [];
  if (text.length > FILE_LIMITS.maxBytes) problems.push(`${text.length} bytes`);
  const file = JSON.parse(text) as Raw;
  const list = (key: string) => (Array.isArray(file[key]) ? (file[key] as Raw[]) : []);
  const groups = list('notes');
  const notes = groups.flatMap((group) => (group.notes as Raw[]).map((note) => ({ ...group, ...note })));
  const records =
    1 +
    list('stages').length +
    list('lanes').length +
    list('scenarios').length +
    list('personas').length +
    list('votes').length +
    notes.length;
  if (records > FILE_LIMITS.maxRecords) problems.push(`${records} records`);
  const live = (rows: Raw[]) => rows.filter((row) => row.isDeleted !== true);
  if (live(list('stages')).length > FILE_LIMITS.maxStages) problems.push('too many stages');
  if (live(list('lanes')).length > FILE_LIMITS.maxLanes) problems.push('too many lanes');
  if (live(list('votes')).length > FILE_LIMITS.maxVotes) problems.push('too many votes');
  const cells = new Map<string, number>();
  const ids = new Set<string>();
  for (const note of notes) {
    if (ids.has(String(note.id))) problems.push(`note id ${String(note.id)} twice`);
    ids.add(String(note.id));
    // A field the file leaves out takes its default; one it has must be a finite number.
    for (const field of ['x', 'y', 'slot', 'version'] as const)
      if (field in note && (typeof note[field] !== 'number' || !Number.isFinite(note[field])))
        problems.push(`${field} of ${String(note.id)}`);
    if (Math.abs(Number(note.x ?? 0)) > FILE_LIMITS.maxCoordinate)
      problems.push(`${String(note.id)} off the board`);
    if (Number(note.version ?? 1) > FILE_LIMITS.maxVersion) problems.push(`${String(note.id)} version`);
    if (note.isDeleted === true || note.stageId === undefined || note.stageId === null) continue;
    const cell = `${String(note.scenarioId)} ${String(note.stageId)} ${String(note.laneId)}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  for (const [cell, count] of cells)
    if (count > FILE_LIMITS.maxNotesPerCell) problems.push(`${count} notes in ${cell}`);
  return problems;
};

const liveNotes = (records: Record<string, unknown>): NoteRecord[] =>
  Object.values(records).filter(
    (record): record is NoteRecord =>
      (record as NoteRecord).type === 'note' && !(record as NoteRecord).isDeleted,
  );

describe('files within every limit: open, lay out, edit, save, reopen, merge', { timeout: 60_000 }, () => {
  test.each(WITHIN_LIMITS.map((file) => [file.name, file] as const))('%s', (_, file) => {
    if (!('opens' in file.expect)) throw new Error('a file within the limits must open');
    const read = parse(file.text());
    if (!read.ok) throw new Error(read.error.message);
    const doc = read.document;
    expect(liveNotes(doc.records)).toHaveLength(file.expect.opens);
    // Every note is laid out once, at a place on the board.
    const drawn = scenariosOf(doc).flatMap((scenario) => layoutGrid(doc, scenario.id).notes);
    expect(drawn).toHaveLength(file.expect.opens);
    expect(drawn.every((note) => Number.isFinite(note.x) && Number.isFinite(note.y))).toBe(true);

    const [first] = liveNotes(doc.records);
    if (!first) throw new Error('no note');
    const records = { ...doc.records };
    const edited = { id: doc.id, records };
    updateNote(edited, first.id, { text: `${first.text} (edited)`, x: first.x + 10 });
    const saved = serialize(edited, { appVersion: 'corpus', savedAt: 1 });
    expect(problemsOfSaved(saved)).toEqual([]);

    const reopened = parse(saved);
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.repairs).toEqual([]);
    expect(liveNotes(reopened.document.records)).toHaveLength(file.expect.opens);

    const merged = merge(doc, reopened.document);
    if (!merged.ok) throw new Error(merged.error.message);
    expect(merged.summary).toMatchObject({ updated: 1, conflicts: 0 });
    expect(problemsOfSaved(serialize(merged.document, { appVersion: 'corpus', savedAt: 2 }))).toEqual([]);
    const again = merge(merged.document, reopened.document);
    expect(again.ok && again.document).toEqual(merged.document);
  });
});

describe('files past a limit are refused with a message naming it', () => {
  test.each(PAST_LIMITS.map((file) => [file.name, file] as const))('%s', (_, file) => {
    if (!('refused' in file.expect)) throw new Error('a file past a limit must be refused');
    const read = parse(file.text());
    expect(read.ok ? 'opened' : read.error.message).toMatch(file.expect.refused);
  });
});
