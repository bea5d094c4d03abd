import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOM_CODE_PATTERN, ROOM_TOKEN_PATTERN } from '../../../shared/room/protocol.ts';
import { createRoomIdentities } from './room-identities.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-room-ids-'));
  file = path.join(dir, 'rooms.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('room identities', () => {
  it('gives a new map a readable code and a 128-bit token, and no port yet', async () => {
    const identity = await createRoomIdentities(file).identityOf('map-1');
    expect(identity.code).toMatch(ROOM_CODE_PATTERN);
    expect(identity.token).toMatch(ROOM_TOKEN_PATTERN);
    expect(identity.port).toBeNull();
  });

  it('gives the same map the same code, token and port after the app restarts', async () => {
    const before = createRoomIdentities(file);
    const identity = await before.identityOf('map-1');
    await before.remember('map-1', { ...identity, port: 51234 });
    const after = createRoomIdentities(file);
    expect(await after.identityOf('map-1')).toEqual({ ...identity, port: 51234 });
  });

  it('gives different maps different rooms', async () => {
    const identities = createRoomIdentities(file);
    const first = await identities.identityOf('map-1');
    await identities.remember('map-1', first);
    const second = await identities.identityOf('map-2');
    expect(second.code).not.toBe(first.code);
    expect(second.token).not.toBe(first.token);
  });

  it('starts afresh from a damaged file', async () => {
    await writeFile(file, '{"rooms": [{"mapId": "map-1", "identity": {"code": "ABC');
    const identity = await createRoomIdentities(file).identityOf('map-1');
    expect(identity.code).toMatch(ROOM_CODE_PATTERN);
    expect(identity.port).toBeNull();
  });

  it('forgets entries that are not valid, and a code or token a second map claims', async () => {
    const good = { code: 'ABCDEF', token: 'A'.repeat(22), port: 50000 };
    await writeFile(
      file,
      JSON.stringify({
        rooms: [
          { mapId: 'map-1', identity: good },
          { mapId: 'copycat', identity: { ...good, token: 'B'.repeat(22) } },
          { mapId: 'short-token', identity: { ...good, code: 'GHJKLM', token: 'short' } },
          { mapId: 'low-port', identity: { code: 'NPQRST', token: 'C'.repeat(22), port: 80 } },
          { mapId: '../escape', identity: { code: 'UVWXYZ', token: 'D'.repeat(22), port: null } },
          { mapId: '__proto__', identity: { code: 'ZZZZZZ', token: 'E'.repeat(22), port: null } },
          'not an entry',
        ],
      }),
    );
    const identities = createRoomIdentities(file);
    expect(await identities.identityOf('map-1')).toEqual(good);
    for (const mapId of ['copycat', 'short-token', 'low-port']) {
      const fresh = await identities.identityOf(mapId);
      expect(fresh.code).not.toBe('ABCDEF');
      expect(fresh.port).toBeNull();
    }
    // An id such as __proto__ is a map like any other, never an object key.
    expect(await identities.identityOf('__proto__')).toEqual({
      code: 'ZZZZZZ',
      token: 'E'.repeat(22),
      port: null,
    });
  });

  it('keeps the other maps when it stores one', async () => {
    const identities = createRoomIdentities(file);
    const first = await identities.identityOf('map-1');
    await identities.remember('map-1', { ...first, port: 50001 });
    const second = await identities.identityOf('map-2');
    await identities.remember('map-2', { ...second, port: 50002 });
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored.rooms).toHaveLength(2);
    expect(await createRoomIdentities(file).identityOf('map-1')).toEqual({ ...first, port: 50001 });
  });
});
