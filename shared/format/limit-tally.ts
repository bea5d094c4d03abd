import { FILE_LIMITS, LIVE_LIMITS, type LimitedType } from '../model/limits.ts';
import type { JourneyRecord } from '../model/records.ts';
import { overLimit, type ParseError } from './messages.ts';

const isLimited = (type: unknown): type is LimitedType =>
  typeof type === 'string' && Object.hasOwn(LIVE_LIMITS, type);

/**
 * The key of a cell of a scenario, or undefined for a place that is not a cell. Values from a
 * file are not yet validated, so the key is made from any strings without ambiguity.
 */
export const cellKey = (scenarioId: unknown, stageId: unknown, laneId: unknown): string | undefined =>
  typeof scenarioId === 'string' && typeof stageId === 'string' && typeof laneId === 'string'
    ? JSON.stringify([scenarioId, stageId, laneId])
    : undefined;

/**
 * Counts live records against the limits on stages, lanes, scenarios, personas, votes and notes per
 * cell: O(1) per record, so it runs before validation. Keeps the first limit passed.
 */
export class LimitTally {
  private readonly counts: Record<LimitedType, number> = {
    stage: 0,
    lane: 0,
    scenario: 0,
    persona: 0,
    vote: 0,
    round: 0,
  };
  private readonly perCell = new Map<string, number>();
  private passed: ParseError | undefined;

  /** One live record; a note in a cell with its cellKey. */
  add(type: unknown, cell?: string): void {
    if (this.passed) return;
    if (isLimited(type)) {
      const count = ++this.counts[type];
      const { max, plural } = LIVE_LIMITS[type];
      if (count > max)
        this.passed = overLimit(`it has more than ${max} ${plural}`, max.toLocaleString('en-US'));
    } else if (type === 'note' && cell !== undefined) {
      const count = (this.perCell.get(cell) ?? 0) + 1;
      this.perCell.set(cell, count);
      const max = FILE_LIMITS.maxNotesPerCell;
      if (count > max)
        this.passed = overLimit(
          `it has more than ${max.toLocaleString('en-US')} notes in one cell of a scenario`,
          `${max.toLocaleString('en-US')} per cell`,
        );
    }
  }

  /** The first limit passed, as the error parse reports; undefined within every limit. */
  error(): ParseError | undefined {
    return this.passed;
  }
}

/** The first limit a map passes (see LimitTally), or undefined. O(records). */
export const limitPassed = (records: Iterable<JourneyRecord>): ParseError | undefined => {
  const tally = new LimitTally();
  for (const record of records) {
    if (record.isDeleted) continue;
    tally.add(
      record.type,
      record.type === 'note' ? cellKey(record.scenarioId, record.stageId, record.laneId) : undefined,
    );
  }
  return tally.error();
};
