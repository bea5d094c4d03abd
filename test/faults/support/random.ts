/**
 * A small seeded PRNG (mulberry32): the same seed gives the same scripts and kill moments in
 * every CI run, and FAULTS_SEED replays another. Only the machine's speed still varies.
 */
const DEFAULT_SEED = 20261204;

export const suiteSeed = (): number => {
  const fromEnv = Number.parseInt(process.env.FAULTS_SEED ?? '', 10);
  return Number.isFinite(fromEnv) ? fromEnv : DEFAULT_SEED;
};

export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const left = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && left.length > 0) chosen.push(...left.splice(int(0, left.length - 1), 1));
    return chosen;
  };
  return { next, int, pick, sample };
};

/** A seed for one part of the suite, derived from the suite's seed and the part's name. */
export const seedFor = (seed: number, part: string): number => {
  let hash = seed >>> 0;
  for (const char of part) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
};

const WORDS = [
  'kiosk',
  'queue',
  'refund',
  'receipt',
  'delivery',
  'helpdesk',
  'voucher',
  'login',
  'parcel',
  'survey',
  'checkout',
  'brochure',
  'invoice',
  'upgrade',
  'warranty',
  'pickup',
  'reminder',
  'chatbot',
  'signup',
];

/** A few words a facilitator might type (lower case letters and spaces only). */
export const words = (random: Random, count: number): string =>
  Array.from({ length: count }, () => random.pick(WORDS)).join(' ');
