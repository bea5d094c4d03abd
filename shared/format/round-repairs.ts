import type { JourneyRecord } from '../model/records.ts';
import { relinkRound } from '../model/round-references.ts';
import { counted } from './records/repairs.ts';
import type { RepairLog } from './repair-log.ts';

/**
 * Brings the writing rounds of a map being read into line with its records, reporting it in the
 * log: a stage, lane or board note a round names that the map does not hold is forgotten (see
 * relinkRound). Every note of the inbox is kept: it is what a participant wrote. Like every
 * repair while reading, not an edit: versions stay.
 */
export const repairRounds = (records: Record<string, JourneyRecord>, log: RepairLog): void => {
  const holds = (id: string, type: JourneyRecord['type']) =>
    Object.hasOwn(records, id) && records[id]?.type === type;
  for (const record of Object.values(records)) {
    if (record.type !== 'round') continue;
    const relinked = relinkRound(record, (id, type) => (holds(id, type) ? id : null));
    if (relinked === record) continue;
    log.add(
      'round-references-dropped',
      (count) =>
        `Forgot the stages, lanes or board notes that are not in the map among those ${counted(count, 'writing round')} named.`,
    );
    records[record.id] = relinked;
  }
};
