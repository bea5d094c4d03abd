/** Summary statistics of a list of timings (milliseconds). */

export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** The q-quantile (0..1) with linear interpolation between the closest ranks. */
export const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
};

export const summarize = (values: readonly number[]): Summary => ({
  count: values.length,
  p50: quantile(values, 0.5),
  p95: quantile(values, 0.95),
  max: values.length === 0 ? Number.NaN : Math.max(...values),
});

export const median = (values: readonly number[]): number => quantile(values, 0.5);
