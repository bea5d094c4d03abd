import type { JourneyDocument } from '../../model/document.ts';
import type { InboxNote, RoundRecord } from '../../model/journey-records.ts';
import { recordsOfType } from '../../model/records-by-type.ts';
import { ROOM_LIMITS, type RoundView } from '../../room/protocol.ts';
import { lanesOf, stagesOf } from '../layout.ts';

/** Reading writing rounds: which a map holds, which one phones write for, what waits in an inbox. */

const newestFirst = (a: RoundRecord, b: RoundRecord) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1);

/** The live writing rounds of a map, newest first. */
export const roundsOf = (doc: JourneyDocument): RoundRecord[] =>
  recordsOfType(doc, 'round')
    .filter((round) => !round.isDeleted)
    .sort(newestFirst);

/** The live round with this id, or null. */
export const liveRound = (doc: JourneyDocument, id: string): RoundRecord | null => {
  const record = Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;
  return record?.type === 'round' && !record.isDeleted ? record : null;
};

/** The round phones write for: the newest live one not ended, or null. */
export const runningRound = (doc: JourneyDocument): RoundRecord | null =>
  roundsOf(doc).find((round) => !round.ended) ?? null;

/** The notes of a round still waiting in its inbox: not yet on the board. */
export const hiddenNotes = (round: RoundRecord): InboxNote[] =>
  round.inbox.filter((note) => note.noteId === null);

/** How many different phones sent the notes. */
export const writersOf = (notes: readonly InboxNote[]): number =>
  new Set(notes.map((note) => note.participantId)).size;

/** The names of who wrote the notes revealed as this board note, in the order they arrived. */
export const authorsOf = (doc: JourneyDocument, noteId: string): string[] => {
  const names: string[] = [];
  for (const round of roundsOf(doc))
    for (const note of round.inbox)
      if (note.noteId === noteId && note.author !== '' && !names.includes(note.author))
        names.push(note.author);
  return names;
};

/**
 * What phones show of a running round: its prompt and the stages, lanes and kinds a note can
 * take, in the map's order. A round for one stage (or lane) offers only that one while it lives.
 */
export const roundView = (doc: JourneyDocument, round: RoundRecord): RoundView => {
  const choice = ({ id, name }: { id: string; name: string }) => ({ id, name: name || 'Untitled' });
  const stages = stagesOf(doc);
  const lanes = lanesOf(doc);
  const oneStage = stages.find((stage) => stage.id === round.stageId);
  const oneLane = lanes.find((lane) => lane.id === round.laneId);
  return {
    id: round.id,
    // A round read from a file may hold a longer prompt than phones take.
    prompt: round.prompt.slice(0, ROOM_LIMITS.promptLength),
    stages: (oneStage ? [oneStage] : stages).map(choice),
    lanes: (oneLane ? [oneLane] : lanes).map(choice),
    kinds: [...round.kinds],
    endsAt: round.endsAt,
  };
};
