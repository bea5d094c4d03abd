import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { MergeConflict, MergeSummary } from '../../shared/merge/merge.ts';
import { deleteRecords, updateNote } from '../../shared/model/edits.ts';
import type { RecordChanges } from '../../shared/model/records.ts';
import { updateRecord } from '../../shared/model/update.ts';
import type { BoardStore } from '../store/index.ts';

/** The conflicts of the last merge still waiting for the facilitator's choice. */
interface ReviewState {
  readonly mapId: string | null;
  readonly fileName: string;
  readonly summary: MergeSummary | null;
  readonly conflicts: readonly MergeConflict[];
}

export const reviewStore = createStore<ReviewState>()(() => ({
  mapId: null,
  fileName: '',
  summary: null,
  conflicts: [],
}));

export const useReview = <T>(selector: (state: ReviewState) => T): T => useStore(reviewStore, selector);

export const startReview = (
  mapId: string,
  fileName: string,
  summary: MergeSummary,
  conflicts: readonly MergeConflict[],
) => reviewStore.setState({ mapId, fileName, summary, conflicts });

export const closeReview = () => reviewStore.setState({ mapId: null, summary: null, conflicts: [] });

export type Resolution = 'mine' | 'theirs' | 'both';

/** What each choice is called for each kind of conflict (every kind offers "mine" and "theirs"). */
export const RESOLUTION_LABELS: Readonly<Record<MergeConflict['kind'], Partial<Record<Resolution, string>>>> =
  {
    'both-edited': { mine: 'Keep mine', theirs: 'Keep theirs', both: 'Keep both' },
    'deleted-here-edited-there': { mine: 'Delete it', theirs: 'Keep their edit' },
    'edited-here-deleted-there': { mine: 'Keep my edit', theirs: 'Delete it' },
    'both-edited-record': { mine: 'Keep mine', theirs: 'Use theirs' },
  };

/** Applies the facilitator's choice for one conflict, as one undo step, and drops it from the list. */
export const resolveConflict = (store: BoardStore, conflict: MergeConflict, resolution: Resolution): void => {
  store.getState().edit('Resolve merge conflict', (draft) => {
    switch (conflict.kind) {
      case 'both-edited': {
        const local = draft.records[conflict.localId];
        if (resolution === 'mine') deleteRecords(draft, [conflict.incomingId]);
        else updateNote(draft, conflict.incomingId, { conflictOf: undefined });
        if (resolution === 'theirs') {
          if (local?.type === 'note') updateNote(draft, conflict.incomingId, { x: local.x, y: local.y });
          deleteRecords(draft, [conflict.localId]);
        }
        break;
      }
      case 'deleted-here-edited-there':
        if (resolution === 'mine') deleteRecords(draft, [conflict.incomingId]);
        break;
      case 'edited-here-deleted-there':
        if (resolution === 'theirs') deleteRecords(draft, [conflict.localId]);
        break;
      case 'both-edited-record': {
        const local = draft.records[conflict.localId];
        if (resolution === 'theirs' && local && local.type === conflict.incoming.type) {
          const {
            id: _id,
            version: _v,
            versionNonce: _n,
            updated: _u,
            isDeleted: _d,
            synced: _s,
            ...content
          } = conflict.incoming;
          draft.records[conflict.localId] = updateRecord(local, content as RecordChanges<typeof local>);
        }
        break;
      }
    }
  });
  reviewStore.setState((state) => ({ conflicts: state.conflicts.filter((item) => item !== conflict) }));
  store.getState().pruneSelection();
};
