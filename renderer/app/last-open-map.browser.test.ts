import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, deleteTestDbs } from '../db/testing.ts';
import { mapToReopen, rememberOpenMap } from './last-open-map.ts';

afterEach(async () => {
  localStorage.clear();
  await deleteTestDbs();
});

describe('the map that was open', () => {
  it('is remembered in IndexedDB, which a crash right after opening does not lose', async () => {
    const db = createTestDb();
    await rememberOpenMap(db, 'map-b');
    localStorage.clear();
    expect(await mapToReopen(db)).toBe('map-b');
    await rememberOpenMap(db, null);
    expect(await mapToReopen(db)).toBeNull();
  });

  it('is still known from localStorage after IndexedDB was wiped', async () => {
    const db = createTestDb();
    await rememberOpenMap(db, 'map-c');
    await db.session.clear();
    expect(await mapToReopen(db)).toBe('map-c');
  });
});
