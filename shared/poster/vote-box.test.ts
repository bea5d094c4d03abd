import { describe, expect, it } from 'vitest';
import { voteMap } from '../journey/votes/test-support.ts';
import { addDot, deleteVote, nextVoter, revealVote, startVote } from '../journey/votes/vote-edits.ts';
import { voteResults } from '../journey/votes/vote-results.ts';
import { updateNote } from '../model/edits.ts';
import {
  posterVoteOf,
  VOTE_BOX,
  type VoteBoxSection,
  voteBoxFrameHeight,
  voteBoxGrid,
  voteBoxLines,
  voteBoxSection,
  voteBoxSizeFor,
} from './vote-box.ts';

describe('the vote a poster shows', () => {
  it('is the scenario’s newest revealed vote, never one still running or hidden', () => {
    const map = voteMap();
    const at = (
      startedAt: number,
      question: string,
      options: { hidden?: boolean; scenarioId?: string } = {},
    ) => {
      const started = startVote(
        map.doc,
        { question, scenarioId: map.currentId, voters: 2, dotsPerVoter: 2, ...options },
        startedAt,
      );
      if (!started.ok) throw new Error(started.reason);
      return started.id;
    };
    expect(posterVoteOf(map.doc, map.currentId)).toBeNull();
    const morning = at(1_000, 'Which breakdowns hurt most?');
    revealVote(map.doc, morning);
    const deleted = at(2_000, 'Deleted');
    revealVote(map.doc, deleted);
    deleteVote(map.doc, deleted);
    const ideal = at(3_000, 'On Ideal', { scenarioId: map.idealId });
    revealVote(map.doc, ideal);
    const hidden = at(4_000, 'Still hidden', { hidden: true });
    addDot(map.doc, hidden, map.courier.id);
    at(5_000, 'Still open');

    expect(posterVoteOf(map.doc, map.currentId)?.id).toBe(morning);
    expect(posterVoteOf(map.doc, map.idealId)?.id).toBe(ideal);
    revealVote(map.doc, hidden);
    expect(posterVoteOf(map.doc, map.currentId)?.id).toBe(hidden);
  });
});

describe('the results box’s text', () => {
  it('says the question, who voted, and each note with its rank and dots, ties sharing a rank', () => {
    const map = voteMap();
    const id = map.vote({ question: 'Which breakdowns\nhurt most?', voters: 2, dotsPerVoter: 2 });
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.cartridge.id);
    nextVoter(map.doc, id);
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.striped.id);
    revealVote(map.doc, id);
    const vote = posterVoteOf(map.doc, map.currentId);
    if (!vote) throw new Error('no revealed vote');
    expect(voteBoxSection(voteResults(map.doc, vote))).toEqual({
      question: 'Which breakdowns / hurt most?',
      facts: 'Current · 2 voters, 2 dots each · 4 dots',
      rows: [
        '1. (2 dots) Courier comes while he is at a client',
        '2. (1 dot) Cannot tell which cartridge fits',
        '2. (1 dot) Prints come out striped',
      ],
    });
  });

  it('cuts a long note short so it stays on its line', () => {
    const map = voteMap();
    const id = map.vote();
    addDot(map.doc, id, map.bundle.id);
    revealVote(map.doc, id);
    updateNote(map.doc, map.bundle.id, { text: 'Bundle '.repeat(30) });
    const vote = posterVoteOf(map.doc, map.currentId);
    if (!vote) throw new Error('no revealed vote');
    const [row] = voteBoxSection(voteResults(map.doc, vote)).rows;
    expect(Array.from(row ?? '')).toHaveLength(64);
    expect(row).toMatch(/^1\. \(1 dot\) Bundle Bundle .*…$/);
  });
});

const section = (name: string, rows: number): VoteBoxSection => ({
  question: `${name}?`,
  facts: `${name} facts`,
  rows: Array.from({ length: rows }, (_, index) => `${index + 1}. ${name} ${index + 1}`),
});

const texts = (sections: readonly VoteBoxSection[], slots: number) =>
  voteBoxLines(sections, slots).map((line) => line.text);

describe('the lines that fit the results box', () => {
  it('are the question, its facts and every row when there is room', () => {
    expect(texts([section('A', 2)], 7)).toEqual(['A?', 'A facts', '1. A 1', '2. A 2']);
    expect(voteBoxLines([section('A', 1)], 7).map((line) => line.style)).toEqual([
      'question',
      'facts',
      'row',
    ]);
  });

  it('end with "and N more" when not every row fits', () => {
    expect(texts([section('A', 9)], 7)).toEqual([
      'A?',
      'A facts',
      '1. A 1',
      '2. A 2',
      '3. A 3',
      '4. A 4',
      'and 5 more',
    ]);
  });

  it('say "No dots." for a vote without any', () => {
    expect(texts([section('A', 0)], 7)).toEqual(['A?', 'A facts', 'No dots.']);
  });

  it('share the room between stacked scenarios’ votes, a short one leaving its rest to the next', () => {
    expect(texts([section('A', 9), section('B', 9)], 10)).toEqual([
      'A?',
      'A facts',
      '1. A 1',
      '2. A 2',
      'and 7 more',
      'B?',
      'B facts',
      '1. B 1',
      '2. B 2',
      'and 7 more',
    ]);
    expect(texts([section('A', 1), section('B', 9)], 10)).toEqual([
      'A?',
      'A facts',
      '1. A 1',
      'B?',
      'B facts',
      '1. B 1',
      '2. B 2',
      '3. B 3',
      '4. B 4',
      'and 5 more',
    ]);
  });

  it('never exceed the room, however little', () => {
    expect(texts([section('A', 3)], 1)).toEqual(['A?']);
    expect(texts([section('A', 3)], 0)).toEqual([]);
  });
});

describe('the results box’s size', () => {
  it('grows with the paper and holds a question, its facts and five rows at the bottom', () => {
    const a1 = voteBoxSizeFor(594);
    const a3 = voteBoxSizeFor(297);
    expect(a1.bottom).toBeCloseTo(2 * a3.bottom, 6);
    const mm = 150 / 25.4;
    const bottom = voteBoxGrid(800 * mm, a1.bottom * mm);
    expect(bottom.rowsPerColumn).toBe(VOTE_BOX.linesAtBottom);
    expect(bottom.columns).toBeGreaterThan(1);
    expect(bottom.text).toBeCloseTo(594 * 0.011 * mm, 6);
  });

  it('is framed around the lines it holds, never past its strip', () => {
    const grid = voteBoxGrid(230, 1000);
    const text = grid.text;
    expect(voteBoxFrameHeight(grid, 3, 1000)).toBeCloseTo(
      (2 * VOTE_BOX.padding + 3 * VOTE_BOX.lineHeight) * text,
      9,
    );
    const fullColumn = voteBoxFrameHeight(grid, 500, 1000);
    expect(fullColumn).toBeCloseTo(
      (2 * VOTE_BOX.padding + grid.rowsPerColumn * VOTE_BOX.lineHeight) * text,
      9,
    );
    expect(fullColumn).toBeLessThanOrEqual(1000);
    expect(voteBoxFrameHeight(grid, 3, 20)).toBe(20);
  });

  it('is one column as high as the map at the right', () => {
    const a1 = voteBoxSizeFor(594);
    const mm = 150 / 25.4;
    const right = voteBoxGrid(a1.right * mm, 500 * mm);
    expect(right.columns).toBe(1);
    expect(right.rowsPerColumn).toBeGreaterThan(40);
    expect(right.text).toBeCloseTo(594 * 0.011 * mm, 6);
  });
});
