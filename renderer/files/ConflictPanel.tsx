import type { MergeConflict } from '../../shared/merge/merge.ts';
import { showNotes } from '../board/commands.ts';
import { boardStore, useBoard } from '../store/index.ts';
import {
  type ConflictTarget,
  choicesFor,
  closeReview,
  conflictSentence,
  conflictTarget,
  type Resolution,
  resolveConflict,
  useReview,
} from './merge-review.ts';

/** Brings what a conflict is about into view: its notes (in their scenario), its header, its scenario. */
const show = (target: ConflictTarget): void => {
  if (!target) return;
  const state = boardStore.getState();
  if (target.kind === 'header') state.selectHeader(target.header);
  else if (target.kind === 'scenario') state.setScenario(target.id);
  else {
    state.setScenario(target.scenarioId);
    showNotes(boardStore, target.ids);
  }
};

/**
 * After a merge: what happened, and each conflict with its choices. Both versions of a conflicting
 * note are on the board (the file's beside yours, outlined in red) until the facilitator chooses;
 * for a stage, lane, scenario, persona, vote or the map's settings, yours is kept and theirs is
 * offered.
 */
export const ConflictPanel = () => {
  const mapId = useReview((state) => state.mapId);
  const fileName = useReview((state) => state.fileName);
  const summary = useReview((state) => state.summary);
  const conflicts = useReview((state) => state.conflicts);
  const doc = useBoard((state) => state.doc);
  if (!summary || !doc || doc.id !== mapId) return null;
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
            const target = conflictTarget(doc, conflict);
            return (
              <li key={`${conflict.kind}:${conflict.localId}:${conflict.incomingId}`}>
                <button
                  type="button"
                  className="link"
                  onClick={() => show(target)}
                  disabled={!target || (target.kind === 'notes' && target.ids.length === 0)}
                >
                  {conflictSentence(doc, conflict)}
                </button>
                <div className="conflict-actions">
                  {choicesFor(doc, conflict).map(({ resolution, label }) => (
                    <button
                      key={resolution}
                      type="button"
                      className="secondary"
                      onClick={() => choose(conflict, resolution)}
                    >
                      {label}
                    </button>
                  ))}
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
