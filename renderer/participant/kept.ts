/** What the phone keeps for a room: localStorage, or nothing where the browser refuses it. */
export type KeptStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage; reading the property itself throws where storage is blocked. */
export const pageStorage = (): KeptStorage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** Each room's keys carry its token, so two rooms on one phone do not mix. */
export const keptKey = (
  token: string,
  what: 'participant' | 'outbox' | 'round' | 'draft' | 'vote' | 'ballots',
): string => `journeywall.room.${token}.${what}`;

/** The JSON kept under a key, or undefined when there is none, it is unreadable or storage throws. */
export const readKept = (storage: KeptStorage | null, key: string): unknown => {
  try {
    const text = storage?.getItem(key);
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/** Keeps the value; false when storage is full, blocked or missing. */
export const writeKept = (storage: KeptStorage | null, key: string, value: unknown): boolean => {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
};
