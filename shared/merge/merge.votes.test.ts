import { describe, expect, test } from 'vitest';
import { addDot, deleteVote, nextVoter, revealVote, startVote } from '../journey/votes/vote-edits.ts';
import { rankedResults } from '../journey/votes/vote-results.ts';
import { firstScenarioId, type JourneyDocument } from '../model/document.ts';
import { addNote, type MutableDocument } from '../model/edits.ts';
import type { VoteRecord } from '../model/journey-records.ts';
import { FILE_LIMITS } from '../model/limits.ts';
import { freshBookkeeping } from '../model/update.ts';
import { merge } from './merge.ts';
import { edit, merged, NOTHING, noteWith, persona, reopen, send, tonerMap } from './test-support.ts';

/**
 * Merging votes: a vote is a record of the structure. Votes each copy started survive side by
 * side; a vote both copies changed (dots placed in both rooms) is a conflict offering the copy's.
 */

/** The toner map with three breakdown points in Current. */
const breakdownMap = (): JourneyDocument =>
  tonerMap((doc) => {
    for (const [slot, text] of [
      'Which cartridge fits?',
      'Courier comes too early',
      'Striped prints',
    ].entries())
      addNote(
        doc,
        { x: 0, y: 0, text, kind: 'breakdown', stageId: 'respond', laneId: 'breakdowns', slot },
        2_000,
      );
  });

const started = (draft: MutableDocument, question: string, now = 3_000): string => {
  const result = startVote(
    draft,
    { question, scenarioId: firstScenarioId(draft), kinds: ['breakdown'], voters: 3, dotsPerVoter: 2 },
    now,
  );
  if (!result.ok) throw new Error(result.reason);
  return result.id;
};

const votesOf = (doc: JourneyDocument): VoteRecord[] =>
  Object.values(doc.records).filter((record): record is VoteRecord => record.type === 'vote');

/** The current voter's dots on notes named by text. */
const dots = (draft: MutableDocument, voteId: string, ...texts: string[]) => {
  for (const text of texts) expect(addDot(draft, voteId, noteWith(draft, text).id)).toBe('added');
};

describe('merge: votes', () => {
  test("two copies' votes on different questions both survive, with their dots", () => {
    const { library, copy } = send(breakdownMap());
    const ours = edit(library, (draft) => {
      dots(draft, started(draft, 'Which breakdowns hurt most?'), 'Which cartridge fits?');
    });
    const theirs = edit(copy, (draft) => {
      dots(
        draft,
        started(draft, 'What do we fix first?', 3_500),
        'Striped prints',
        'Courier comes too early',
      );
    });
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.summary).toEqual({ ...NOTHING, added: 1 });
    expect(
      votesOf(result.document)
        .map((vote) => vote.question)
        .sort(),
    ).toEqual(['What do we fix first?', 'Which breakdowns hurt most?']);
    const fixFirst = votesOf(result.document).find((vote) => vote.question === 'What do we fix first?');
    if (!fixFirst) throw new Error('no vote');
    expect(rankedResults(result.document, fixFirst).map((row) => row.text)).toEqual([
      'Courier comes too early',
      'Striped prints',
    ]);
    expect(merged(merge(result.document, reopen(theirs))).summary).toEqual(NOTHING);
  });

  test('a vote the copy alone went on with is taken from the copy', () => {
    const start = edit(breakdownMap(), (draft) => {
      started(draft, 'Which breakdowns hurt most?');
    });
    const { library, copy } = send(start);
    const [vote] = votesOf(copy);
    if (!vote) throw new Error('no vote');
    const theirs = edit(copy, (draft) => {
      dots(draft, vote.id, 'Striped prints');
      nextVoter(draft, vote.id);
      revealVote(draft, vote.id);
    });
    const result = merged(merge(library, reopen(theirs)));
    expect(result.summary).toEqual({ ...NOTHING, updated: 1 });
    expect(result.document.records[vote.id]).toMatchObject({ revealed: true, ballots: [{}, {}] });
  });

  test("the same vote voted on in both copies is a conflict: the library's dots stay, the copy's are offered", () => {
    const start = edit(breakdownMap(), (draft) => {
      started(draft, 'Which breakdowns hurt most?');
    });
    const { library, copy } = send(start);
    const [vote] = votesOf(library);
    if (!vote) throw new Error('no vote');
    const ours = edit(library, (draft) => dots(draft, vote.id, 'Which cartridge fits?', 'Striped prints'));
    const theirs = reopen(edit(copy, (draft) => dots(draft, vote.id, 'Courier comes too early')));
    const result = merged(merge(ours, theirs));
    expect(result.summary).toEqual({ ...NOTHING, conflicts: 1 });
    const courier = noteWith(ours, 'Courier comes too early').id;
    expect(result.conflicts).toEqual([
      {
        kind: 'both-edited-record',
        localId: vote.id,
        incomingId: vote.id,
        recordType: 'vote',
        incoming: expect.objectContaining({
          question: 'Which breakdowns hurt most?',
          ballots: [{ [courier]: 1 }],
        }),
      },
    ]);
    const [cartridge, striped] = ['Which cartridge fits?', 'Striped prints'].map(
      (text) => noteWith(ours, text).id,
    );
    expect(result.document.records[vote.id]).toMatchObject({
      ballots: [{ [cartridge ?? '']: 1, [striped ?? '']: 1 }],
    });
    // Merging the same copy again has nothing left to decide, whichever side merges.
    expect(merged(merge(result.document, theirs)).conflicts).toEqual([]);
    expect(merged(merge(theirs, ours)).conflicts).toHaveLength(1);
  });

  test('a vote the copy deleted while the library went on voting stays, and the deletion is asked about', () => {
    const start = edit(breakdownMap(), (draft) => {
      started(draft, 'Which breakdowns hurt most?');
    });
    const { library, copy } = send(start);
    const [vote] = votesOf(library);
    if (!vote) throw new Error('no vote');
    const ours = edit(library, (draft) => dots(draft, vote.id, 'Striped prints'));
    const theirs = edit(copy, (draft) => deleteVote(draft, vote.id));
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.conflicts).toEqual([
      { kind: 'edited-here-deleted-there', localId: vote.id, incomingId: vote.id },
    ]);
    expect(result.document.records[vote.id]).toMatchObject({ isDeleted: false });
  });

  test("a copy's note renamed for a clash of ids keeps its dots and its place in the vote", () => {
    const { library, copy } = send(breakdownMap());
    const ours = edit(library, (draft) => {
      draft.records.clash = persona('clash', 'Dana');
    });
    const theirs = edit(copy, (draft) => {
      draft.records.clash = {
        ...noteWith(draft, 'Striped prints'),
        ...freshBookkeeping('clash', 2_500),
        text: 'Toner smudges',
      };
      const id = started(draft, 'What do we fix first?');
      const vote = draft.records[id] as VoteRecord;
      draft.records[id] = { ...vote, noteIds: ['clash'] };
      dots(draft, id, 'Toner smudges');
    });
    const result = merged(merge(ours, reopen(theirs)));
    const smudges = noteWith(result.document, 'Toner smudges');
    expect(smudges.id).not.toBe('clash');
    const [vote] = votesOf(result.document);
    expect(vote).toMatchObject({ noteIds: [smudges.id], ballots: [{ [smudges.id]: 1 }] });
  });

  test('a merge that would give the map more votes than it may hold is refused', () => {
    const { library, copy } = send(breakdownMap());
    const ours = edit(library, (draft) => {
      for (let count = 0; count < FILE_LIMITS.maxVotes; count++) started(draft, `Vote ${count}`);
    });
    const theirs = edit(copy, (draft) => {
      started(draft, 'One more');
    });
    expect(merge(ours, reopen(theirs))).toEqual({
      ok: false,
      error: {
        kind: 'too-large',
        message:
          'Merging this copy would give the map 101 votes, past the limit of 100 that Journeywall can open, so nothing was merged.',
      },
    });
  });
});
