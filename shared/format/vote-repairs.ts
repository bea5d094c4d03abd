import type { VoteRecord } from '../model/journey-records.ts';
import type { JourneyRecord } from '../model/records.ts';
import { relinkVote } from '../model/vote-references.ts';
import { counted } from './records/repairs.ts';
import type { RepairLog } from './repair-log.ts';

/**
 * Brings the votes of a map being read (from a file or from the library's storage) into line
 * with its records, reporting it in the log. Dots on notes the map does not hold are dropped,
 * and so are the stages, lanes and notes a vote is limited to that it does not hold (see
 * relinkVote). A vote whose settings cannot hold the dots cast (more ballots than voters, a
 * ballot with more dots than each voter has, several dots on a note without stacking: only a
 * hand-edited file has one) has its settings raised to fit them: the dots are what the room
 * said. Like every repair while reading, not an edit: versions stay.
 */
export const repairVotes = (records: Record<string, JourneyRecord>, log: RepairLog): void => {
  const holds = (id: string, type: JourneyRecord['type']) =>
    Object.hasOwn(records, id) && records[id]?.type === type;
  for (const record of Object.values(records)) {
    if (record.type !== 'vote') continue;
    const relinked = relinkVote(record, (id, type) => (holds(id, type) ? id : null));
    if (relinked.ballots !== record.ballots)
      log.add(
        'vote-dots-dropped',
        (count) => `Removed the dots of ${counted(count, 'vote')} on notes that are not in the map.`,
      );
    if (
      relinked.stageIds !== record.stageIds ||
      relinked.laneIds !== record.laneIds ||
      relinked.noteIds !== record.noteIds
    )
      log.add(
        'vote-choice-dropped',
        (count) =>
          `Forgot the stages, lanes or notes that are not in the map among those ${counted(count, 'vote')} ${count === 1 ? 'is' : 'are'} limited to.`,
      );
    const attributed = phonesMatchingBallots(relinked);
    if (attributed !== relinked)
      log.add(
        'vote-phones-matched',
        (count) =>
          `Matched the phones of ${counted(count, 'vote')} to ${count === 1 ? 'its' : 'their'} ballots, one phone a ballot.`,
      );
    const fitted = fittingTheDots(attributed);
    if (fitted !== attributed)
      log.add(
        'vote-settings-raised',
        (count) => `Raised the number of voters or dots of ${counted(count, 'vote')} to fit the dots cast.`,
      );
    records[record.id] = fitted;
  }
};

/**
 * A vote on phones names one phone per ballot, in order (a vote at the laptop, none): a list of
 * another length (only a hand-edited file has one) is cut, or filled with made-up phones, so a
 * phone's new ballot never replaces another's.
 */
const phonesMatchingBallots = (vote: VoteRecord): VoteRecord => {
  const wanted = vote.onPhones ? vote.ballots.length : 0;
  if (vote.voterIds.length === wanted) return vote;
  const voterIds = Array.from(
    { length: wanted },
    (_, index) => vote.voterIds[index] ?? `unknown-phone-${index + 1}`,
  );
  return { ...vote, voterIds };
};

/** The vote with voters, dots per voter and stacking raised to hold its ballots; itself if they do. */
const fittingTheDots = (vote: VoteRecord): VoteRecord => {
  let dotsPerVoter = vote.dotsPerVoter;
  let stacking = vote.stacking;
  for (const ballot of vote.ballots) {
    let dots = 0;
    for (const onNote of Object.values(ballot)) {
      dots += onNote;
      if (onNote > 1) stacking = true;
    }
    dotsPerVoter = Math.max(dotsPerVoter, dots);
  }
  const voters = Math.max(vote.voters, vote.ballots.length);
  return voters === vote.voters && dotsPerVoter === vote.dotsPerVoter && stacking === vote.stacking
    ? vote
    : { ...vote, voters, dotsPerVoter, stacking };
};
