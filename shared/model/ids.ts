import { nanoid } from 'nanoid';

/** Record ids: 21-character URL-safe random ids, unique across copies of a map made offline. */
export const newId = (): string => nanoid();

/** A random 31-bit integer: the version tie-breaker. */
export const newNonce = (): number => Math.floor(Math.random() * 2 ** 31);
