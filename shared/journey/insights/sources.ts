/**
 * Where a rule comes from, in words a facilitator can look up: the article's title. Internal
 * reference numbers mean nothing in the room, so a finding names the article or nothing.
 */
export const IDEAL_EXPERIENCE = '(from the article “The Ideal Customer Experience”)';
export const SEQUENCE_OF_EXPERIENCES =
  '(from the article “Is the Best Customer Experience a sequence of Experiences?”)';
