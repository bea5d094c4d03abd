/**
 * Maps deleted for good from the trash. Their file backups stay (a last resort), so the start-up
 * recovery must know not to bring them back. Kept in localStorage, outside IndexedDB, because
 * the recovery runs exactly when IndexedDB has lost its contents.
 */
const KEY = 'journeywall:purged-maps';
/** Enough for years of workshops; the oldest ids drop out first. */
const KEPT = 2000;

export const purgedMaps = (): ReadonlySet<string> => {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
};

export const rememberPurged = (mapId: string): void => {
  try {
    const ids = [...purgedMaps()].filter((id) => id !== mapId);
    ids.push(mapId);
    localStorage.setItem(KEY, JSON.stringify(ids.slice(-KEPT)));
  } catch {
    // Not remembered: at worst the map's backup comes back at the next start, nothing is lost.
  }
};
