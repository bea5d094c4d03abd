import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  type MapView,
  type NoteSubmission,
  type RoundView,
  roundViewSchema,
  type ScreenView,
  type VoteView,
  voteViewSchema,
} from '../../shared/room/protocol.ts';
import { BallotBox } from './ballot-box.ts';
import type { Participant } from './device.ts';
import { type KeptStorage, keptKey, readKept, writeKept } from './kept.ts';
import { Outbox, type OutboxState } from './outbox.ts';
import type { RoomAddress } from './room-address.ts';
import { RoomConnection, type RoomSocketConstructor, type RoomStatus } from './room-connection.ts';

/** The round with its end on this phone's clock: the laptop's may be off, and it said what it read. */
const onPhoneClock = (round: RoundView | null, laptopNow: number): RoundView | null =>
  round?.endsAt == null ? round : { ...round, endsAt: round.endsAt - laptopNow + Date.now() };

/** The screen with its timer's end on this phone's clock (see onPhoneClock). */
const screenOnPhoneClock = (screen: ScreenView, laptopNow: number): ScreenView =>
  screen.timer?.status === 'running'
    ? { ...screen, timer: { status: 'running', endsAt: screen.timer.endsAt - laptopNow + Date.now() } }
    : screen;

export interface Room {
  readonly status: RoomStatus;
  /** The code the laptop shows and the name it knows this phone by, once it has welcomed it. */
  readonly welcome: { readonly code: string; readonly name: string } | null;
  /**
   * The open round as the laptop last showed it, kept on the phone so a page reloaded while the
   * room is away can still write for it; null between rounds, undefined until the laptop has said.
   */
  readonly round: RoundView | null | undefined;
  /** The vote on phones as the laptop last showed it (kept like the round); null when none runs. */
  readonly vote: VoteView | null | undefined;
  /** This phone's dots in the vote shown, and whether the laptop has them. */
  readonly dots: Readonly<Record<string, number>>;
  readonly dotsSent: boolean;
  /** The map the facilitator shares, kept like the round; null when not shared. */
  readonly map: MapView | null | undefined;
  /** What the room's screen shows: the workshop timer (on this phone's clock) and the stage to follow. */
  readonly screen: ScreenView | null;
  /** Keeps the phone's new dots, then sends them if the room is connected. */
  readonly setDots: (dots: Readonly<Record<string, number>>) => void;
  readonly outbox: OutboxState;
  /** Keeps the note on the phone, then sends it if the room is connected. */
  readonly send: (note: NoteSubmission) => void;
  /** Asks a full room again. */
  readonly retry: () => void;
}

/** The room this phone has joined: its connection, what the laptop said, and the outbox. */
export const useRoom = (
  address: RoomAddress,
  participant: Participant,
  storage: KeptStorage | null,
  WebSocket?: RoomSocketConstructor,
): Room => {
  const outbox = useMemo(() => new Outbox(storage, address.token), [storage, address.token]);
  const outboxState = useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.current,
  );
  const [status, setStatus] = useState<RoomStatus>('connecting');
  const [welcome, setWelcome] = useState<Room['welcome']>(null);
  const [round, setRound] = useState<RoundView | null | undefined>(
    () => roundViewSchema.nullable().safeParse(readKept(storage, keptKey(address.token, 'round'))).data,
  );
  const [vote, setVote] = useState<VoteView | null | undefined>(
    () => voteViewSchema.nullable().safeParse(readKept(storage, keptKey(address.token, 'vote'))).data,
  );
  // Not kept on the phone: a large map would take the storage the notes and dots need.
  const [map, setMap] = useState<MapView | null | undefined>(undefined);
  const [screen, setScreen] = useState<ScreenView | null>(null);
  const ballots = useMemo(() => new BallotBox(storage, address.token), [storage, address.token]);
  useSyncExternalStore(
    (listener) => ballots.subscribe(listener),
    () => ballots.version,
  );
  const connection = useRef<RoomConnection | null>(null);

  useEffect(() => {
    const room = new RoomConnection({
      url: address.socketUrl,
      hello: { type: 'hello', ...participant },
      pending: () => [...outbox.pending(), ...ballots.pending()],
      onStatus: setStatus,
      onMessage: (message) => {
        if (message.type === 'welcome') setWelcome({ code: message.roomCode, name: message.name });
        if (message.type === 'ack') {
          outbox.acknowledge(message.ids);
          ballots.acknowledge(message.ids);
        }
        if (message.type === 'map') setMap(message.map);
        if (message.type === 'screen') setScreen(screenOnPhoneClock(message.screen, message.now));
        if (message.type === 'vote') {
          setVote(message.vote);
          writeKept(storage, keptKey(address.token, 'vote'), message.vote);
          if (message.vote) ballots.keepVote(message.vote.id);
        }
        if (message.type === 'round') {
          const shown = onPhoneClock(message.round, message.now);
          setRound(shown);
          writeKept(storage, keptKey(address.token, 'round'), shown);
          if (shown) outbox.keepRound(shown.id);
        }
      },
      ...(WebSocket && { WebSocket }),
    });
    connection.current = room;
    room.start();
    // A phone that slept or lost the Wi-Fi reconnects the moment it is back, not at the next
    // retry; a tab the room moved away from takes it back when it is looked at again.
    const wake = () => room.wake();
    const wakeIfShown = () => document.visibilityState === 'visible' && room.wake();
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wakeIfShown);
    return () => {
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wakeIfShown);
      room.close();
      connection.current = null;
    };
  }, [address, participant, storage, outbox, ballots, WebSocket]);

  return {
    status,
    welcome,
    round,
    vote,
    map,
    screen,
    dots: vote ? ballots.dotsIn(vote.id) : {},
    dotsSent: vote ? ballots.isSent(vote.id) : true,
    setDots: (dots) => {
      if (!vote) return;
      ballots.set(vote.id, dots);
      connection.current?.flush();
    },
    outbox: outboxState,
    send: (note) => {
      outbox.add(note);
      connection.current?.flush();
    },
    retry: () => connection.current?.retry(),
  };
};
