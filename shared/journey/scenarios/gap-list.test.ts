import { describe, expect, it } from 'vitest';
import { liveNotesByZ } from '../../model/document.ts';
import { addNote, deleteRecords, updateNote } from '../../model/edits.ts';
import type { ScenarioRecord, StageRecord } from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import { updateRecord } from '../../model/update.ts';
import { csvField, escapeMarkdown } from '../list-export.ts';
import { parseCsv } from '../test-support/csv.ts';
import { gapDotsOf } from '../votes/gap-dots-of.ts';
import { addDot, nextVoter, revealVote, startVote } from '../votes/vote-edits.ts';
import { compareScenarios } from './compare.ts';
import { createScenarioFrom } from './create-scenario-from.ts';
import type { GapOrder } from './gap-dots.ts';
import { GAP_LIST_COLUMNS, gapListCsv } from './gap-list-csv.ts';
import { gapListMarkdown } from './gap-list-markdown.ts';
import { gapListText } from './gap-list-text.ts';
import { gapListNames, kindBesideChange } from './gap-rows.ts';
import { type TestMap, testMap } from './test-support.ts';

const setEmotions = (map: TestMap, scenarioId: string, emotions: Record<string, number>) => {
  const record = map.doc.records[scenarioId] as ScenarioRecord;
  map.doc.records[scenarioId] = updateRecord(record, { emotions });
};

const copyOf = (map: TestMap, original: NoteRecord): NoteRecord => {
  const copy = liveNotesByZ(map.doc).find((note) => note.origin === original.id);
  if (!copy) throw new Error(`no copy of ${original.text}`);
  return copy;
};

/** The workshop's redesign on the three lifecycle stages, with something to list in two of them. */
const redesigned = () => {
  const map = testMap('lifecycle');
  const phone = map.put('Introduction', 'Touchpoints', {
    text: 'Orders toner by phone',
    kind: 'touchpoint',
    channel: 'phone',
  });
  const wrong = map.put('Maturity', 'Breakdown points', { text: 'Which cartridge fits?', kind: 'breakdown' });
  setEmotions(map, map.currentId, { [map.stageId('Introduction')]: -2 });
  createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
  updateNote(map.doc, copyOf(map, phone).id, {
    text: 'Printer orders its own toner',
    channel: 'web',
    wow: true,
  });
  deleteRecords(map.doc, [copyOf(map, wrong).id]);
  map.put('Maturity', 'Touchpoints', {
    scenarioId: map.idealId,
    text: 'Yearly check-in call',
    kind: 'touchpoint',
    channel: 'phone',
    ratings: { effortless: 4, productive: null, painless: 5 },
  });
  setEmotions(map, map.idealId, { [map.stageId('Introduction')]: 1 });
  return map;
};

const gapList = (map: TestMap) => {
  const comparison = compareScenarios(map.doc, map.currentId, map.idealId);
  return { comparison, names: gapListNames(map.doc, comparison) };
};

describe('the kind beside a change', () => {
  it('is left out where the change already names it', () => {
    expect(kindBesideChange({ change: 'Touchpoint added', kind: 'Touchpoint' })).toBe('');
    expect(kindBesideChange({ change: 'Breakdown point resolved', kind: 'Breakdown point' })).toBe('');
    expect(kindBesideChange({ change: 'Touchpoint changed', kind: 'Opportunity' })).toBe('Opportunity');
  });
});

describe('the gap list as text', () => {
  it('reads stage by stage, with each gap, what changed and the totals', () => {
    const { comparison, names } = gapList(redesigned());
    expect(gapListText(comparison, names)).toBe(
      [
        'Gap list: Home printer toner',
        'Current → Ideal',
        '',
        'Introduction',
        '  - Touchpoint changed: "Orders toner by phone" → "Printer orders its own toner" (text changed; channel: Phone → Web; now a stamp of authenticity)',
        '  - Emotion changed: -2 → +1 (better by 3)',
        '',
        'Growth',
        '  No change.',
        '',
        'Maturity',
        '  - Touchpoint added: "Yearly check-in call" (Phone; effortless 4, painless 5)',
        '  - Breakdown point resolved: "Which cartridge fits?" (removed in Ideal)',
        '',
        'Totals',
        '  - Touchpoints: 1 added, 0 removed, 1 changed',
        '  - Breakdown points: 1 resolved, 0 still open (0 carried over unchanged)',
        '  - Emotion: better in 1 stage, worse in 0 stages',
        '',
      ].join('\n'),
    );
  });

  it('shows open breakdown points, moves, kind changes and notes outside the grid', () => {
    const map = testMap('lifecycle');
    map.put('Growth', 'Breakdown points', { text: 'Runs out\nbefore a deadline', kind: 'breakdown' });
    const ad = map.put('Introduction', 'Touchpoints', { text: 'TV ad', kind: 'touchpoint' });
    const shop = map.put('Growth', 'Touchpoints', { text: 'Web shop', kind: 'touchpoint' });
    createScenarioFrom(map.doc, map.currentId, { name: 'Automatic', kind: 'ideal' });
    updateNote(map.doc, copyOf(map, ad).id, { stageId: map.stageId('Growth'), slot: -1 });
    updateNote(map.doc, copyOf(map, shop).id, { kind: 'note' });
    addNote(map.doc, { x: 5000, y: 0, scenarioId: map.idealId, text: 'Forum', kind: 'breakdown' });
    setEmotions(map, map.idealId, { [map.stageId('Maturity')]: 2 });
    const { comparison, names } = gapList(map);

    expect(gapListText(comparison, names)).toContain(
      [
        'Growth',
        '  - Touchpoint changed: "TV ad" (moved: Introduction → Growth)',
        '  - Touchpoint changed: "Web shop" (kind: Touchpoint → Note)',
        '  - Breakdown point still open: "Runs out / before a deadline" (carried over unchanged)',
        '',
        'Maturity',
        '  - Emotion changed: not scored → +2 (not scored in Current)',
        '',
        'Outside the grid',
        '  - Breakdown point still open: "Forum" (new in Automatic)',
      ].join('\n'),
    );
  });
});

describe('the gap list as CSV', () => {
  it('quotes fields with commas, quotes or line breaks and doubles the quotes inside', () => {
    expect(csvField('Purchase')).toBe('Purchase');
    expect(csvField('Phone, then web')).toBe('"Phone, then web"');
    expect(csvField('The "right" cartridge')).toBe('"The ""right"" cartridge"');
    expect(csvField('Runs out\nbefore a deadline')).toBe('"Runs out\nbefore a deadline"');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('')).toBe('');
  });

  it('keeps a cell a spreadsheet would run as a formula as text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+33 1 23 45')).toBe("'+33 1 23 45");
    expect(csvField('-check toner')).toBe("'-check toner");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\t=cmd')).toBe("'\t=cmd");
    expect(csvField('=HYPERLINK("http://x.example","click")')).toBe(
      `"'=HYPERLINK(""http://x.example"",""click"")"`,
    );
    // Plain numbers (emotion scores) stay numbers; formula characters later in a cell are harmless.
    expect(csvField('-2')).toBe('-2');
    expect(csvField('+1')).toBe('+1');
    expect(csvField('1+1=2')).toBe('1+1=2');
  });

  it('holds one row per gap, read back exactly as written', () => {
    const map = redesigned();
    const phoneCopy = liveNotesByZ(map.doc).find((note) => note.text === 'Printer orders its own toner');
    updateNote(map.doc, phoneCopy?.id ?? '', { text: '=WEBSERVICE("http://x"), "now"\nthen more' });
    const { comparison, names } = gapList(map);
    const csv = gapListCsv(comparison, names);

    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      [...GAP_LIST_COLUMNS],
      [
        'Introduction',
        'Touchpoint changed',
        'Touchpoint',
        'Orders toner by phone',
        `'=WEBSERVICE("http://x"), "now"\nthen more`,
        'text changed; channel: Phone → Web; now a stamp of authenticity',
      ],
      ['Introduction', 'Emotion changed', 'Emotion', '-2', '+1', 'better by 3'],
      [
        'Maturity',
        'Touchpoint added',
        'Touchpoint',
        '',
        'Yearly check-in call',
        'Phone; effortless 4, painless 5',
      ],
      [
        'Maturity',
        'Breakdown point resolved',
        'Breakdown point',
        'Which cartridge fits?',
        '',
        'removed in Ideal',
      ],
    ]);
  });

  it('guards stage names too', () => {
    const map = redesigned();
    const stage = map.doc.records[map.stageId('Maturity')] as StageRecord;
    map.doc.records[stage.id] = updateRecord(stage, { name: '=Maturity, loyalty' });
    const { comparison, names } = gapList(map);
    expect(gapListCsv(comparison, names)).toContain(`\r\n"'=Maturity, loyalty",Touchpoint added,`);
  });

  it('is only the header when nothing changed', () => {
    const map = testMap('lifecycle');
    createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
    const { comparison, names } = gapList(map);
    expect(gapListCsv(comparison, names)).toBe('\uFEFFStage,Change,Kind,Current,Ideal,Detail\r\n');
  });
});

describe('the gap list as Markdown', () => {
  it('escapes what would turn typed text into formatting, links or HTML', () => {
    expect(escapeMarkdown('*urgent* _now_ `code`')).toBe('\\*urgent\\* \\_now\\_ \\`code\\`');
    expect(escapeMarkdown('[site](http://x.example) <b>bold</b> & ~~gone~~ | cell')).toBe(
      '\\[site\\](http://x.example) \\<b\\>bold\\</b\\> \\& \\~\\~gone\\~\\~ \\| cell',
    );
    expect(escapeMarkdown('Step ## C:\\toner')).toBe('Step \\#\\# C:\\\\toner');
    expect(escapeMarkdown('Plain words, 1. and (more).')).toBe('Plain words, 1. and (more).');
  });

  it('has a heading per stage and a bullet per gap, with typed text escaped and on one line', () => {
    const map = redesigned();
    const phoneCopy = liveNotesByZ(map.doc).find((note) => note.text === 'Printer orders its own toner');
    updateNote(map.doc, phoneCopy?.id ?? '', { text: '*Automatic*\n# reorder' });
    const stage = map.doc.records[map.stageId('Growth')] as StageRecord;
    map.doc.records[stage.id] = updateRecord(stage, { name: 'Growth #2' });
    const { comparison, names } = gapList(map);

    expect(gapListMarkdown(comparison, names)).toBe(
      [
        '# Gap list: Home printer toner',
        '',
        'Current → Ideal',
        '',
        '## Introduction',
        '',
        '- **Touchpoint changed:** "Orders toner by phone" → "\\*Automatic\\* / \\# reorder" (text changed; channel: Phone → Web; now a stamp of authenticity)',
        '- **Emotion changed:** -2 → +1 (better by 3)',
        '',
        '## Growth \\#2',
        '',
        'No change.',
        '',
        '## Maturity',
        '',
        '- **Touchpoint added:** "Yearly check-in call" (Phone; effortless 4, painless 5)',
        '- **Breakdown point resolved:** "Which cartridge fits?" (removed in Ideal)',
        '',
        '## Totals',
        '',
        '- Touchpoints: 1 added, 0 removed, 1 changed',
        '- Breakdown points: 1 resolved, 0 still open (0 carried over unchanged)',
        '- Emotion: better in 1 stage, worse in 0 stages',
        '',
      ].join('\n'),
    );
  });
});

/**
 * The redesign after the room's vote on Current: the breakdown point resolved in the ideal got 2
 * dots, the touchpoint changed 1, the breakdown point still open 1 (through its copy in the ideal).
 */
const voted = () => {
  const map = testMap('lifecycle');
  const phone = map.put('Introduction', 'Touchpoints', { text: 'Orders toner by phone', kind: 'touchpoint' });
  const late = map.put('Growth', 'Breakdown points', {
    text: 'Runs out before a deadline',
    kind: 'breakdown',
  });
  const wrong = map.put('Maturity', 'Breakdown points', { text: 'Which cartridge fits?', kind: 'breakdown' });
  createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
  updateNote(map.doc, copyOf(map, phone).id, { text: 'Printer orders its own toner' });
  deleteRecords(map.doc, [copyOf(map, wrong).id]);
  map.put('Maturity', 'Touchpoints', {
    scenarioId: map.idealId,
    text: 'Yearly check-in call',
    kind: 'touchpoint',
  });
  const started = startVote(
    map.doc,
    { question: 'Which breakdowns *hurt* most?', scenarioId: map.currentId, voters: 2, dotsPerVoter: 2 },
    1_720_000_000_000,
  );
  if (!started.ok) throw new Error(started.reason);
  addDot(map.doc, started.id, wrong.id);
  addDot(map.doc, started.id, late.id);
  nextVoter(map.doc, started.id);
  addDot(map.doc, started.id, wrong.id);
  addDot(map.doc, started.id, phone.id);
  revealVote(map.doc, started.id);
  return map;
};

const fedBy = (map: TestMap, order: GapOrder) => {
  const dots = gapDotsOf(map.doc, map.currentId);
  if (!dots) throw new Error('no revealed vote');
  return { ...gapList(map), feed: { dots, order } };
};

describe('the gap list fed by a vote', () => {
  it('reads most dots first as text, ties and gaps without dots in stage order', () => {
    const { comparison, names, feed } = fedBy(voted(), 'dots');
    expect(gapListText(comparison, names, feed)).toBe(
      [
        'Gap list: Home printer toner',
        'Current → Ideal',
        'Dots from the vote “Which breakdowns *hurt* most?”, 2 voters',
        '',
        'By the room’s dots',
        '  - 2 dots · Maturity · Breakdown point resolved: "Which cartridge fits?" (removed in Ideal)',
        '  - 1 dot · Introduction · Touchpoint changed: "Orders toner by phone" → "Printer orders its own toner" (text changed)',
        '  - 1 dot · Growth · Breakdown point still open: "Runs out before a deadline" (carried over unchanged)',
        '  - Maturity · Touchpoint added: "Yearly check-in call"',
        '',
        'Totals',
        '  - Touchpoints: 1 added, 0 removed, 1 changed',
        '  - Breakdown points: 1 resolved, 1 still open (1 carried over unchanged)',
        '  - Emotion: better in 0 stages, worse in 0 stages',
        '',
      ].join('\n'),
    );
  });

  it('reads stage by stage as text when asked, each gap with its dots', () => {
    const { comparison, names, feed } = fedBy(voted(), 'stage');
    expect(gapListText(comparison, names, feed)).toContain(
      [
        'Introduction',
        '  - Touchpoint changed: "Orders toner by phone" → "Printer orders its own toner" (text changed) · 1 dot',
        '',
        'Growth',
        '  - Breakdown point still open: "Runs out before a deadline" (carried over unchanged) · 1 dot',
        '',
        'Maturity',
        '  - Touchpoint added: "Yearly check-in call"',
        '  - Breakdown point resolved: "Which cartridge fits?" (removed in Ideal) · 2 dots',
      ].join('\n'),
    );
  });

  it('adds a Dots column last to the CSV, empty for a gap no note of the vote is in', () => {
    const { comparison, names, feed } = fedBy(voted(), 'dots');
    const rows = parseCsv(gapListCsv(comparison, names, feed).slice(1));
    expect(rows[0]).toEqual([...GAP_LIST_COLUMNS, 'Dots']);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[6]])).toEqual([
      ['Maturity', 'Breakdown point resolved', '2'],
      ['Introduction', 'Touchpoint changed', '1'],
      ['Growth', 'Breakdown point still open', '1'],
      ['Maturity', 'Touchpoint added', ''],
    ]);
    const byStage = parseCsv(gapListCsv(comparison, names, { ...feed, order: 'stage' }).slice(1));
    expect(byStage.slice(1).map((row) => row[0])).toEqual(['Introduction', 'Growth', 'Maturity', 'Maturity']);
  });

  it('names the vote and lists by dots in Markdown, the question escaped', () => {
    const { comparison, names, feed } = fedBy(voted(), 'dots');
    const markdown = gapListMarkdown(comparison, names, feed);
    expect(markdown).toContain(
      [
        'Dots from the vote “Which breakdowns \\*hurt\\* most?”, 2 voters',
        '',
        '## By the room’s dots',
        '',
        '- 2 dots · Maturity · **Breakdown point resolved:** "Which cartridge fits?" (removed in Ideal)',
        '- 1 dot · Introduction · **Touchpoint changed:** "Orders toner by phone" → "Printer orders its own toner" (text changed)',
      ].join('\n'),
    );
    expect(gapListMarkdown(comparison, names, { ...feed, order: 'stage' })).toContain(
      '- **Breakdown point resolved:** "Which cartridge fits?" (removed in Ideal) · 2 dots',
    );
  });

  it('is the list without dots when no vote feeds it', () => {
    const map = voted();
    const { comparison, names } = gapList(map);
    expect(gapListText(comparison, names)).not.toContain('dot');
    expect(gapListCsv(comparison, names).split('\r\n')[0]).toBe(
      '\uFEFFStage,Change,Kind,Current,Ideal,Detail',
    );
  });
});
