/**
 * Each map's room keeps its code, token and port across launches (<userData>/rooms.json), so
 * after the laptop crashes or restarts the phones' join address works again and they reconnect
 * by themselves. The file is read like any file from disk: an entry that is not valid is
 * forgotten (that map gets a new room), never trusted and never a crash.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { IPC_LIMITS } from '../../../shared/ipc/contract.ts';
import {
  ROOM_CODE_ALPHABET,
  ROOM_CODE_PATTERN,
  ROOM_LIMITS,
  ROOM_TOKEN_PATTERN,
} from '../../../shared/room/protocol.ts';
import { jsonFile } from '../json-file.ts';

const CODE_LENGTH = 6;

const identitySchema = z.strictObject({
  code: z.string().regex(ROOM_CODE_PATTERN),
  token: z.string().regex(ROOM_TOKEN_PATTERN),
  /** Ports below 1024 need administrator rights; the room never picks one. */
  port: z.number().int().min(1024).max(65535).nullable(),
});
export type RoomIdentity = z.infer<typeof identitySchema>;

/**
 * A list rather than an object keyed by map id, so no id (such as "__proto__") is ever a key.
 * Entries are checked one by one: one damaged entry costs one map its address, not every map.
 */
const fileSchema = z.object({ rooms: z.array(z.unknown()) });
const entrySchema = z.object({ mapId: z.string().regex(IPC_LIMITS.mapIdPattern), identity: identitySchema });

export interface RoomIdentities {
  /** The map's stored identity, or a new one (with no port yet) that is stored only by `remember`. */
  identityOf(mapId: string): Promise<RoomIdentity>;
  remember(mapId: string, identity: RoomIdentity): Promise<void>;
  /**
   * Gives the map's room a new token (its code and journal stay): people who kept the old join
   * address cannot come back. Stored at once.
   */
  renewToken(mapId: string): Promise<void>;
}

const newRoomToken = (): string => randomBytes(ROOM_LIMITS.tokenBytes).toString('base64url');

const newRoomCode = (): string =>
  Array.from({ length: CODE_LENGTH }, () => ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)]).join(
    '',
  );

export function createRoomIdentities(file: string): RoomIdentities {
  const store = jsonFile(file, fileSchema);
  let loaded: Promise<Map<string, RoomIdentity>> | null = null;

  /**
   * Codes name the rooms' journals and tokens open them: two maps sharing one (a hand-edited
   * file) would share notes, so only the first keeps it.
   */
  async function load(): Promise<Map<string, RoomIdentity>> {
    const rooms = new Map<string, RoomIdentity>();
    const taken = new Set<string>();
    for (const value of (await store.load())?.rooms ?? []) {
      const parsed = entrySchema.safeParse(value);
      if (!parsed.success) continue;
      const { mapId, identity } = parsed.data;
      if (rooms.has(mapId) || taken.has(identity.code) || taken.has(identity.token)) continue;
      taken.add(identity.code).add(identity.token);
      rooms.set(mapId, identity);
    }
    return rooms;
  }

  const rooms = (): Promise<Map<string, RoomIdentity>> => {
    loaded ??= load();
    return loaded;
  };

  return {
    async identityOf(mapId) {
      const known = await rooms();
      const stored = known.get(mapId);
      if (stored) return stored;
      const codes = new Set([...known.values()].map((identity) => identity.code));
      let code = newRoomCode();
      while (codes.has(code)) code = newRoomCode();
      return { code, token: newRoomToken(), port: null };
    },
    async remember(mapId, identity) {
      const known = await rooms();
      known.set(mapId, identity);
      await store.save({ rooms: [...known].map(([id, stored]) => ({ mapId: id, identity: stored })) });
    },
    async renewToken(mapId) {
      const known = await rooms();
      const stored = known.get(mapId);
      if (stored) await this.remember(mapId, { ...stored, token: newRoomToken() });
    },
  };
}
