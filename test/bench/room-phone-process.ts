/**
 * The room bench's phones (room-load.ts): plain WebSocket clients that speak the room's protocol
 * as the participant page does (shared/room/protocol.ts), in a Node process of their own, so
 * their clocks are not held up by the bench's own process (which relays the shell harness's IPC
 * and drives Chromium). Each phone says hello, waits for the writing round, sends its notes at the
 * times its plan gives, and notes when each is acknowledged. The laptop's frames are parsed with
 * the protocol's own schema: a frame that does not parse is a problem the bench reports.
 *
 * Forked by room-load.ts; it talks over the IPC channel (ToPhones, FromPhones in room-phones.ts).
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import {
  type BallotSubmission,
  LAPTOP_MESSAGE,
  type NoteSubmission,
  ROOM_LIMITS,
  type RoundView,
  type VoteView,
} from '../../shared/room/protocol.ts';
import {
  clock,
  type FromPhones,
  type PhonePlan,
  type SentBallot,
  seeded,
  type ToPhones,
} from './room-phones.ts';

const NAMES = ['Ana', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun'];
const WORDS = (
  'toner light blinks order cartridge wrong model printer driver update paper jam refund form ' +
  'hold music call centre delivery box letterbox invoice email password reset store website ' +
  'price comparison subscription reminder warranty courier tracking number'
).split(' ');

/** A sticky note's few words, unique to the phone and the note. */
const noteText = (random: () => number, phone: number, note: number): string => {
  const words = Array.from(
    { length: 3 + Math.floor(random() * 6) },
    () => WORDS[Math.floor(random() * WORDS.length)],
  );
  return `${words.join(' ')} (phone ${phone + 1}, note ${note + 1})`;
};

const clientId = (): string => randomBytes(12).toString('base64url');

interface Phone {
  readonly index: number;
  readonly device: string;
  readonly socket: WebSocket;
  round: RoundView | null;
  vote: VoteView | null;
  welcomed: boolean;
}

const send = (message: FromPhones): void => {
  process.send?.(message);
};

const problems: string[] = [];
let phones: Phone[] = [];
let notes: {
  phone: Phone;
  frame: NoteSubmission;
  plannedAt: number;
  sentAt: number;
  ackAt: number | null;
}[] = [];
const byId = new Map<string, (typeof notes)[number]>();
const ballots = new Map<string, { phone: Phone; ballot: SentBallot }>();
let voteReported: string | null = null;
let plan: PhonePlan | null = null;
let roundReported = false;

const onFrame = (phone: Phone, data: WebSocket.RawData): void => {
  const at = clock();
  let parsed: ReturnType<typeof LAPTOP_MESSAGE.safeParse>;
  try {
    parsed = LAPTOP_MESSAGE.safeParse(JSON.parse(data.toString()));
  } catch {
    problems.push(`phone ${phone.index + 1}: a frame that is not JSON`);
    return;
  }
  if (!parsed.success) {
    problems.push(`phone ${phone.index + 1}: a frame the protocol does not parse`);
    return;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'welcome':
      phone.welcomed = true;
      if (phones.every((each) => each.welcomed)) send({ kind: 'joined', welcomed: phones.length });
      return;
    case 'round':
      phone.round = message.round;
      if (!roundReported && message.round && phones.every((each) => each.round?.id === message.round?.id)) {
        roundReported = true;
        send({ kind: 'round', roundId: message.round.id });
      }
      return;
    case 'vote':
      phone.vote = message.vote;
      if (
        message.vote &&
        voteReported !== message.vote.id &&
        phones.every((each) => each.vote?.id === message.vote?.id)
      ) {
        voteReported = message.vote.id;
        send({ kind: 'vote', voteId: message.vote.id, notes: message.vote.notes.length });
      }
      return;
    case 'ack':
      for (const id of message.ids) {
        const sent = ballots.get(id);
        if (sent) {
          if (sent.phone !== phone)
            problems.push(`phone ${phone.index + 1}: an ack for a ballot it never sent`);
          else if (sent.ballot.ackAt !== null)
            problems.push(`phone ${phone.index + 1}: a second ack for one ballot`);
          else sent.ballot = { ...sent.ballot, ackAt: at };
          continue;
        }
        const note = byId.get(id);
        if (!note || note.phone !== phone)
          problems.push(`phone ${phone.index + 1}: an ack for a note it never sent`);
        else if (note.ackAt !== null) problems.push(`phone ${phone.index + 1}: a second ack for one note`);
        else note.ackAt = at;
      }
      return;
    case 'removed':
    case 'full':
      problems.push(`phone ${phone.index + 1}: the laptop said ${message.type}`);
      return;
    default:
      // Anything else the laptop tells phones (a vote on phones) is not part of writing.
      return;
  }
};

const join = (given: PhonePlan): void => {
  plan = given;
  const random = seeded(given.seed);
  phones = Array.from({ length: given.phones }, (_, index) => {
    const socket = new WebSocket(given.socketUrl, { origin: given.origin, perMessageDeflate: false });
    const phone: Phone = { index, device: clientId(), socket, round: null, vote: null, welcomed: false };
    const name = `${NAMES[index % NAMES.length]} ${Math.floor(index / NAMES.length) + 1}`;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', device: phone.device, name })));
    socket.on('message', (data) => onFrame(phone, data));
    socket.on('close', (code) => {
      if (code !== 1000) problems.push(`phone ${index + 1}: the laptop closed the socket (${code})`);
    });
    socket.on('error', (error) => problems.push(`phone ${index + 1}: ${error.message}`));
    return phone;
  });
  // The texts are made now, from the seed, so writing costs the phones nothing but the send.
  notes = phones.flatMap((phone) =>
    Array.from({ length: given.notesEach }, (_, note) => ({
      phone,
      frame: {
        type: 'note' as const,
        id: clientId(),
        roundId: '',
        text: noteText(random, phone.index, note),
        stageId: null,
        laneId: null,
        kind: 'note' as const,
      },
      plannedAt: random(),
      sentAt: Number.NaN,
      ackAt: null,
    })),
  );
  for (const note of notes) byId.set(note.frame.id, note);
};

/**
 * Writing: each phone's notes are spread over the minute, one in each of `notesEach` equal slots
 * at a random point within it (so phones bunch up and spread out as people do), each in a stage
 * and lane the phone picks from the round's lists, as a writer chooses on the phone.
 */
const write = async (startAt: number, spreadMs: number, giveUpAt: number): Promise<void> => {
  if (!plan) throw new Error('The phones have not joined');
  const { notesEach } = plan;
  const random = seeded(plan.seed + 1);
  const perPhone = new Map<Phone, number>();
  for (const note of notes) {
    const slot = perPhone.get(note.phone) ?? 0;
    perPhone.set(note.phone, slot + 1);
    note.plannedAt = startAt + (spreadMs * (slot + note.plannedAt)) / notesEach;
  }
  const sends = notes.map(
    (note) =>
      new Promise<void>((resolve) => {
        setTimeout(
          () => {
            const round = note.phone.round;
            if (!round) {
              problems.push(`phone ${note.phone.index + 1}: no round to write in`);
              resolve();
              return;
            }
            const stage = round.stages[Math.floor(random() * round.stages.length)];
            const lane = round.lanes[Math.floor(random() * round.lanes.length)];
            const frame: NoteSubmission = {
              ...note.frame,
              roundId: round.id,
              stageId: stage?.id ?? null,
              laneId: lane?.id ?? null,
              kind: round.kinds[0] ?? 'note',
            };
            const text = JSON.stringify(frame);
            if (Buffer.byteLength(text) > ROOM_LIMITS.maxFrameBytes)
              problems.push('a note frame over the limit');
            note.sentAt = clock();
            note.phone.socket.send(text);
            resolve();
          },
          Math.max(0, note.plannedAt - clock()),
        );
      }),
  );
  await Promise.all(sends);
  while (clock() < giveUpAt && notes.some((note) => note.ackAt === null))
    await new Promise((resolve) => setTimeout(resolve, 50));
  send({
    kind: 'written',
    problems,
    notes: notes.map((note) => ({
      phone: note.phone.index,
      device: note.phone.device,
      id: note.frame.id,
      text: note.frame.text,
      plannedAt: note.plannedAt,
      sentAt: note.sentAt,
      ackAt: note.ackAt,
    })),
  });
};

/**
 * Voting: each phone gives its dots one at a time, one in each of `dotsEach` equal slots of the
 * spread at a random point within it, each on a note it has not dotted yet, picked at random from
 * the notes the vote offers; after each dot it sends its whole ballot with the next `seq`, as the
 * phone's page does.
 */
const vote = async (startAt: number, spreadMs: number, dotsEach: number, giveUpAt: number): Promise<void> => {
  if (!plan) throw new Error('The phones have not joined');
  const random = seeded(plan.seed + 2);
  const sends = phones.flatMap((phone) => {
    const view = phone.vote;
    if (!view) {
      problems.push(`phone ${phone.index + 1}: no vote to give dots in`);
      return [];
    }
    const chosen: string[] = [];
    while (chosen.length < Math.min(dotsEach, view.notes.length)) {
      const note = view.notes[Math.floor(random() * view.notes.length)];
      if (note && !chosen.includes(note.id)) chosen.push(note.id);
    }
    return chosen.map(
      (_, given) =>
        new Promise<void>((resolve) => {
          const at = startAt + (spreadMs * (given + random())) / dotsEach;
          setTimeout(
            () => {
              const dots = Object.fromEntries(chosen.slice(0, given + 1).map((id) => [id, 1]));
              const ballot: BallotSubmission = {
                type: 'ballot',
                id: clientId(),
                voteId: view.id,
                seq: given + 1,
                dots,
              };
              const sentAt = clock();
              ballots.set(ballot.id, {
                phone,
                ballot: {
                  phone: phone.index,
                  device: phone.device,
                  id: ballot.id,
                  seq: ballot.seq,
                  dots,
                  sentAt,
                  ackAt: null,
                },
              });
              phone.socket.send(JSON.stringify(ballot));
              resolve();
            },
            Math.max(0, at - clock()),
          );
        }),
    );
  });
  await Promise.all(sends);
  while (clock() < giveUpAt && [...ballots.values()].some(({ ballot }) => ballot.ackAt === null))
    await new Promise((resolve) => setTimeout(resolve, 50));
  send({ kind: 'voted', problems, ballots: [...ballots.values()].map(({ ballot }) => ballot) });
};

process.on('message', (message: ToPhones) => {
  const fail = (error: unknown) => send({ kind: 'failed', message: String(error) });
  try {
    switch (message.kind) {
      case 'join':
        join(message.plan);
        return;
      case 'clock':
        send({ kind: 'clock', id: message.id, at: clock() });
        return;
      case 'write':
        write(message.startAt, message.spreadMs, message.giveUpAt).catch(fail);
        return;
      case 'vote':
        vote(message.startAt, message.spreadMs, message.dotsEach, message.giveUpAt).catch(fail);
        return;
      case 'quit':
        for (const phone of phones) phone.socket.close(1000);
        setTimeout(() => process.exit(0), 200);
        return;
    }
  } catch (error) {
    fail(error);
  }
});
