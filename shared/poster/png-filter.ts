/**
 * PNG row filters (PNG specification, section 9). Each scanline is stored as a filter type byte
 * followed by the row's bytes predicted from their left and upper neighbours, which turns flat
 * colour into runs of zeros that deflate packs tightly.
 */
const FILTER = { none: 0, sub: 1, up: 2, average: 3, paeth: 4 } as const;

/**
 * `adaptive` applies the specification's suggested heuristic: per row, the filter whose output has
 * the minimum sum of absolute differences (bytes read as signed). `up-sub` runs that heuristic
 * over None, Sub and Up only, which covers flat posters nearly as well at a third of the cost.
 */
export type FilterStrategy = 'none' | 'sub' | 'up' | 'paeth' | 'up-sub' | 'adaptive';

const paethPredictor = (left: number, up: number, upLeft: number): number => {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
};

/** The filtered byte at index i: (raw - prediction) mod 256. */
const filtered = (type: number, row: Uint8Array, prev: Uint8Array, i: number, bpp: number): number => {
  const raw = row[i] as number;
  const left = i >= bpp ? (row[i - bpp] as number) : 0;
  const up = prev[i] as number;
  switch (type) {
    case FILTER.sub:
      return (raw - left) & 0xff;
    case FILTER.up:
      return (raw - up) & 0xff;
    case FILTER.average:
      return (raw - ((left + up) >> 1)) & 0xff;
    case FILTER.paeth:
      return (raw - paethPredictor(left, up, i >= bpp ? (prev[i - bpp] as number) : 0)) & 0xff;
    default:
      return raw;
  }
};

/** A filtered byte read as signed, made absolute: the specification's cost of one byte. */
const magnitude = (value: number): number => (value < 128 ? value : 256 - value);

/**
 * Sum of the filtered bytes' magnitudes; stops once it reaches `limit`. None, Sub and Up get
 * their own loops because they run on every row of every poster.
 */
const cost = (type: number, row: Uint8Array, prev: Uint8Array, bpp: number, limit: number): number => {
  let sum = 0;
  const length = row.length;
  if (type === FILTER.up) {
    for (let i = 0; i < length && sum < limit; i++)
      sum += magnitude(((row[i] as number) - (prev[i] as number)) & 0xff);
  } else if (type === FILTER.sub) {
    for (let i = 0; i < bpp; i++) sum += magnitude(row[i] as number);
    for (let i = bpp; i < length && sum < limit; i++) {
      sum += magnitude(((row[i] as number) - (row[i - bpp] as number)) & 0xff);
    }
  } else if (type === FILTER.none) {
    for (let i = 0; i < length && sum < limit; i++) sum += magnitude(row[i] as number);
  } else {
    for (let i = 0; i < length && sum < limit; i++) sum += magnitude(filtered(type, row, prev, i, bpp));
  }
  return sum;
};

const CANDIDATES: Record<FilterStrategy, readonly number[]> = {
  none: [FILTER.none],
  sub: [FILTER.sub],
  up: [FILTER.up],
  paeth: [FILTER.paeth],
  'up-sub': [FILTER.up, FILTER.sub, FILTER.none],
  adaptive: [FILTER.up, FILTER.sub, FILTER.none, FILTER.paeth, FILTER.average],
};

export const chooseFilter = (
  strategy: FilterStrategy,
  row: Uint8Array,
  prev: Uint8Array,
  bpp: number,
): number => {
  const candidates = CANDIDATES[strategy];
  let best = candidates[0] ?? FILTER.none;
  if (candidates.length === 1) return best;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const type of candidates) {
    const sum = cost(type, row, prev, bpp, bestCost);
    if (sum < bestCost) {
      best = type;
      bestCost = sum;
      if (sum === 0) break;
    }
  }
  return best;
};

/**
 * Writes the filter type byte and the filtered row into `out` at `offset` (row.length + 1 bytes).
 * `prev` is the previous raw row, all zeros for the first row.
 */
export const filterRow = (
  type: number,
  row: Uint8Array,
  prev: Uint8Array,
  bpp: number,
  out: Uint8Array,
  offset: number,
): void => {
  out[offset] = type;
  const start = offset + 1;
  const length = row.length;
  if (type === FILTER.none) {
    out.set(row, start);
    return;
  }
  if (type === FILTER.up) {
    for (let i = 0; i < length; i++) out[start + i] = ((row[i] as number) - (prev[i] as number)) & 0xff;
    return;
  }
  if (type === FILTER.sub) {
    for (let i = 0; i < bpp; i++) out[start + i] = row[i] as number;
    for (let i = bpp; i < length; i++)
      out[start + i] = ((row[i] as number) - (row[i - bpp] as number)) & 0xff;
    return;
  }
  for (let i = 0; i < length; i++) out[start + i] = filtered(type, row, prev, i, bpp);
};
