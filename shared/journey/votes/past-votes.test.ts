import { describe, expect, it } from 'vitest';
import { updateNote } from '../../model/edits.ts';
import type { ScenarioRecord } from '../../model/journey-records.ts';
import { updateRecord } from '../../model/update.ts';
import { pastVotes, resultsSummary } from './past-votes.ts';
import { voteMap } from './test-support.ts';
import { addDot, deleteVote, nextVoter, revealVote, startVote } from './vote-edits.ts';

describe('past votes', () => {
  it('are the revealed votes, newest first, each with its question, date, scenario and results', () => {
    const map = voteMap();
    const at = (startedAt: number, question: string, scenarioId = map.currentId) => {
      const started = startVote(map.doc, { question, scenarioId, voters: 2, dotsPerVoter: 2 }, startedAt);
      if (!started.ok) throw new Error(started.reason);
      return started.id;
    };
    const morning = at(1_000, 'Which breakdowns hurt most?');
    addDot(map.doc, morning, map.courier.id);
    addDot(map.doc, morning, map.cartridge.id);
    nextVoter(map.doc, morning);
    addDot(map.doc, morning, map.courier.id);
    revealVote(map.doc, morning);
    const afternoon = at(2_000, 'What do we fix first?', map.idealId);
    revealVote(map.doc, afternoon);
    at(3_000, 'Still running');
    const deleted = at(4_000, 'Deleted');
    revealVote(map.doc, deleted);
    deleteVote(map.doc, deleted);

    expect(pastVotes(map.doc).map(({ results, ...vote }) => vote)).toEqual([
      {
        id: afternoon,
        question: 'What do we fix first?',
        startedAt: 2_000,
        scenario: 'Ideal',
        summary: 'No dots.',
      },
      {
        id: morning,
        question: 'Which breakdowns hurt most?',
        startedAt: 1_000,
        scenario: 'Current',
        summary: '3 dots from 2 voters; first: “Courier comes while he is at a client” with 2.',
      },
    ]);
    expect(pastVotes(map.doc)[1]?.results.rows.map((row) => row.dots)).toEqual([2, 1]);
  });

  it('name a renamed scenario by its name now', () => {
    const map = voteMap();
    const id = map.vote();
    revealVote(map.doc, id);
    const scenario = map.doc.records[map.currentId] as ScenarioRecord;
    map.doc.records[scenario.id] = updateRecord(scenario, { name: 'As is' });
    expect(pastVotes(map.doc)[0]?.scenario).toBe('As is');
  });
});

describe('the results in a sentence', () => {
  it('names the notes ranked first, tied ones together, their text cut short', () => {
    const map = voteMap();
    updateNote(map.doc, map.invoice.id, { text: `One invoice per cartridge, ${'and another '.repeat(10)}` });
    const id = map.vote({ voters: 1, stacking: true });
    for (const note of [map.courier, map.striped, map.invoice]) addDot(map.doc, id, note.id);
    revealVote(map.doc, id);
    const [past] = pastVotes(map.doc);
    expect(past?.summary).toMatch(
      /^3 dots from 1 voter; first: “.+”, “.+” and “One invoice per cartridge, and another and another and anot…” with 1 each\.$/,
    );
    if (!past) throw new Error('no past vote');
    expect(resultsSummary({ ...past.results, rows: past.results.rows.slice(0, 2) })).toMatch(/” and “/);
  });
});
