import { describe, expect, it } from 'vitest';
import { type VoteMap, voteMap } from '../../shared/journey/votes/test-support.ts';
import { addDot, nextVoter, revealVote, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { DEFAULT_POSTER_OPTIONS, type PosterOptions } from './poster-options.ts';
import { posterPictureOf, votesUnavailable } from './poster-picture.ts';

/** Two voters: the courier gets both first dots, the cartridge and the striped prints one each. */
const vote = (map: VoteMap, options: { hidden?: boolean } = {}) => {
  const id = map.vote({ voters: 2, dotsPerVoter: 2, ...options });
  addDot(map.doc, id, map.courier.id);
  addDot(map.doc, id, map.cartridge.id);
  nextVoter(map.doc, id);
  addDot(map.doc, id, map.courier.id);
  addDot(map.doc, id, map.striped.id);
  return id;
};

const pictureOf = (map: VoteMap, options: Partial<PosterOptions> = {}) => {
  const result = posterPictureOf(map.doc, map.currentId, { ...DEFAULT_POSTER_OPTIONS, ...options });
  if (!result.ok) throw new Error(result.error);
  return result.picture;
};

const dotsOf = (picture: ReturnType<typeof pictureOf>) =>
  picture.scene.blocks.map((block) => Object.fromEntries(block.dots));

describe('a vote on the poster', () => {
  it('puts a revealed vote’s dots on its notes and its results in a box beside the map', () => {
    const map = voteMap();
    revealVote(map.doc, vote(map));
    const picture = pictureOf(map);
    expect(dotsOf(picture)).toEqual([{ [map.courier.id]: 2, [map.cartridge.id]: 1, [map.striped.id]: 1 }]);
    expect(picture.votes).toEqual([
      {
        question: 'Which breakdowns hurt most?',
        facts: 'Current · 2 voters, 2 dots each · 4 dots',
        rows: [
          '1. (2 dots) Courier comes while he is at a client',
          '2. (1 dot) Cannot tell which cartridge fits',
          '2. (1 dot) Prints come out striped',
        ],
      },
    ]);
    expect(picture.layout.results).toBeDefined();
    expect(votesUnavailable(map.doc, map.currentId, DEFAULT_POSTER_OPTIONS)).toBeNull();
  });

  it('never shows a hidden vote before its reveal, nor a vote still open', () => {
    const map = voteMap();
    vote(map, { hidden: true });
    const hidden = pictureOf(map);
    expect(dotsOf(hidden)).toEqual([{}]);
    expect(hidden.votes).toEqual([]);
    expect(hidden.layout.results).toBeUndefined();
    expect(votesUnavailable(map.doc, map.currentId, DEFAULT_POSTER_OPTIONS)).toBe(
      'No revealed vote on this scenario',
    );
    const open = voteMap();
    vote(open);
    expect(dotsOf(pictureOf(open))).toEqual([{}]);
  });

  it('shows the newest revealed vote while a newer hidden one is still running', () => {
    const map = voteMap();
    revealVote(map.doc, vote(map));
    const started = startVote(
      map.doc,
      { question: 'Later', scenarioId: map.currentId, voters: 1, dotsPerVoter: 3, hidden: true },
      1_720_000_100_000,
    );
    if (!started.ok) throw new Error(started.reason);
    addDot(map.doc, started.id, map.invoice.id);
    const picture = pictureOf(map);
    expect(dotsOf(picture)).toEqual([{ [map.courier.id]: 2, [map.cartridge.id]: 1, [map.striped.id]: 1 }]);
    expect(picture.votes.map((section) => section.question)).toEqual(['Which breakdowns hurt most?']);
  });

  it('leaves the dots and the box out when the option is off', () => {
    const map = voteMap();
    revealVote(map.doc, vote(map));
    const picture = pictureOf(map, { votes: false });
    expect(dotsOf(picture)).toEqual([{}]);
    expect(picture.votes).toEqual([]);
    expect(picture.layout.results).toBeUndefined();
  });

  it('shows each stacked scenario’s own newest revealed vote', () => {
    const map = voteMap();
    revealVote(map.doc, vote(map));
    const ideal = startVote(
      map.doc,
      { question: 'What do we fix first?', scenarioId: map.idealId, voters: 1, dotsPerVoter: 1 },
      1_720_000_200_000,
    );
    if (!ideal.ok) throw new Error(ideal.reason);
    addDot(map.doc, ideal.id, map.idealCourier.id);
    revealVote(map.doc, ideal.id);
    const picture = pictureOf(map, { content: 'stacked' });
    expect(dotsOf(picture)).toEqual([
      { [map.courier.id]: 2, [map.cartridge.id]: 1, [map.striped.id]: 1 },
      { [map.idealCourier.id]: 1 },
    ]);
    expect(picture.votes.map((section) => section.facts)).toEqual([
      'Current · 2 voters, 2 dots each · 4 dots',
      'Ideal · 1 voter, 1 dot each · 1 dot',
    ]);
  });

  it('says when the stacked scenarios have no revealed vote', () => {
    const map = voteMap();
    expect(votesUnavailable(map.doc, map.currentId, { content: 'stacked' })).toBe(
      'No revealed vote on these scenarios',
    );
  });
});
