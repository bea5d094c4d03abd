import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { newId } from '../../shared/model/ids.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import { relinkRound } from '../../shared/model/round-references.ts';
import { freshBookkeeping, withoutMergeMarks } from '../../shared/model/update.ts';
import { relinkVote } from '../../shared/model/vote-references.ts';

/**
 * A new, independent map with the same content: new map id, new record ids and fresh versions
 * (the copy is not a replica to merge with the original). Deleted records are left behind;
 * references between records (a note's scenario and cell, a scenario's origin, the active
 * persona, a vote's notes and dots) follow the new ids.
 */
export const copyDocument = (
  doc: JourneyDocument,
  name: string,
  now: number = Date.now(),
): JourneyDocument => {
  const ids = new Map<string, string>();
  for (const record of Object.values(doc.records)) if (!record.isDeleted) ids.set(record.id, newId());
  const id = ids.get(doc.id) ?? newId();
  const mapped = (old: string | null): string | null => (old === null ? null : (ids.get(old) ?? null));
  const records: Record<string, JourneyRecord> = {};
  for (const record of Object.values(doc.records)) {
    const copyId = ids.get(record.id);
    if (!copyId) continue;
    const fresh = withoutMergeMarks({ ...record, ...freshBookkeeping(copyId, now) });
    records[copyId] = relink(fresh, mapped);
  }
  const source = mapRecordOf(doc);
  records[id] = withoutMergeMarks({
    ...source,
    ...freshBookkeeping(id, now),
    name,
    created: now,
    activePersonaId: mapped(source.activePersonaId),
  });
  return { id, records };
};

const relink = (record: JourneyRecord, mapped: (old: string | null) => string | null): JourneyRecord => {
  switch (record.type) {
    case 'note': {
      const stageId = mapped(record.stageId);
      const laneId = mapped(record.laneId);
      const inCell = stageId !== null && laneId !== null;
      return {
        ...record,
        scenarioId: mapped(record.scenarioId) ?? record.scenarioId,
        stageId: inCell ? stageId : null,
        laneId: inCell ? laneId : null,
        origin: mapped(record.origin),
      };
    }
    case 'scenario': {
      const emotions: Record<string, number> = {};
      for (const [stageId, score] of Object.entries(record.emotions)) {
        const copy = mapped(stageId);
        if (copy) emotions[copy] = score;
      }
      return { ...record, basedOn: mapped(record.basedOn), emotions };
    }
    case 'vote':
      return relinkVote(record, mapped);
    case 'round':
      return relinkRound(record, mapped);
    default:
      return record;
  }
};
