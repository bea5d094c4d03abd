import type { MergeConflict } from '../../shared/merge/merge.ts';
import { isLiveNote } from '../../shared/model/document.ts';
import { showNotes } from '../board/commands.ts';
import { boardStore, useBoard } from '../store/index.ts';
import {
  closeReview,
  RESOLUTION_LABELS,
  type Resolution,
  resolveConflict,
  useReview,
} from './merge-review.ts';

const conflictSentence = (conflict: MergeConflict, text: (id: string) => string): string => {
  switch (conflict.kind) {
    case 'both-edited':
      return `Both copies changed this note: “${text(conflict.localId)}” here, “${text(conflict.incomingId)}” in the file.`;
    case 'deleted-here-edited-there':
      return `You deleted this note; the file changed it: “${text(conflict.incomingId)}”.`;
    case 'edited-here-deleted-there':
      return `You changed this note; the file deleted it: “${text(conflict.localId)}”.`;
    case 'both-edited-record':
      return `Both copies changed the ${conflict.recordType}${'name' in conflict.incoming ? ` “${conflict.incoming.name}”` : ''}; yours is kept until you choose.`;
  }
};

/**
 * After a merge: what happened, and each conflict with its choices. Both versions of a conflicting
 * note are on the board (the file's beside yours, outlined in red) until the facilitator chooses.
 */
export const ConflictPanel = () => {
  const mapId = useReview((state) => state.mapId);
  const fileName = useReview((state) => state.fileName);
  const summary = useReview((state) => state.summary);
  const conflicts = useReview((state) => state.conflicts);
  const doc = useBoard((state) => state.doc);
  if (!summary || !doc || doc.id !== mapId) return null;
  const text = (id: string): string => {
    const record = doc.records[id];
    return record?.type === 'note' ? record.text.slice(0, 80) || '(empty)' : '';
  };
  const choose = (conflict: MergeConflict, resolution: Resolution) =>
    resolveConflict(boardStore, conflict, resolution);
  return (
    <aside className="side-panel" aria-labelledby="merge-title">
      <h2 id="merge-title">Merged {fileName}</h2>
      <p>
        {summary.added} added · {summary.updated} updated · {summary.deleted} deleted · {summary.conflicts}{' '}
        {summary.conflicts === 1 ? 'conflict' : 'conflicts'}
      </p>
      {conflicts.length === 0 ? (
        <p>Nothing left to decide.</p>
      ) : (
        <ol className="conflict-list" aria-label="Conflicts to resolve">
          {conflicts.map((conflict) => {
            const ids = [conflict.localId, conflict.incomingId].filter((id) => isLiveNote(doc.records[id]));
            return (
              <li key={`${conflict.kind}:${conflict.localId}:${conflict.incomingId}`}>
                <button
                  type="button"
                  className="link"
                  onClick={() => showNotes(boardStore, ids)}
                  disabled={ids.length === 0}
                >
                  {conflictSentence(conflict, text)}
                </button>
                <div className="conflict-actions">
                  {(Object.entries(RESOLUTION_LABELS[conflict.kind]) as [Resolution, string][]).map(
                    ([resolution, label]) => (
                      <button
                        key={resolution}
                        type="button"
                        className="secondary"
                        onClick={() => choose(conflict, resolution)}
                      >
                        {label}
                      </button>
                    ),
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="primary" onClick={closeReview}>
        Done
      </button>
    </aside>
  );
};
