import type { JourneyDocument } from '../../model/document.ts';
import type { VoteRecord } from '../../model/journey-records.ts';
import { ROOM_LIMITS, type VoteView } from '../../room/protocol.ts';
import { lanesOf, stagesOf } from '../layout.ts';
import { eligibleNotes, votesOf } from './vote-queries.ts';

/** The vote the room gives on their phones: the newest live one on phones not yet revealed, or null. */
export const voteOnPhones = (doc: JourneyDocument): VoteRecord | null =>
  votesOf(doc).find((vote) => vote.onPhones && !vote.revealed) ?? null;

/**
 * What phones show of a vote: its question, the dots each has, and the notes that can get them
 * in reading order (stage by stage, then lane by lane, notes outside the grid last), each with
 * the names of its stage and lane. Never the dots given: those stay hidden until the reveal.
 */
export const voteView = (doc: JourneyDocument, vote: VoteRecord): VoteView => {
  const stages = new Map(stagesOf(doc).map((stage, order) => [stage.id, { name: stage.name, order }]));
  const lanes = new Map(lanesOf(doc).map((lane, order) => [lane.id, { name: lane.name, order }]));
  const place = (id: string | null, of: typeof stages) => (id === null ? undefined : of.get(id));
  const notes = eligibleNotes(doc, vote)
    .filter((note) => !note.isDeleted && note.text.trim() !== '')
    .map((note) => ({ note, stage: place(note.stageId, stages), lane: place(note.laneId, lanes) }))
    .sort(
      (a, b) =>
        (a.stage?.order ?? Number.MAX_SAFE_INTEGER) - (b.stage?.order ?? Number.MAX_SAFE_INTEGER) ||
        (a.lane?.order ?? Number.MAX_SAFE_INTEGER) - (b.lane?.order ?? Number.MAX_SAFE_INTEGER) ||
        a.note.slot - b.note.slot ||
        (a.note.id < b.note.id ? -1 : 1),
    )
    .slice(0, ROOM_LIMITS.voteNotes);
  return {
    id: vote.id,
    question: vote.question,
    dotsPerVoter: vote.dotsPerVoter,
    stacking: vote.stacking,
    notes: notes.map(({ note, stage, lane }) => ({
      id: note.id,
      text: note.text.slice(0, ROOM_LIMITS.voteNoteText),
      kind: note.kind,
      stage: stage ? stage.name || 'Untitled' : null,
      lane: lane ? lane.name || 'Untitled' : null,
    })),
  };
};
