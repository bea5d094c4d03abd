/**
 * The room main opens for the facilitator: at most one at a time, for one map, on one of the
 * laptop's addresses. Opening a map's room again gives it the same code, token and (when free)
 * port, so phones reconnect by themselves, and reports the notes its phones sent before, so a
 * crashed laptop's inbox comes back. Failures come back as sentences for the facilitator. Plain
 * Node: main wires it to IPC.
 */
import path from 'node:path';
import type { OpenRoomResult, RoomAddress, RoomEvent, RoomInfo } from '../../../shared/ipc/contract.ts';
import { IPC_LIMITS } from '../../../shared/ipc/contract.ts';
import type { MapView, RoundView, ScreenView, VoteView } from '../../../shared/room/protocol.ts';
import { errorCode } from '../file-errors.ts';
import { createPhoneLimits, createRoomLog } from './rate-limits.ts';
import { createRoom, type Room } from './room.ts';
import { isOwnAddress, type NetworkInterfaces, roomAddresses } from './room-addresses.ts';
import type { ConnectionTimeouts } from './room-connection.ts';
import { loadParticipantFiles } from './room-http.ts';
import { createRoomIdentities } from './room-identities.ts';
import { openRoomJournal, type RoomJournal } from './room-journal.ts';
import { listenRoom, type RoomServer } from './room-server.ts';

export interface RoomTimeouts extends ConnectionTimeouts {
  /** A request's headers must all arrive within this. */
  readonly headersMs: number;
  /** How often the room checks that the laptop still has its address. */
  readonly addressCheckMs: number;
}

const ROOM_TIMEOUTS: RoomTimeouts = {
  helloMs: 5000,
  heartbeatMs: 15_000,
  closeMs: 1000,
  headersMs: 10_000,
  addressCheckMs: 5000,
};

export interface RoomServiceOptions {
  /** Electron's userData folder: rooms.json and rooms/<code>.jsonl go there. */
  readonly userData: string;
  /** The built participant page (dist/participant). */
  readonly participantDir: string;
  /** Tells the facilitator's window what happens in the room. */
  readonly emit: (event: RoomEvent) => void;
  readonly networkInterfaces?: NetworkInterfaces;
  readonly now?: () => number;
  readonly timeouts?: Partial<RoomTimeouts>;
}

export interface RoomService {
  /** The addresses a room can listen on, the likeliest first. */
  addresses(): RoomAddress[];
  /**
   * Opens the map's room on `address`; another map's open room is closed first. With
   * `newAddress`, the room gets a new token first: whoever kept the old join address is out.
   */
  open(mapId: string, address: string, newAddress?: boolean): Promise<OpenRoomResult>;
  /** Tells every phone the room closed and stops listening; resolves once the port is free. */
  close(): Promise<void>;
  /** The writing round phones write for, or null between rounds. */
  setRound(round: RoundView | null): void;
  /** The vote phones vote in, or null when none runs on phones. */
  setVote(vote: VoteView | null): void;
  setMap(map: MapView | null): void;
  setScreen(screen: ScreenView): void;
  /** Removes a phone; it cannot join again while the room is open. */
  remove(participantId: string): void;
}

interface OpenRoom {
  readonly mapId: string;
  readonly info: RoomInfo;
  readonly room: Room;
  readonly server: RoomServer;
  readonly journal: RoomJournal;
  readonly addressCheck: NodeJS.Timeout;
}

/** Why the room cannot keep notes, in words for the facilitator. */
function storageMessage(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'The disk is full, so the room could not keep the notes phones send. Free some space and open the room again.';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'Journeywall is not allowed to write in its own data folder, so the room could not keep the notes phones send.';
    default:
      return `The room could not be opened: the notes phones send could not be stored (${errorCode(error) ?? String(error)}).`;
  }
}

const addressGoneMessage = (address: string): string =>
  `This computer no longer has the address ${address}. Check its network connection, then open the room on one of the addresses listed.`;

function listenMessage(error: unknown, address: string): string {
  switch (errorCode(error)) {
    case 'EADDRNOTAVAIL':
      return addressGoneMessage(address);
    case 'EACCES':
    case 'EPERM':
      return `This computer did not let Journeywall open a room on ${address}; a firewall or security software may block it.`;
    default:
      return `The room could not be opened on ${address} (${errorCode(error) ?? String(error)}).`;
  }
}

class OpenFailure extends Error {}

/** No timer, no stage to follow: what phones see of the screen until the window says. */
const NOTHING_SHOWN: ScreenView = { timer: null, follow: null };

export function createRoomService(options: RoomServiceOptions): RoomService {
  const timeouts = { ...ROOM_TIMEOUTS, ...options.timeouts };
  const now = options.now ?? Date.now;
  const interfaces = options.networkInterfaces;
  const identities = createRoomIdentities(path.join(options.userData, 'rooms.json'));
  const limits = createPhoneLimits();
  const log = createRoomLog();
  let current: OpenRoom | null = null;
  /** The last map a room was opened for: its round survives a close and reopen, not a change of map. */
  let lastMapId: string | null = null;
  let round: RoundView | null = null;
  let vote: VoteView | null = null;
  let map: MapView | null = null;
  let screen: ScreenView = NOTHING_SHOWN;
  let queue: Promise<unknown> = Promise.resolve();

  /** Opening and closing run one at a time. */
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  }

  function report(event: RoomEvent): void {
    try {
      options.emit(event);
    } catch (error) {
      log(`could not tell the window: ${String(error)}`);
    }
  }

  async function closeCurrent(): Promise<void> {
    const open = current;
    if (open === null) return;
    current = null;
    clearInterval(open.addressCheck);
    await open.room.close();
    await open.server.close();
    await open.journal
      .close()
      .catch((error: unknown) => log(`could not close the journal: ${String(error)}`));
  }

  /** The room stopped without the facilitator asking: say so, so she can open it again. */
  function lost(open: OpenRoom, reason: string): void {
    void serialized(async () => {
      if (current !== open) return;
      await closeCurrent();
      report({ type: 'closed', reason });
    });
  }

  async function openNow(mapId: string, address: string): Promise<RoomInfo> {
    const identity = await identities.identityOf(mapId);
    const files = await loadParticipantFiles(options.participantDir).catch(() => {
      throw new OpenFailure(
        'The page phones open is missing from this copy of Journeywall. Install Journeywall again to use a room.',
      );
    });
    const journal = await openRoomJournal(
      path.join(options.userData, 'rooms', `${identity.code}.jsonl`),
    ).catch((error: unknown) => {
      throw new OpenFailure(storageMessage(error));
    });
    const room = createRoom({
      code: identity.code,
      journal,
      round,
      vote,
      map,
      screen,
      report,
      limits,
      log,
      timeouts,
      now,
    });
    let open: OpenRoom | null = null;
    let server: RoomServer;
    try {
      server = await listenRoom({
        address,
        port: identity.port,
        token: identity.token,
        files,
        headersMs: timeouts.headersMs,
        onPhone: (socket) => room.accept(socket),
        onError: (error) => {
          if (open !== null) lost(open, `The room stopped: ${listenMessage(error, address)}`);
        },
      });
    } catch (error) {
      await journal.close();
      throw new OpenFailure(listenMessage(error, address));
    }
    try {
      await identities.remember(mapId, { ...identity, port: server.port });
    } catch (error) {
      await room.close();
      await server.close();
      await journal.close();
      throw new OpenFailure(storageMessage(error));
    }
    const info: RoomInfo = {
      code: identity.code,
      url: `http://${address}:${server.port}/j/${identity.token}`,
      address,
      port: server.port,
    };
    const addressCheck = setInterval(() => {
      if (open !== null && !isOwnAddress(address, interfaces)) lost(open, addressGoneMessage(address));
    }, timeouts.addressCheckMs);
    const session: OpenRoom = { mapId, info, room, server, journal, addressCheck };
    open = session;
    current = session;
    replay(session);
    return info;
  }

  /**
   * Reports the room's stored notes and its people again, after open() has answered, so the
   * window knows the room is open when they arrive. A window that reloaded or crashed asks to
   * open the room it had: what arrived meanwhile reaches its map this way (it counts each note once).
   */
  function replay(session: OpenRoom): void {
    setImmediate(() => {
      if (current !== session) return;
      for (const entry of session.journal.stored) {
        const { device, name, received } = entry;
        if ('note' in entry)
          report({ type: 'note', participantId: device, name, note: entry.note, received });
        else report({ type: 'ballot', participantId: device, ballot: entry.ballot, received });
      }
      session.room.announce();
    });
  }

  return {
    addresses: () => roomAddresses(interfaces),
    open(mapId, address, newAddress = false) {
      return serialized(async () => {
        if (!IPC_LIMITS.mapIdPattern.test(mapId)) return { error: 'This map cannot have a room.' };
        if (!isOwnAddress(address, interfaces)) return { error: addressGoneMessage(address) };
        if (current?.mapId === mapId && current.info.address === address && !newAddress) {
          replay(current);
          return current.info;
        }
        await closeCurrent();
        if (lastMapId !== mapId) {
          round = null;
          vote = null;
          map = null;
          screen = NOTHING_SHOWN;
        }
        lastMapId = mapId;
        try {
          if (newAddress)
            await identities.renewToken(mapId).catch((error: unknown) => {
              throw new OpenFailure(storageMessage(error));
            });
          return await openNow(mapId, address);
        } catch (error) {
          if (error instanceof OpenFailure) return { error: error.message };
          return { error: `The room could not be opened (${errorCode(error) ?? String(error)}).` };
        }
      });
    },
    close: () => serialized(closeCurrent),
    setRound(next) {
      round = next;
      current?.room.setRound(next);
    },
    setVote(next) {
      vote = next;
      current?.room.setVote(next);
    },
    setMap(next) {
      map = next;
      current?.room.setMap(next);
    },
    setScreen(next) {
      screen = next;
      current?.room.setScreen(next);
    },
    remove(participantId) {
      current?.room.remove(participantId);
    },
  };
}
