import { describe, expect, it } from 'vitest';
import { deleteRecords, updateNote } from '../../model/edits.ts';
import type { StageRecord, VoteRecord } from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import { updateRecord } from '../../model/update.ts';
import { parseCsv } from '../test-support/csv.ts';
import { type VoteMap, voteMap } from './test-support.ts';
import { addDot, nextVoter, revealVote } from './vote-edits.ts';
import { liveVote, totalsShown } from './vote-queries.ts';
import { rankedResults, voteResults } from './vote-results.ts';
import { VOTE_RESULTS_COLUMNS, voteResultsCsv } from './vote-results-csv.ts';
import { voteResultsMarkdown } from './vote-results-markdown.ts';
import { voteResultsText } from './vote-results-text.ts';

const voteIn = (map: VoteMap, id: string): VoteRecord => {
  const vote = liveVote(map.doc, id);
  if (!vote) throw new Error(`no vote ${id}`);
  return vote;
};

/**
 * The workshop's vote: 5 voters × 3 dots, hidden until revealed. The courier gets a dot from
 * everyone; the cartridge and the striped prints tie on 3; the shop and the bundle idea tie on 1.
 */
const workshopVote = (map: VoteMap = voteMap()) => {
  const id = map.vote({ hidden: true });
  const ballots: NoteRecord[][] = [
    [map.cartridge, map.striped, map.courier],
    [map.courier, map.striped, map.invoice],
    [map.courier, map.cartridge, map.shop],
    [map.striped, map.courier, map.invoice],
    [map.cartridge, map.bundle, map.courier],
  ];
  for (const [voter, notes] of ballots.entries()) {
    if (voter > 0) expect(nextVoter(map.doc, id)).toBe('next');
    for (const note of notes) expect(addDot(map.doc, id, note.id)).toBe('added');
  }
  expect(totalsShown(voteIn(map, id))).toBe(false);
  revealVote(map.doc, id);
  return { map, vote: voteIn(map, id) };
};

describe('ranked results', () => {
  it('rank the notes by their dots, ties sharing a rank (1, 2, 2, 4), in the board’s order', () => {
    const { map, vote } = workshopVote();
    expect(rankedResults(map.doc, vote)).toEqual([
      {
        noteId: map.courier.id,
        text: 'Courier comes while he is at a client',
        kind: 'breakdown',
        stage: 'Use',
        lane: 'Breakdown points',
        dots: 5,
        rank: 1,
      },
      { ...row(map.cartridge, 'Purchase', 'Breakdown points'), dots: 3, rank: 2 },
      { ...row(map.striped, 'Use', 'Breakdown points'), dots: 3, rank: 2 },
      { ...row(map.invoice, 'Post-purchase', 'Breakdown points'), dots: 2, rank: 4 },
      { ...row(map.shop, 'Purchase', 'Touchpoints'), dots: 1, rank: 5 },
      { ...row(map.bundle, null, null), dots: 1, rank: 5 },
    ]);
  });

  it('list tied notes of one stage by lane, then by place in the cell', () => {
    const map = voteMap();
    const second = map.put('Purchase', 'Breakdown points', {
      text: 'Wrong cartridge sent',
      kind: 'breakdown',
      slot: -1,
    });
    const id = map.vote({ voters: 1 });
    for (const note of [map.cartridge, second, map.shop]) addDot(map.doc, id, note.id);
    expect(rankedResults(map.doc, voteIn(map, id)).map((result) => [result.text, result.rank])).toEqual([
      ['Searches the shop', 1],
      ['Wrong cartridge sent', 1],
      ['Cannot tell which cartridge fits', 1],
    ]);
  });

  it('leave out deleted notes and notes without dots, and show a note’s stage as it is now', () => {
    const { map, vote } = workshopVote();
    deleteRecords(map.doc, [map.courier.id]);
    updateNote(map.doc, map.invoice.id, { stageId: map.stageId('Use') });
    const results = rankedResults(map.doc, vote);
    expect(results.map((result) => [result.text, result.stage, result.dots, result.rank])).toEqual([
      ['Cannot tell which cartridge fits', 'Purchase', 3, 1],
      ['Prints come out striped', 'Use', 3, 1],
      ['One invoice per cartridge', 'Use', 2, 3],
      ['Searches the shop', 'Purchase', 1, 4],
      ['Bundle paper with toner?', null, 1, 4],
    ]);
  });

  it('are empty before the first dot', () => {
    const map = voteMap();
    expect(rankedResults(map.doc, voteIn(map, map.vote()))).toEqual([]);
  });

  it('come with the map, the question, the scenario, who voted and the dots', () => {
    const { map, vote } = workshopVote();
    expect(voteResults(map.doc, vote)).toMatchObject({
      map: 'Home printer toner',
      question: 'Which breakdowns hurt most?',
      scenario: 'Current',
      voters: 5,
      dotsPerVoter: 3,
      dots: 15,
    });
  });
});

const row = (note: NoteRecord, stage: string | null, lane: string | null) => ({
  noteId: note.id,
  text: note.text,
  kind: note.kind,
  stage,
  lane,
});

describe('the results as text', () => {
  it('head with the question and who voted, then a line per note, ranked', () => {
    const { map, vote } = workshopVote();
    expect(voteResultsText(voteResults(map.doc, vote))).toBe(
      [
        'Vote results: Home printer toner',
        'Which breakdowns hurt most?',
        'Current · 5 voters, 3 dots each · 15 dots',
        '',
        '  1. 5 dots: Courier comes while he is at a client (Breakdown point; Use, Breakdown points)',
        '  2. 3 dots: Cannot tell which cartridge fits (Breakdown point; Purchase, Breakdown points)',
        '  2. 3 dots: Prints come out striped (Breakdown point; Use, Breakdown points)',
        '  4. 2 dots: One invoice per cartridge (Breakdown point; Post-purchase, Breakdown points)',
        '  5. 1 dot: Searches the shop (Touchpoint; Purchase, Touchpoints)',
        '  5. 1 dot: Bundle paper with toner? (Idea; outside the grid)',
        '',
      ].join('\n'),
    );
  });

  it('keep each note on one line, say when a note is blank, and when there are no dots', () => {
    const map = voteMap();
    updateNote(map.doc, map.courier.id, { text: 'Courier comes\nwhile he is out' });
    updateNote(map.doc, map.striped.id, { text: '  ' });
    const id = map.vote({ voters: 1 });
    expect(voteResultsText(voteResults(map.doc, voteIn(map, id)))).toContain(
      'Current · 1 voter, 3 dots each · 0 dots\n\n  No dots.\n',
    );
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.striped.id);
    const lines = voteResultsText(voteResults(map.doc, voteIn(map, id))).split('\n');
    expect(lines).toContain(
      '  1. 1 dot: Courier comes / while he is out (Breakdown point; Use, Breakdown points)',
    );
    expect(lines).toContain('  1. 1 dot: (no text) (Breakdown point; Use, Breakdown points)');
  });
});

describe('the results as CSV', () => {
  it('hold one row per note, read back exactly as written, typed text guarded against formulas', () => {
    const { map, vote } = workshopVote();
    updateNote(map.doc, map.courier.id, { text: '=HYPERLINK("http://x"), "now"\nthen more' });
    const stage = map.doc.records[map.stageId('Purchase')] as StageRecord;
    map.doc.records[stage.id] = updateRecord(stage, { name: '+Purchase, online' });
    const csv = voteResultsCsv(voteResults(map.doc, vote));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      [...VOTE_RESULTS_COLUMNS],
      ['1', '5', `'=HYPERLINK("http://x"), "now"\nthen more`, 'Breakdown point', 'Use', 'Breakdown points'],
      [
        '2',
        '3',
        'Cannot tell which cartridge fits',
        'Breakdown point',
        "'+Purchase, online",
        'Breakdown points',
      ],
      ['2', '3', 'Prints come out striped', 'Breakdown point', 'Use', 'Breakdown points'],
      ['4', '2', 'One invoice per cartridge', 'Breakdown point', 'Post-purchase', 'Breakdown points'],
      ['5', '1', 'Searches the shop', 'Touchpoint', "'+Purchase, online", 'Touchpoints'],
      ['5', '1', 'Bundle paper with toner?', 'Idea', 'Outside the grid', ''],
    ]);
  });

  it('is only the header before the first dot', () => {
    const map = voteMap();
    expect(voteResultsCsv(voteResults(map.doc, voteIn(map, map.vote())))).toBe(
      '\uFEFFRank,Dots,Note,Kind,Stage,Lane\r\n',
    );
  });
});

describe('the results as Markdown', () => {
  it('have the question as a heading and a bullet per note, typed text escaped and on one line', () => {
    const { map, vote } = workshopVote();
    updateNote(map.doc, map.courier.id, { text: '*Courier*\n<b>at a client</b>' });
    expect(voteResultsMarkdown(voteResults(map.doc, vote))).toBe(
      [
        '# Vote results: Home printer toner',
        '',
        '## Which breakdowns hurt most?',
        '',
        'Current · 5 voters, 3 dots each · 15 dots',
        '',
        '- **1.** 5 dots: \\*Courier\\* / \\<b\\>at a client\\</b\\> (Breakdown point; Use, Breakdown points)',
        '- **2.** 3 dots: Cannot tell which cartridge fits (Breakdown point; Purchase, Breakdown points)',
        '- **2.** 3 dots: Prints come out striped (Breakdown point; Use, Breakdown points)',
        '- **4.** 2 dots: One invoice per cartridge (Breakdown point; Post-purchase, Breakdown points)',
        '- **5.** 1 dot: Searches the shop (Touchpoint; Purchase, Touchpoints)',
        '- **5.** 1 dot: Bundle paper with toner? (Idea; outside the grid)',
        '',
      ].join('\n'),
    );
  });

  it('say when there are no dots', () => {
    const map = voteMap();
    expect(voteResultsMarkdown(voteResults(map.doc, voteIn(map, map.vote())))).toContain(
      '0 dots\n\nNo dots.\n',
    );
  });
});
