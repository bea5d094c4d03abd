/**
 * An open room's phones: who has joined (each device once, with its latest name, whether it is
 * connected now), which were removed, the writing round they see, and where their notes go: into
 * the journal first, then to the facilitator's window, then back to the phone as an ack.
 */
import type { WebSocket } from 'ws';
import type { RoomEvent } from '../../../shared/ipc/contract.ts';
import {
  type BallotSubmission,
  type Hello,
  type MapView,
  type NoteSubmission,
  ROOM_CLOSE,
  ROOM_LIMITS,
  type RoundView,
  type ScreenView,
  type VoteView,
} from '../../../shared/room/protocol.ts';
import type { PhoneLimits, RoomLog } from './rate-limits.ts';
import { attachPhone, type ConnectionTimeouts, type Phone } from './room-connection.ts';
import type { RoomJournal } from './room-journal.ts';

/** Closes a phone's older connection when the same device connects again (a normal closure). */
const REPLACED = { code: ROOM_CLOSE.replaced, reason: 'replaced by a newer connection' } as const;

export interface RoomOptions {
  readonly code: string;
  readonly journal: RoomJournal;
  readonly round: RoundView | null;
  readonly vote: VoteView | null;
  readonly map: MapView | null;
  readonly screen: ScreenView;
  /** Tells the facilitator's window; never throws into the room. */
  readonly report: (event: RoomEvent) => void;
  readonly limits: PhoneLimits;
  readonly log: RoomLog;
  readonly timeouts: ConnectionTimeouts;
  readonly now: () => number;
}

export interface Room {
  /** Takes a phone's new socket (already checked to be for this room). */
  accept(socket: WebSocket): void;
  setRound(round: RoundView | null): void;
  setVote(vote: VoteView | null): void;
  setMap(map: MapView | null): void;
  setScreen(screen: ScreenView): void;
  /** Reports who is in the room again, for a window that reloaded and lost its list. */
  announce(): void;
  /** Removes a phone; it cannot join again while the room is open. */
  remove(participantId: string): void;
  /** Closes every phone with ROOM_CLOSE.closed; resolves once they are all gone. */
  close(): Promise<void>;
}

interface Participant {
  name: string;
  /** Its current connection, or null while it is away. */
  phone: Phone | null;
}

export function createRoom(options: RoomOptions): Room {
  const { code, journal, report, log, now } = options;
  let round = options.round;
  let vote = options.vote;
  /** The map's frame, made once for every phone: it can be hundreds of kB. */
  let mapFrame = JSON.stringify({ type: 'map', map: options.map });
  let screen = options.screen;
  /** The newest ballot stored of each phone in each vote: an older one arriving late changes nothing. */
  const ballotSeqs = new Map<string, number>();
  const seqKey = (device: string, voteId: string) => `${device} ${voteId}`;
  for (const entry of journal.stored)
    if ('ballot' in entry) ballotSeqs.set(seqKey(entry.device, entry.ballot.voteId), entry.ballot.seq);
  let closing = false;
  const phones = new Set<Phone>();
  /** In the order they joined, which the facilitator's list keeps. */
  const participants = new Map<string, Participant>();
  const removed = new Set<string>();

  /** Not while closing: the window closed the room, and phones leaving it are no news. */
  function reportParticipants(): void {
    if (closing) return;
    report({
      type: 'participants',
      participants: [...participants].map(([id, { name, phone }]) => ({
        id,
        name,
        connected: phone !== null,
      })),
    });
  }

  const current = (phone: Phone): Participant | undefined => {
    const participant = phone.device === null ? undefined : participants.get(phone.device);
    return participant?.phone === phone ? participant : undefined;
  };

  const handlers = {
    hello(phone: Phone, hello: Hello): void {
      if (removed.has(hello.device)) {
        phone.send({ type: 'removed' });
        phone.close(ROOM_CLOSE.removed);
        return;
      }
      const known = participants.get(hello.device);
      if (known === undefined && participants.size >= ROOM_LIMITS.maxParticipants) {
        phone.send({ type: 'full' });
        phone.close(ROOM_CLOSE.full);
        return;
      }
      known?.phone?.close(REPLACED.code, REPLACED.reason);
      const name = hello.name.trim();
      participants.set(hello.device, { name, phone });
      phone.send({ type: 'welcome', roomCode: code, name });
      phone.send({ type: 'round', round, now: now() });
      phone.send({ type: 'vote', vote });
      phone.sendShared(mapFrame);
      phone.send({ type: 'screen', screen, now: now() });
      reportParticipants();
    },

    async note(phone: Phone, note: NoteSubmission): Promise<boolean> {
      const participant = current(phone);
      if (participant === undefined || phone.device === null) return false;
      const { device } = phone;
      const { name } = participant;
      const received = now();
      const outcome = await journal.append({ device, name, note, received });
      if (outcome === 'full') {
        log('the room’s journal is full; a note was left on its phone');
        return false;
      }
      if (outcome === 'stored') report({ type: 'note', participantId: device, name, note, received });
      return true;
    },

    async ballot(phone: Phone, ballot: BallotSubmission): Promise<boolean> {
      const participant = current(phone);
      if (participant === undefined || phone.device === null) return false;
      const { device } = phone;
      const key = seqKey(device, ballot.voteId);
      if ((ballotSeqs.get(key) ?? 0) >= ballot.seq) return true;
      const received = now();
      const outcome = await journal.append({ device, name: participant.name, ballot, received });
      if (outcome === 'full') {
        log('the room’s journal is full; a ballot was left on its phone');
        return false;
      }
      if (outcome === 'stored' && (ballotSeqs.get(key) ?? 0) < ballot.seq) {
        ballotSeqs.set(key, ballot.seq);
        report({ type: 'ballot', participantId: device, ballot, received });
      }
      return true;
    },

    gone(phone: Phone): void {
      phones.delete(phone);
      const participant = current(phone);
      if (participant === undefined) return;
      participant.phone = null;
      reportParticipants();
    },
  };

  return {
    announce: reportParticipants,
    accept(socket) {
      const phone = attachPhone(socket, { ...options, handlers });
      phones.add(phone);
      if (closing) phone.close(ROOM_CLOSE.closed);
    },
    setRound(next) {
      round = next;
      for (const { phone } of participants.values()) phone?.send({ type: 'round', round, now: now() });
    },
    setVote(next) {
      vote = next;
      for (const { phone } of participants.values()) phone?.send({ type: 'vote', vote });
    },
    setMap(next) {
      mapFrame = JSON.stringify({ type: 'map', map: next });
      for (const { phone } of participants.values()) phone?.sendShared(mapFrame);
    },
    setScreen(next) {
      screen = next;
      for (const { phone } of participants.values()) phone?.send({ type: 'screen', screen, now: now() });
    },
    remove(participantId) {
      removed.add(participantId);
      const participant = participants.get(participantId);
      if (participant === undefined) return;
      participants.delete(participantId);
      participant.phone?.send({ type: 'removed' });
      participant.phone?.close(ROOM_CLOSE.removed);
      reportParticipants();
    },
    async close() {
      closing = true;
      for (const phone of phones) phone.close(ROOM_CLOSE.closed);
      await Promise.all([...phones].map((phone) => phone.closed));
    },
  };
}
