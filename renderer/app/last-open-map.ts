import type { JourneywallDb } from '../db/journeywall-db.ts';

/**
 * Which map was on the board when the app last closed (or crashed), so starting again lands a
 * facilitator back on it. Session state, never in the map. Kept in IndexedDB, whose commits are
 * on disk when reported (localStorage is written lazily and lost in a crash soon after opening
 * another map), and in localStorage too, which outlives a wiped IndexedDB.
 */
const KEY = 'journeywall:last-open-map';

export const rememberOpenMap = async (db: JourneywallDb, mapId: string | null): Promise<void> => {
  try {
    if (mapId) localStorage.setItem(KEY, mapId);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage denied: IndexedDB below still remembers.
  }
  try {
    if (mapId) await db.session.put({ key: 'last-open-map', mapId });
    else await db.session.delete('last-open-map');
  } catch {
    // Not remembered: the app starts on the library, which loses nothing.
  }
};

export const lastOpenMap = async (db: JourneywallDb): Promise<string | null> => {
  try {
    const row = await db.session.get('last-open-map');
    if (row) return row.mapId;
  } catch {
    // Fall back to localStorage.
  }
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};
