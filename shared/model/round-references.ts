import type { InboxNote, RoundRecord } from './journey-records.ts';

/** The record types a writing round names by id. */
export type RoundReferenceType = 'scenario' | 'stage' | 'lane' | 'note';

/** The id a reference becomes, or null when what it names is not there. */
export type RoundRelink = (id: string, type: RoundReferenceType) => string | null;

/**
 * The round with its references followed through a change of ids (a copy of the map, records a
 * merge renamed) or checked against the map (`to` returns null for what is missing). A stage or
 * lane that is gone widens the round (or an inbox note's cell) to none chosen; an inbox note
 * whose board note is gone is hidden again, so revealing places it anew. The scenario is kept
 * even when missing, as a vote keeps its own. Returns the same round when nothing changes.
 */
export const relinkRound = (round: RoundRecord, to: RoundRelink): RoundRecord => {
  const ref = (id: string | null, type: RoundReferenceType) => (id === null ? null : to(id, type));
  const stageId = ref(round.stageId, 'stage');
  const laneId = ref(round.laneId, 'lane');
  const scenarioId = to(round.scenarioId, 'scenario') ?? round.scenarioId;
  let inboxChanged = false;
  const inbox = round.inbox.map((note): InboxNote => {
    const next = {
      stageId: ref(note.stageId, 'stage'),
      laneId: ref(note.laneId, 'lane'),
      noteId: ref(note.noteId, 'note'),
    };
    if (next.stageId === note.stageId && next.laneId === note.laneId && next.noteId === note.noteId)
      return note;
    inboxChanged = true;
    return { ...note, ...next };
  });
  if (
    !inboxChanged &&
    stageId === round.stageId &&
    laneId === round.laneId &&
    scenarioId === round.scenarioId
  )
    return round;
  return { ...round, scenarioId, stageId, laneId, inbox: inboxChanged ? inbox : round.inbox };
};
