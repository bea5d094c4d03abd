import type { JourneywallDb, SessionRow } from '../db/journeywall-db.ts';
import { showNotice } from '../ui/notice-store.ts';

/**
 * Which map was on the board when the app last closed (or crashed), so starting again lands a
 * facilitator back on it. Session state, never in the map. Kept in IndexedDB, whose commits are
 * on disk when reported (localStorage is written lazily and lost in a crash soon after opening
 * another map), and in localStorage too, which outlives a wiped IndexedDB.
 *
 * A map is remembered as "opening" until its board has drawn once (rememberOpeningMap, then
 * rememberOpenMap). A map still opening at the next start crashed or froze the app on its first
 * draw: it is not reopened, or a hostile file would crash every start.
 */
const KEY = 'journeywall:last-open-map';
const OPENING_KEY = 'journeywall:opening-map';

const write = async (db: JourneywallDb, mapId: string | null, opening: boolean): Promise<void> => {
  try {
    if (mapId) localStorage.setItem(KEY, mapId);
    else localStorage.removeItem(KEY);
    if (mapId && opening) localStorage.setItem(OPENING_KEY, mapId);
    else localStorage.removeItem(OPENING_KEY);
  } catch {
    // Storage denied: IndexedDB below still remembers.
  }
  try {
    if (!mapId) await db.session.delete('last-open-map');
    else {
      const row: SessionRow = opening
        ? { key: 'last-open-map', mapId, opening: true }
        : { key: 'last-open-map', mapId };
      await db.session.put(row);
    }
  } catch {
    // Not remembered: the app starts on the library, which loses nothing.
  }
};

/** The map is on the board and has drawn (or null: the library is shown). */
export const rememberOpenMap = (db: JourneywallDb, mapId: string | null): Promise<void> =>
  write(db, mapId, false);

/** The map is about to be drawn for the first time since it was opened. */
export const rememberOpeningMap = (db: JourneywallDb, mapId: string): Promise<void> => write(db, mapId, true);

export interface LastOpen {
  readonly mapId: string;
  /** Its first draw never finished: the app crashed, froze or was closed while drawing it. */
  readonly crashed: boolean;
}

export const lastOpen = async (db: JourneywallDb): Promise<LastOpen | null> => {
  try {
    const row: SessionRow | undefined = await db.session.get('last-open-map');
    if (row?.key === 'last-open-map') return { mapId: row.mapId, crashed: row.opening === true };
  } catch {
    // Fall back to localStorage.
  }
  try {
    const mapId = localStorage.getItem(KEY);
    return mapId ? { mapId, crashed: localStorage.getItem(OPENING_KEY) === mapId } : null;
  } catch {
    return null;
  }
};

/**
 * The map to reopen at start, or null for the library. A map whose first draw never finished is
 * forgotten instead, and the notice names it: the facilitator can still open it from the library.
 */
export const mapToReopen = async (db: JourneywallDb): Promise<string | null> => {
  const last = await lastOpen(db);
  if (!last?.crashed) return last?.mapId ?? null;
  await rememberOpenMap(db, null);
  const summary = await db.maps.get(last.mapId).catch(() => undefined);
  showNotice(
    `“${summary?.name ?? 'The last map'}” was not reopened: the app closed while it was being drawn. ` +
      'It is still in the library.',
  );
  return null;
};
