import CRC32 from 'crc-32';
import type { JourneyRecord } from '../model/records.ts';
import { counted } from './records/repairs.ts';
import type { RepairLog } from './repair-log.ts';

/**
 * An id derived from `seed` (21 characters, like the app's own ids) that `free` accepts.
 * Repairs and merges name what they make this way, not at random, so everyone who reads the same
 * file, or merges the same copy again, gets the same ids. Three CRC-32s with different seeds give
 * 96 bits; a taken id (a clash, or a file made to clash) is followed by the next derivation.
 */
export const derivedId = (seed: string, free: (id: string) => boolean): string => {
  for (let attempt = 0; ; attempt++) {
    const text = attempt === 0 ? seed : `${seed}\n${attempt}`;
    const id = part(text, 0) + part(text, 1) + part(text, 2);
    if (free(id)) return id;
  }
};

const part = (text: string, salt: number): string =>
  (CRC32.str(text, salt) >>> 0).toString(36).padStart(7, '0');

/**
 * Makes ids unique. Of the records sharing an id the map record keeps it, otherwise the highest
 * version (then the lowest versionNonce, as Excalidraw breaks ties, then the first in the file)
 * keeps it. Exact copies are dropped; any other record gets a new id derived from its old id, its
 * place in the list and its content, so no content is lost and every reader gets the same ids.
 */
export const dedupeIds = (records: readonly JourneyRecord[], log: RepairLog): JourneyRecord[] => {
  const groups = new Map<string, { record: JourneyRecord; at: number }[]>();
  for (const [at, record] of records.entries()) {
    const group = groups.get(record.id);
    if (group) group.push({ record, at });
    else groups.set(record.id, [{ record, at }]);
  }
  const taken = new Set(groups.keys());
  const result: JourneyRecord[] = [];
  for (const group of groups.values()) {
    const [keeper, ...others] = group.length === 1 ? group : [...group].sort(keeperFirst);
    if (!keeper) continue;
    result.push(keeper.record);
    if (others.length === 0) continue;
    const seen = new Set([JSON.stringify(keeper.record)]);
    for (const { record: other, at } of others) {
      const content = JSON.stringify(other);
      if (seen.has(content)) {
        log.add(
          `duplicate-dropped:${other.type}`,
          (count) => `Removed ${counted(count, other.type)} that appeared twice.`,
        );
        continue;
      }
      seen.add(content);
      const { synced: _history, ...fields } = other;
      const id = derivedId(`${other.id}\n${at}\n${content}`, (candidate) => !taken.has(candidate));
      taken.add(id);
      result.push({ ...fields, id });
      log.add(
        `duplicate-renamed:${other.type}`,
        (count) =>
          `Gave ${counted(count, other.type)} that shared an id with another record ${count === 1 ? 'a new id' : 'new ids'}.`,
      );
    }
  }
  return result;
};

type Listed = { readonly record: JourneyRecord; readonly at: number };

const keeperFirst = ({ record: a, at: atA }: Listed, { record: b, at: atB }: Listed): number =>
  Number(b.type === 'map') - Number(a.type === 'map') ||
  b.version - a.version ||
  a.versionNonce - b.versionNonce ||
  atA - atB;
