/**
 * Whether a map's persona card was last folded into its chip, remembered per map so a reload or
 * a file open doesn't spread the card over the first stage again. Session state of this computer,
 * never in the map: a colleague opening the file decides for themselves.
 */
const KEY = 'journeywall:persona-folded';
/** Maps remembered, most recent last; older choices are forgotten. */
const LIMIT = 200;

const read = (): string[] => {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
};

/** Folded, unfolded, or null when this map's card was never folded or unfolded here. */
export const rememberedFolding = (mapId: string): boolean | null => {
  try {
    const raw = localStorage.getItem(`${KEY}:${mapId}`);
    return raw === null ? null : raw === 'folded';
  } catch {
    return null;
  }
};

export const rememberFolding = (mapId: string, folded: boolean): void => {
  try {
    const ids = [...read().filter((id) => id !== mapId), mapId];
    for (const forgotten of ids.splice(0, Math.max(0, ids.length - LIMIT)))
      localStorage.removeItem(`${KEY}:${forgotten}`);
    localStorage.setItem(KEY, JSON.stringify(ids));
    localStorage.setItem(`${KEY}:${mapId}`, folded ? 'folded' : 'open');
  } catch {
    // Storage denied: the card opens as a new map's would.
  }
};
