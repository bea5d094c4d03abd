import type { VoteRecord } from './journey-records.ts';

/** The record types a vote names by id. */
export type VoteReferenceType = 'scenario' | 'stage' | 'lane' | 'note';

/** The id a reference becomes, or null when what it names is not there. */
export type VoteRelink = (id: string, type: VoteReferenceType) => string | null;

/**
 * The vote with its references followed through a change of ids (a copy of the map, records a
 * merge renamed) or checked against the map (`to` returns null for what is missing). Dots on a
 * note that is not there are dropped. An eligibility id that names nothing is dropped too, except
 * when the list would be left empty: an empty list means "any", so a list naming only missing
 * records is kept as it is, still naming none of the map's notes. The scenario is kept even
 * when missing: the vote stays in the past votes. Returns the same vote when nothing changes.
 */
export const relinkVote = (vote: VoteRecord, to: VoteRelink): VoteRecord => {
  const stageIds = relinkIds(vote.stageIds, 'stage', to);
  const laneIds = relinkIds(vote.laneIds, 'lane', to);
  const noteIds = relinkIds(vote.noteIds, 'note', to);
  const ballots = relinkBallots(vote.ballots, to);
  const scenarioId = to(vote.scenarioId, 'scenario') ?? vote.scenarioId;
  if (
    stageIds === vote.stageIds &&
    laneIds === vote.laneIds &&
    noteIds === vote.noteIds &&
    ballots === vote.ballots &&
    scenarioId === vote.scenarioId
  )
    return vote;
  return { ...vote, scenarioId, stageIds, laneIds, noteIds, ballots };
};

type Ballot = VoteRecord['ballots'][number];

/** Ids that name nothing dropped, unless that would empty the list (see relinkVote). */
const relinkIds = (ids: readonly string[], type: VoteReferenceType, to: VoteRelink): readonly string[] => {
  let changed = false;
  const relinked: string[] = [];
  for (const id of ids) {
    const next = to(id, type);
    if (next !== id) changed = true;
    if (next !== null) relinked.push(next);
  }
  return changed && relinked.length > 0 ? relinked : ids;
};

const relinkBallots = (ballots: readonly Ballot[], to: VoteRelink): readonly Ballot[] => {
  const relinked = ballots.map((ballot) => relinkBallot(ballot, to));
  return relinked.every((ballot, index) => ballot === ballots[index]) ? ballots : relinked;
};

/** A ballot with its notes' new ids; dots on a note that is not there are dropped. */
const relinkBallot = (ballot: Ballot, to: VoteRelink): Ballot => {
  let changed = false;
  const relinked: Record<string, number> = {};
  for (const [noteId, dots] of Object.entries(ballot)) {
    const next = to(noteId, 'note');
    if (next !== noteId) changed = true;
    if (next !== null) relinked[next] = (relinked[next] ?? 0) + dots;
  }
  return changed ? relinked : ballot;
};
