import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { COLLECTIONS, MAP_SPEC } from '../../shared/format/records/registry.ts';
import { removePersona } from '../../shared/journey/personas/persona-edits.ts';
import { deleteScenario, liveNoteCount } from '../../shared/journey/scenarios/scenario-edits.ts';
import { type HeaderRef, removeHeader } from '../../shared/journey/structure-edits.ts';
import type { MergeConflict, MergeSummary, StructureRecord } from '../../shared/merge/merge.ts';
import { BOOKKEEPING, sameValue } from '../../shared/merge/record-content.ts';
import { isLiveNote, type JourneyDocument, scenariosOf } from '../../shared/model/document.ts';
import { deleteRecords, type MutableDocument, updateNote } from '../../shared/model/edits.ts';
import type { JourneyRecord, NoteRecord, RecordChanges, RecordType } from '../../shared/model/records.ts';
import { updateRecord } from '../../shared/model/update.ts';
import { shownNotesById } from '../board/note-order.ts';
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

export interface Choice {
  readonly resolution: Resolution;
  readonly label: string;
}

const SPECS = new Map<
  RecordType,
  { readonly noun: string; readonly fieldWords: Readonly<Record<string, string>> }
>([[MAP_SPEC.type, MAP_SPEC], ...COLLECTIONS.map(({ spec }) => [spec.type, spec] as const)]);

const recordIn = (doc: JourneyDocument, id: string): JourneyRecord | undefined =>
  Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;

/** The record a conflict keeps alive: the local one, or for a deletion here the copy's edit. */
const subjectOf = (doc: JourneyDocument, conflict: MergeConflict): JourneyRecord | undefined =>
  recordIn(doc, conflict.kind === 'deleted-here-edited-there' ? conflict.incomingId : conflict.localId);

/**
 * The choices the panel offers for a conflict. Deleting a scenario deletes its notes, so the
 * choice says how many; the last scenario of a map cannot be deleted, so it is not offered.
 */
export const choicesFor = (doc: JourneyDocument, conflict: MergeConflict): Choice[] => {
  const labels = { ...RESOLUTION_LABELS[conflict.kind] };
  const deleting: Resolution | null =
    conflict.kind === 'deleted-here-edited-there'
      ? 'mine'
      : conflict.kind === 'edited-here-deleted-there'
        ? 'theirs'
        : null;
  const subject = subjectOf(doc, conflict);
  if (deleting && subject?.type === 'scenario' && !subject.isDeleted) {
    const others = scenariosOf(doc).filter((scenario) => scenario.id !== subject.id);
    const notes = liveNoteCount(doc, subject.id);
    if (others.length === 0) delete labels[deleting];
    else if (notes > 0) labels[deleting] = `Delete it and its ${notes === 1 ? 'note' : `${notes} notes`}`;
  }
  return (['mine', 'theirs', 'both'] as const).flatMap((resolution) => {
    const label = labels[resolution];
    return label ? [{ resolution, label }] : [];
  });
};

/** Text quoted in a sentence, cut short: “Request”, or the placeholder when there is none. */
const quoted = (text: string, placeholder: string): string => `“${text.trim().slice(0, 80) || placeholder}”`;

const noteText = (record: JourneyRecord | undefined): string =>
  quoted(record?.type === 'note' ? record.text : '', '(empty)');

/** "the stage “Request”", "the map “Toner”", "the vote “Which breakdowns hurt most?”". */
const named = (record: JourneyRecord | undefined, type: RecordType): string => {
  const noun = SPECS.get(type)?.noun ?? type;
  if (record?.type === 'vote') return `the ${noun} ${quoted(record.question, '(no question)')}`;
  return record && 'name' in record ? `the ${noun} ${quoted(record.name, '(no name)')}` : `the ${noun}`;
};

/** Where the review names a field in the room's words rather than the file's: a vote's ballots are its dots. */
const REVIEW_WORDS: Readonly<Record<string, string>> = { ballots: 'dots' };

/** Fields the copy's version of a record is not compared on or taken from: its state and type. */
const notContent = (field: string): boolean => field === 'type' || BOOKKEEPING.has(field);

/** The fields, in the words of messages, in which the copy's version differs from the local record. */
export const differingFields = (local: JourneyRecord | undefined, incoming: StructureRecord): string[] => {
  const words = SPECS.get(incoming.type)?.fieldWords ?? {};
  const differing = new Set<string>();
  const ours: ReadonlyMap<string, unknown> = new Map(Object.entries(local ?? {}));
  for (const [field, value] of Object.entries(incoming)) {
    if (notContent(field) || sameValue(ours.get(field), value)) continue;
    differing.add(REVIEW_WORDS[field] ?? words[field] ?? field);
  }
  return [...differing];
};

/** One sentence saying what both copies did, in the words of the facilitator. */
export const conflictSentence = (doc: JourneyDocument, conflict: MergeConflict): string => {
  const subject = subjectOf(doc, conflict);
  switch (conflict.kind) {
    case 'both-edited':
      return `Both copies changed this note: ${noteText(recordIn(doc, conflict.localId))} here, ${noteText(recordIn(doc, conflict.incomingId))} in the file.`;
    case 'deleted-here-edited-there':
      return subject?.type === 'note' || !subject
        ? `You deleted this note; the file changed it: ${noteText(subject)}.`
        : `You deleted ${named(subject, subject.type)}; the file changed it.`;
    case 'edited-here-deleted-there':
      return subject?.type === 'note' || !subject
        ? `You changed this note; the file deleted it: ${noteText(subject)}.`
        : `You changed ${named(subject, subject.type)}; the file deleted it.`;
    case 'both-edited-record': {
      const fields = differingFields(subject, conflict.incoming);
      const what = fields.length === 0 ? '' : ` (${fields.join(', ')})`;
      return `Both copies changed ${named(subject ?? conflict.incoming, conflict.recordType)}${what}; yours is kept until you choose.`;
    }
  }
};

/** Where the board shows what a conflict is about, if anywhere. */
export type ConflictTarget =
  | { readonly kind: 'notes'; readonly scenarioId: string; readonly ids: readonly string[] }
  | { readonly kind: 'header'; readonly header: HeaderRef }
  | { readonly kind: 'scenario'; readonly id: string }
  | null;

export const conflictTarget = (doc: JourneyDocument, conflict: MergeConflict): ConflictTarget => {
  const subject = subjectOf(doc, conflict);
  if (!subject || subject.isDeleted) return null;
  switch (subject.type) {
    case 'note': {
      const ids = [conflict.localId, conflict.incomingId].filter((id) => {
        const note = recordIn(doc, id);
        return isLiveNote(note) && note.scenarioId === subject.scenarioId;
      });
      return { kind: 'notes', scenarioId: subject.scenarioId, ids: [...new Set(ids)] };
    }
    case 'stage':
    case 'lane':
      return { kind: 'header', header: { kind: subject.type, id: subject.id } };
    case 'scenario':
      return { kind: 'scenario', id: subject.id };
    default:
      return null;
  }
};

/**
 * Deletes a record as the app does for its type: a stage or lane moves its notes out of the grid
 * to where they are drawn (nothing from the copy disappears with it), a scenario goes with its
 * notes and votes (the choice said how many notes), a persona hands the active role on.
 */
const deleteRecord = (draft: MutableDocument, id: string, shown: ReadonlyMap<string, NoteRecord>): void => {
  const record = recordIn(draft, id);
  if (!record || record.isDeleted) return;
  switch (record.type) {
    case 'stage':
    case 'lane':
      removeHeader(draft, id, 'move-out', (note) => {
        const at = shown.get(note.id);
        return at ? { x: at.x, y: at.y } : undefined;
      });
      break;
    case 'scenario':
      deleteScenario(draft, id);
      break;
    case 'persona':
      removePersona(draft, id);
      break;
    case 'vote':
    case 'note':
      deleteRecords(draft, [id]);
      break;
    case 'map':
      break;
  }
};

/** The content of the copy's version of a record: every field but the bookkeeping. */
const contentOf = (record: StructureRecord): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([field]) => !notContent(field)));

/** Applies the facilitator's choice for one conflict, as one undo step, and drops it from the list. */
export const resolveConflict = (store: BoardStore, conflict: MergeConflict, resolution: Resolution): void => {
  // Where the shown notes are drawn before the edit: removing a stage moves its notes there.
  const shown = shownNotesById(store.getState().doc, store.getState().scenarioId);
  store.getState().edit('Resolve merge conflict', (draft) => {
    switch (conflict.kind) {
      case 'both-edited': {
        const local = draft.records[conflict.localId];
        if (resolution === 'mine') deleteRecords(draft, [conflict.incomingId]);
        else updateNote(draft, conflict.incomingId, { conflictOf: undefined });
        if (resolution === 'theirs') {
          // Their version takes the place of mine: where mine was drawn, in its order in the cell.
          if (local?.type === 'note')
            updateNote(draft, conflict.incomingId, { x: local.x, y: local.y, slot: local.slot });
          deleteRecords(draft, [conflict.localId]);
        }
        break;
      }
      case 'deleted-here-edited-there':
        if (resolution === 'mine') deleteRecord(draft, conflict.incomingId, shown);
        break;
      case 'edited-here-deleted-there':
        if (resolution === 'theirs') deleteRecord(draft, conflict.localId, shown);
        break;
      case 'both-edited-record': {
        const local = draft.records[conflict.localId];
        if (resolution === 'theirs' && local && local.type === conflict.incoming.type)
          draft.records[conflict.localId] = updateRecord(
            local,
            contentOf(conflict.incoming) as RecordChanges<typeof local>,
          );
        break;
      }
    }
  });
  reviewStore.setState((state) => ({ conflicts: state.conflicts.filter((item) => item !== conflict) }));
  store.getState().pruneSelection();
  // The shown scenario may be gone: show the first one left.
  const { doc, scenarioId } = store.getState();
  const scenario = scenarioId && doc ? recordIn(doc, scenarioId) : undefined;
  if (doc && scenarioId && (scenario?.type !== 'scenario' || scenario.isDeleted)) {
    const first = scenariosOf(doc)[0];
    if (first) store.getState().setScenario(first.id);
  }
};
