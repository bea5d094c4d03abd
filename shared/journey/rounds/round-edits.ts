import { firstScenarioId } from '../../model/document.ts';
import { addNote, type MutableDocument, NOTE_GAP } from '../../model/edits.ts';
import { newId } from '../../model/ids.ts';
import {
  type InboxNote,
  type LaneRecord,
  NOTE_KINDS,
  type NoteKind,
  type RoundRecord,
} from '../../model/journey-records.ts';
import { FILE_LIMITS, maxLiveOf } from '../../model/limits.ts';
import { NOTE_SIZE } from '../../model/records.ts';
import { freshBookkeeping, updateRecord } from '../../model/update.ts';
import { ROOM_LIMITS } from '../../room/protocol.ts';
import { gridBounds } from '../grid-bounds.ts';
import { lanesOf, layoutGrid, stagesOf } from '../layout.ts';
import { KIND_STYLES, typedNoteKind } from '../note-kinds.ts';
import { liveRound, roundsOf, runningRound } from './round-queries.ts';

/**
 * Running a writing round: opening it, notes arriving from phones, ending it, revealing its
 * inbox onto the board. Each mutates the records it is given, changing records only through
 * updateRecord. Opening, ending and revealing are the facilitator's undo steps; a note arriving
 * is not (see the store's `receive`): undo must never take back what a participant wrote.
 */

/** What the facilitator chooses when opening a round. */
export interface RoundOptions {
  readonly prompt: string;
  /** The scenario revealed notes go to; the first one when it is not live. */
  readonly scenarioId: string;
  readonly stageId?: string | null;
  readonly laneId?: string | null;
  /** At least one; a plain note when empty. */
  readonly kinds?: readonly NoteKind[];
  /** Minutes until the round's time runs out; none for no time limit. */
  readonly minutes?: number | null;
}

/** The prompt a round gets when it is given a blank one. */
export const DEFAULT_PROMPT = 'What happens here? One idea per note.';

export type OpenRoundResult =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly reason: 'at-limit' };

const liveOfType = (
  doc: MutableDocument,
  id: string | null | undefined,
  type: 'stage' | 'lane' | 'scenario',
) => {
  const record = id && Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;
  return record?.type === type && !record.isDeleted ? record.id : null;
};

/** Opens a round for phones to write in; a round still running is ended first (one at a time). */
export const openRound = (
  doc: MutableDocument,
  options: RoundOptions,
  now: number = Date.now(),
): OpenRoundResult => {
  if (roundsOf(doc).length >= maxLiveOf('round')) return { ok: false, reason: 'at-limit' };
  const running = runningRound(doc);
  if (running) endRound(doc, running.id, now);
  const minutes =
    options.minutes && Number.isFinite(options.minutes)
      ? Math.min(Math.max(options.minutes, 0.5), 120)
      : null;
  const round: RoundRecord = {
    ...freshBookkeeping(newId(), now),
    type: 'round',
    prompt: options.prompt.trim().slice(0, ROOM_LIMITS.promptLength) || DEFAULT_PROMPT,
    scenarioId: liveOfType(doc, options.scenarioId, 'scenario') ?? firstScenarioId(doc),
    stageId: liveOfType(doc, options.stageId, 'stage'),
    laneId: liveOfType(doc, options.laneId, 'lane'),
    kinds: options.kinds && options.kinds.length > 0 ? [...new Set(options.kinds)] : ['note'],
    startedAt: now,
    endsAt: minutes === null ? null : now + Math.round(minutes * 60_000),
    ended: false,
    inbox: [],
  };
  doc.records[round.id] = round;
  return { ok: true, id: round.id };
};

/** Ends a round: phones stop offering it. Notes already on their way are still taken. */
export const endRound = (doc: MutableDocument, roundId: string, now: number = Date.now()): void => {
  const round = liveRound(doc, roundId);
  if (round) doc.records[round.id] = updateRecord(round, { ended: true }, now);
};

/** Whether the round's inbox holds this note from this phone already (a resend, a replay). */
export const hasArrived = (round: RoundRecord, arrival: Pick<Arrival, 'id' | 'participantId'>): boolean =>
  round.inbox.some((note) => note.id === arrival.id && note.participantId === arrival.participantId);

/** A note from a phone, as the room reported it. */
export interface Arrival {
  readonly roundId: string;
  readonly participantId: string;
  readonly author: string;
  readonly id: string;
  readonly text: string;
  readonly kind: NoteKind;
  readonly stageId: string | null;
  readonly laneId: string | null;
  readonly received: number;
}

/**
 * Why a note did not join an inbox: it is there already (a resend), its round is gone (deleted
 * since), or the inbox holds as many notes as a round may.
 */
export type ArrivalResult = 'added' | 'duplicate' | 'no-round' | 'full';

/**
 * Puts a note from a phone into its round's inbox, once: the phone resends until it hears the
 * note was stored, so the same note (same phone, same id) may arrive again. Notes reaching an
 * ended round are kept: they were written in time on a phone that was offline. A stage or lane
 * the map no longer holds becomes none.
 */
export const receiveNote = (doc: MutableDocument, arrival: Arrival): ArrivalResult => {
  const round = liveRound(doc, arrival.roundId) ?? restoredRound(doc, arrival);
  if (!round) return 'no-round';
  // A phone fixes a note's round when the note is written, so a resend comes to the same round.
  if (hasArrived(round, arrival)) return 'duplicate';
  if (round.inbox.length >= FILE_LIMITS.maxInboxNotes) return 'full';
  const note: InboxNote = {
    id: arrival.id,
    participantId: arrival.participantId,
    author: arrival.author.trim().slice(0, FILE_LIMITS.maxNameLength),
    text: arrival.text.slice(0, FILE_LIMITS.maxTextLength),
    kind: round.kinds.includes(arrival.kind) ? arrival.kind : (round.kinds[0] ?? 'note'),
    stageId: liveOfType(doc, arrival.stageId, 'stage'),
    laneId: liveOfType(doc, arrival.laneId, 'lane'),
    received: arrival.received,
    noteId: null,
  };
  doc.records[round.id] = updateRecord(round, { inbox: [...round.inbox, note] }, arrival.received);
  return 'added';
};

/** The prompt of a round brought back for notes written in it after it was undone. */
export const RESTORED_PROMPT = 'Notes sent for a writing round that was undone';

/**
 * The round a note was written for when the map no longer has it (its opening was undone while
 * phones wrote): brought back, ended, so the note has an inbox to wait in and can be revealed.
 * Null when the id names another kind of record or the map holds as many rounds as it may.
 */
const restoredRound = (doc: MutableDocument, arrival: Arrival): RoundRecord | null => {
  const known = Object.hasOwn(doc.records, arrival.roundId) ? doc.records[arrival.roundId] : undefined;
  if (known && known.type !== 'round') return null;
  if (roundsOf(doc).length >= maxLiveOf('round')) return null;
  const round: RoundRecord = known
    ? updateRecord(known, { isDeleted: false, ended: true }, arrival.received)
    : {
        ...freshBookkeeping(arrival.roundId, arrival.received),
        type: 'round',
        prompt: RESTORED_PROMPT,
        scenarioId: firstScenarioId(doc),
        stageId: null,
        laneId: null,
        kinds: NOTE_KINDS.filter((kind) => kind === arrival.kind),
        startedAt: arrival.received,
        endsAt: null,
        ended: true,
        inbox: [],
      };
  doc.records[round.id] = round;
  return round;
};

/** Exact duplicates: the same words in the same cell, whatever the case and spacing. */
const sameWords = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export interface RevealResult {
  /** Inbox notes revealed. */
  readonly revealed: number;
  /** Notes put on the board: fewer when exact duplicates were grouped into one. */
  readonly placed: number;
}

/**
 * Puts a round's hidden notes on the board, each in the cell its writer chose (or the round's
 * own stage and lane), after the notes already there. Exact duplicates in one cell become one
 * note. A note without a cell (a map without a grid, or a stage deleted since) goes below the
 * grid. Without `keepNames`, who wrote each note is forgotten for good.
 */
export const revealRound = (
  doc: MutableDocument,
  roundId: string,
  keepNames: boolean,
  now: number = Date.now(),
): RevealResult => {
  const round = liveRound(doc, roundId);
  if (!round) return { revealed: 0, placed: 0 };
  const hidden = round.inbox.filter((note) => note.noteId === null);
  if (hidden.length === 0) return { revealed: 0, placed: 0 };
  const layout = layoutGrid(doc, round.scenarioId);
  const lanes = new Map<string, LaneRecord>(lanesOf(doc).map((lane) => [lane.id, lane]));
  const stages = new Set(stagesOf(doc).map((stage) => stage.id));
  const nextSlot = new Map<string, number>();
  for (const note of layout.notes)
    if (note.stageId !== null)
      nextSlot.set(
        `${note.stageId}/${note.laneId}`,
        Math.max(nextSlot.get(`${note.stageId}/${note.laneId}`) ?? 0, note.slot + 1),
      );
  const bounds = gridBounds(layout, false);
  let outside = 0;
  const placedAs = new Map<string, string>();
  const noteIdOf = new Map<InboxNote, string>();
  for (const note of hidden) {
    const stageId = [note.stageId, round.stageId].find((id) => id !== null && stages.has(id)) ?? null;
    const laneId = [note.laneId, round.laneId].find((id) => id !== null && lanes.has(id)) ?? null;
    const lane = laneId === null ? undefined : lanes.get(laneId);
    const kind = note.kind === 'note' && lane ? typedNoteKind(lane, note.text) : note.kind;
    const inCell = stageId !== null && lane !== undefined;
    const key = JSON.stringify([inCell ? stageId : null, inCell ? laneId : null, kind, sameWords(note.text)]);
    const existing = placedAs.get(key);
    if (existing) {
      noteIdOf.set(note, existing);
      continue;
    }
    const cellKey = `${stageId}/${laneId}`;
    const slot = nextSlot.get(cellKey) ?? 0;
    if (inCell) nextSlot.set(cellKey, slot + 1);
    const added = addNote(
      doc,
      {
        scenarioId: round.scenarioId,
        text: note.text.trim(),
        kind,
        color: KIND_STYLES[kind].color,
        stageId: inCell ? stageId : null,
        laneId: inCell ? laneId : null,
        slot,
        x: inCell ? 0 : (bounds?.x ?? 0) + (outside % 8) * (NOTE_SIZE.w + NOTE_GAP),
        y: inCell
          ? 0
          : (bounds ? bounds.y + bounds.h : 0) +
            NOTE_GAP +
            Math.floor(outside / 8) * (NOTE_SIZE.h + NOTE_GAP),
      },
      now,
    );
    if (!inCell) outside++;
    placedAs.set(key, added.id);
    noteIdOf.set(note, added.id);
  }
  const inbox = round.inbox.map((note): InboxNote => {
    const noteId = noteIdOf.get(note);
    if (noteId === undefined) return note;
    return { ...note, noteId, author: keepNames ? note.author : '' };
  });
  doc.records[round.id] = updateRecord(round, { inbox, ended: true }, now);
  return { revealed: hidden.length, placed: placedAs.size };
};
