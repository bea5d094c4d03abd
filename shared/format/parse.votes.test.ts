import { describe, expect, test } from 'vitest';
import { voteMap } from '../journey/votes/test-support.ts';
import { addDot, nextVoter, revealVote } from '../journey/votes/vote-edits.ts';
import type { VoteRecord } from '../model/journey-records.ts';
import { markShared } from './document.ts';
import { type ParseResult, parse } from './parse.ts';
import { readStoredRecords } from './read-stored.ts';
import { serialize } from './serialize.ts';

/** Votes in a file: saved and opened as they were; references and settings repaired; hostile ones refused. */

const SAVE = { appVersion: '0.3.0', savedAt: 1_720_000_500_000 };

const votedMap = () => {
  const map = voteMap();
  const past = map.vote({ hidden: true, stacking: true, kinds: ['breakdown'] });
  for (const note of [map.courier, map.courier, map.striped]) addDot(map.doc, past, note.id);
  nextVoter(map.doc, past);
  addDot(map.doc, past, map.cartridge.id);
  revealVote(map.doc, past);
  const running = map.vote({
    question: 'What do we fix first?',
    stageIds: [map.stageId('Purchase')],
    laneIds: [map.laneId('Touchpoints'), map.laneId('Breakdown points')],
    noteIds: [map.shop.id, map.cartridge.id],
  });
  addDot(map.doc, running, map.shop.id);
  return { map, past, running };
};

const opened = (result: ParseResult) => {
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

const voteOf = (result: ParseResult, id: string): VoteRecord => {
  const record = opened(result).document.records[id];
  if (record?.type !== 'vote') throw new Error(`no vote ${id}`);
  return record;
};

/** The file of the voted map with its first vote's fields changed as a hand or another tool would. */
const withVote = (changes: Record<string, unknown>) => {
  const { map, past } = votedMap();
  const file = JSON.parse(serialize(map.doc, SAVE));
  file.votes = file.votes.map((vote: { id: string }) => (vote.id === past ? { ...vote, ...changes } : vote));
  return { map, past, text: JSON.stringify(file) };
};

describe('votes saved and opened', () => {
  test('come back exactly as they were, past and running, without repairs', () => {
    const { map } = votedMap();
    const saved = markShared(map.doc);
    const result = opened(parse(serialize(saved, SAVE)));
    expect(result.repairs).toEqual([]);
    expect(result.document).toEqual(saved);
  });

  test('a vote left at its defaults is written without them, and reads back whole', () => {
    const map = voteMap();
    const id = map.vote();
    const line = serialize(map.doc, SAVE)
      .split('\n')
      .find((text) => text.includes(`"id":"${id}"`));
    expect(line).toMatch(/"voters":5,"dotsPerVoter":3,"startedAt":1720000000000,"ballots":\[\{\}\],/);
    expect(line).not.toMatch(/kinds|stageIds|laneIds|noteIds|stacking|hidden|revealed/);
    expect(voteOf(parse(serialize(map.doc, SAVE)), id)).toEqual({
      ...map.doc.records[id],
      synced: [[1, expect.any(Number)]],
    });
  });
});

describe('references a vote makes to what the map does not hold', () => {
  test('dots on a note not in the map are removed, and the notice says so', () => {
    const { map, past, text } = withVote({});
    const file = JSON.parse(text);
    const vote = file.votes.find((candidate: { id: string }) => candidate.id === past);
    vote.ballots[0] = { ...vote.ballots[0], gone: 1 };
    vote.ballots[1] = { [map.cartridge.id]: 1, [map.stageId('Use')]: 1 };
    const result = parse(JSON.stringify(file));
    expect(opened(result).repairs).toEqual(['Removed the dots of 1 vote on notes that are not in the map.']);
    expect(voteOf(result, past).ballots).toEqual([
      { [map.courier.id]: 2, [map.striped.id]: 1 },
      { [map.cartridge.id]: 1 },
    ]);
  });

  test('stages, lanes and notes not in the map are forgotten, unless that would open the vote to every note', () => {
    const { map, running } = votedMap();
    const file = JSON.parse(serialize(map.doc, SAVE));
    const vote = file.votes.find((candidate: { id: string }) => candidate.id === running);
    vote.stageIds = [...vote.stageIds, 'gone-stage', map.laneId('Touchpoints')];
    vote.noteIds = ['gone-note'];
    const result = parse(JSON.stringify(file));
    expect(opened(result).repairs).toEqual([
      'Forgot the stages, lanes or notes that are not in the map among those 1 vote is limited to.',
    ]);
    expect(voteOf(result, running)).toMatchObject({
      stageIds: [map.stageId('Purchase')],
      noteIds: ['gone-note'],
    });
  });

  test('a vote of a scenario not in the map is kept, for the past votes', () => {
    const { past, text } = withVote({ scenarioId: 'gone-scenario' });
    const result = parse(text);
    expect(opened(result).repairs).toEqual([]);
    expect(voteOf(result, past).scenarioId).toBe('gone-scenario');
  });

  test('are repaired in the library’s storage too', () => {
    const { map, past } = votedMap();
    const rows = Object.values(map.doc.records).map((record) =>
      record.id === past && record.type === 'vote'
        ? { ...record, mapId: map.doc.id, ballots: [{ gone: 2 }] }
        : { ...record, mapId: map.doc.id },
    );
    const read = readStoredRecords(map.doc.id, rows);
    expect(read.repairs).toEqual(['Removed the dots of 1 vote on notes that are not in the map.']);
    expect(read.doc?.records[past]).toMatchObject({ ballots: [{}] });
  });
});

describe('settings that cannot hold the dots cast', () => {
  test.each([
    ['more ballots than voters', { voters: 1 }, { voters: 2 }],
    ['a ballot with more dots than each voter has', { dotsPerVoter: 1 }, { dotsPerVoter: 3 }],
    ['several dots on a note without stacking', { stacking: false }, { stacking: true }],
  ])('%s: the settings are raised to fit the dots, which the room cast', (_, changes, raised) => {
    const { past, text } = withVote(changes);
    const result = parse(text);
    expect(opened(result).repairs).toEqual([
      'Raised the number of voters or dots of 1 vote to fit the dots cast.',
    ]);
    expect(voteOf(result, past)).toMatchObject(raised);
    expect(opened(parse(serialize(opened(result).document, SAVE))).repairs).toEqual([]);
  });
});

describe('a vote on phones whose phones do not match its ballots', () => {
  test.each([
    [
      'more phones than ballots',
      { onPhones: true, voterIds: ['phone-a', 'phone-b', 'phone-c'] },
      ['phone-a', 'phone-b'],
    ],
    ['fewer phones than ballots', { onPhones: true, voterIds: ['phone-a'] }, ['phone-a', 'unknown-phone-2']],
    ['phones on a vote at the laptop', { voterIds: ['phone-a'] }, []],
  ])('%s: one phone a ballot, so no phone takes over another’s dots', (_, changes, voterIds) => {
    const { past, text } = withVote(changes);
    const result = parse(text);
    expect(opened(result).repairs).toEqual([
      'Matched the phones of 1 vote to its ballots, one phone a ballot.',
    ]);
    expect(voteOf(result, past).voterIds).toEqual(voterIds);
  });
});

describe('hostile votes are refused, naming what is wrong', () => {
  const message = (changes: Record<string, unknown>) => {
    const result = parse(withVote(changes).text);
    return result.ok ? 'opened' : result.error.message;
  };

  test.each([
    ['101 ballots', { ballots: Array.from({ length: 101 }, () => ({})) }, 'ballot'],
    [
      'a ballot on 21 notes',
      { ballots: [Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`n${i}`, 1]))] },
      'ballot',
    ],
    ['a ballot of 21 dots', { ballots: [{ a: 11, b: 10 }] }, 'ballot'],
    ['no dots on a note', { ballots: [{ a: 0 }] }, 'ballot'],
    ['half a dot', { ballots: [{ a: 1.5 }] }, 'ballot'],
    ['a ballot that is a list', { ballots: [['a']] }, 'ballot'],
    ['ballots that are not a list', { ballots: { a: 1 } }, 'ballot'],
    ['a key that is not an id', { ballots: [{ 'not an id': 1 }] }, 'ballot'],
    ['a kind this version does not know', { kinds: ['telepathy'] }, 'kinds of note'],
    ['a selection that is not a list of ids', { noteIds: 'all' }, 'selection of notes'],
    ['voters that are not a number', { voters: 'five' }, 'number of voters'],
    ['no question', { question: undefined }, 'question', 'no'],
    ['no start time', { startedAt: undefined }, 'start time', 'no'],
  ])('%s', (_, changes, words, article = 'an invalid') => {
    // The file lists votes by id, so which one is changed depends on the ids drawn.
    expect(message(changes)).toMatch(
      new RegExp(`^This map file is damaged: vote [12] has ${article} ${words}\\.$`),
    );
  });
});
