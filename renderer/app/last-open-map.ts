/**
 * Which map was on the board when the app last closed (or crashed), so starting again lands a
 * facilitator back on it. Session state: kept in localStorage, never in the map.
 */
const KEY = 'journeywall:last-open-map';

export const rememberOpenMap = (mapId: string | null): void => {
  try {
    if (mapId) localStorage.setItem(KEY, mapId);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage denied: the app still works, it just starts on the library.
  }
};

export const lastOpenMap = (): string | null => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};
