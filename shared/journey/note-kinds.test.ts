import { describe, expect, test } from 'vitest';
import { parse } from '../format/parse.ts';
import { serialize } from '../format/serialize.ts';
import type { LaneRecord } from '../model/journey-records.ts';
import { newMapFromTemplate } from './create-map.ts';
import { laneNoteKind, typedNoteKind } from './note-kinds.ts';
import { TEMPLATES } from './templates.ts';

const SAVE = { appVersion: '1.0.0', savedAt: 1_733_000_000_000 };

const lane = (role: LaneRecord['role'], noteKind: LaneRecord['noteKind'] = null) => ({ role, noteKind });

const templateWithLanes = () => {
  const template = TEMPLATES.find((candidate) =>
    candidate.lanes.some((entry) => entry.role === 'touchpoints'),
  );
  if (!template) throw new Error('no template with a touchpoints lane');
  return template;
};

describe('the kind of a note typed into a lane', () => {
  test('follows the lane of a template: touchpoints, breakdown points, opportunities, else plain notes', () => {
    const kinds = Object.fromEntries(
      templateWithLanes().lanes.map((entry) => [entry.name, laneNoteKind(lane(entry.role))]),
    );
    expect(kinds).toMatchObject({
      Touchpoints: 'touchpoint',
      'Breakdown points': 'breakdown',
      Opportunities: 'opportunity',
      'Thoughts and feelings': 'note',
      'Customer actions': 'note',
    });
  });

  test("a facilitator's choice for the lane wins over its role", () => {
    expect(laneNoteKind(lane('touchpoints', 'idea'))).toBe('idea');
    expect(laneNoteKind(lane('custom', 'question'))).toBe('question');
  });

  test('a note typed in quotation marks where plain notes go is a customer quote', () => {
    for (const text of [
      '"Too expensive"',
      '“Why so slow?”',
      '« Trop cher »',
      '„Zu teuer“',
      "'meh'",
      '  "spaced"',
    ])
      expect(typedNoteKind(lane('thoughts'), text)).toBe('quote');
    expect(typedNoteKind(lane('thoughts'), 'Too expensive')).toBe('note');
    // Where the lane says what its notes are, a quotation mark changes nothing.
    expect(typedNoteKind(lane('touchpoints'), '"Order online"')).toBe('touchpoint');
  });
});

describe("a lane's kind of new notes in the file", () => {
  test('left out while it follows the role; written, and read back, once chosen', () => {
    const doc = newMapFromTemplate(templateWithLanes(), 'Kinds');
    const first = Object.values(doc.records).find((record): record is LaneRecord => record.type === 'lane');
    if (!first) throw new Error('no lane');
    const lanesOf = (text: string) => (JSON.parse(text) as { lanes: Record<string, unknown>[] }).lanes;
    expect(lanesOf(serialize(doc, SAVE)).some((entry) => 'noteKind' in entry)).toBe(false);

    const text = serialize(
      { id: doc.id, records: { ...doc.records, [first.id]: { ...first, noteKind: 'quote' } } },
      SAVE,
    );
    expect(lanesOf(text).find((entry) => entry.id === first.id)).toMatchObject({ noteKind: 'quote' });
    const read = parse(text);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.document.records[first.id]).toMatchObject({ noteKind: 'quote' });
    expect(read.repairs).toEqual([]);
  });
});
