import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { markShared } from '../../shared/format/document.ts';
import { parse } from '../../shared/format/parse.ts';
import { serialize } from '../../shared/format/serialize.ts';
import { removeHeader } from '../../shared/journey/structure-edits.ts';
import { addDot, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { merge } from '../../shared/merge/merge.ts';
import { firstScenarioId, type JourneyDocument } from '../../shared/model/document.ts';
import { addNote, type MutableDocument, newMapDocument } from '../../shared/model/edits.ts';
import type { LaneRecord, StageRecord } from '../../shared/model/journey-records.ts';
import { freshBookkeeping, updateRecord } from '../../shared/model/update.ts';
import { boardStore } from '../store/index.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { closeReview, reviewStore, startReview } from './merge-review.ts';
import '../styles.css';

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0;display:flex';
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  root.unmount();
  host.remove();
  closeReview();
});

const stage: StageRecord = {
  ...freshBookkeeping('request', 1_000),
  type: 'stage',
  name: 'Request',
  order: 0,
  width: 260,
  color: null,
  category: null,
};

const lane: LaneRecord = {
  ...freshBookkeeping('touch', 1_000),
  type: 'lane',
  name: 'Touchpoints',
  order: 0,
  height: 160,
  role: 'touchpoints',
  hidden: false,
  color: null,
  noteKind: null,
};

const reopen = (doc: JourneyDocument): JourneyDocument => {
  const result = parse(serialize(doc, { appVersion: '0.2.0', savedAt: 3_000 }));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
};

const edited = (doc: JourneyDocument, recipe: (draft: MutableDocument) => void): JourneyDocument => {
  const draft: MutableDocument = { id: doc.id, records: { ...doc.records } };
  recipe(draft);
  return draft;
};

/**
 * The facilitator renamed the stage and the lane; the team lead's copy widened the stage and
 * deleted the lane. Merging the copy leaves two conflicts, shown in the panel.
 */
const mergeWithConflicts = () => {
  const base = newMapDocument('Toner refill', 1_000, 'map-toner');
  const library = markShared(
    edited(base, (draft) => {
      draft.records.request = stage;
      draft.records.touch = lane;
      addNote(draft, { x: 0, y: 0, text: 'Web shop', stageId: 'request', laneId: 'touch' }, 2_000);
    }),
  );
  const copy = reopen(
    edited(reopen(library), (draft) => {
      draft.records.request = updateRecord(stage, { width: 400 });
      // Deleted as the app deletes a lane: its notes move out of the grid, each an edit of its own.
      removeHeader(draft, 'touch', 'move-out', () => undefined);
    }),
  );
  const local = edited(library, (draft) => {
    draft.records.request = updateRecord(stage, { name: 'Orders toner' });
    draft.records.touch = updateRecord(lane, { name: 'Channels used' });
  });
  boardStore.getState().loadDocument(local);
  const result = merge(local, copy);
  if (!result.ok) throw new Error(result.error.message);
  boardStore.getState().edit('Merge a copy', (draft) => {
    for (const [id, record] of Object.entries(result.document.records)) draft.records[id] = record;
  });
  startReview(local.id, 'toner-from-lead.cxmap', result.summary, result.conflicts);
  root.render(<ConflictPanel />);
};

const panel = () => page.getByRole('complementary');

describe('the merge review panel', () => {
  it('names the stage and lane in conflict and what differs', async () => {
    mergeWithConflicts();
    await expect.element(panel().getByRole('heading')).toHaveTextContent('Merged toner-from-lead.cxmap');
    await expect
      .element(
        panel().getByText(
          'Both copies changed the stage “Orders toner” (name, width); yours is kept until you choose.',
        ),
      )
      .toBeVisible();
    await expect
      .element(panel().getByText('You changed the lane “Channels used”; the file deleted it.'))
      .toBeVisible();
  });

  it('shows the stage when its conflict is clicked, and takes theirs on “Use theirs”', async () => {
    mergeWithConflicts();
    await panel().getByText('Both copies changed the stage', { exact: false }).click();
    expect(boardStore.getState().selectedHeader).toEqual({ kind: 'stage', id: 'request' });
    await panel().getByRole('button', { name: 'Use theirs' }).click();
    expect(boardStore.getState().doc?.records.request).toMatchObject({ name: 'Request', width: 400 });
    await expect
      .element(panel().getByText('Both copies changed the stage', { exact: false }))
      .not.toBeInTheDocument();
    expect(reviewStore.getState().conflicts).toHaveLength(1);
  });

  it('keeps my lane, or deletes it with its notes kept outside the grid', async () => {
    mergeWithConflicts();
    await panel().getByRole('button', { name: 'Delete it' }).click();
    const records = boardStore.getState().doc?.records ?? {};
    expect(records.touch).toMatchObject({ isDeleted: true });
    const note = Object.values(records).find((record) => record.type === 'note');
    expect(note).toMatchObject({ isDeleted: false, stageId: null, laneId: null });
    await panel().getByRole('button', { name: 'Keep mine' }).click();
    await expect.element(panel().getByText('Nothing left to decide.')).toBeVisible();
    expect(boardStore.getState().doc?.records.request).toMatchObject({ name: 'Orders toner', width: 260 });
  });

  it('names a vote both rooms voted on by its question, and takes the copy’s dots on “Use theirs”', async () => {
    let voteId = '';
    const library = markShared(
      edited(newMapDocument('Toner refill', 1_000, 'map-toner'), (draft) => {
        addNote(draft, { x: 0, y: 0, text: 'Courier comes too early', kind: 'breakdown' }, 2_000);
        const started = startVote(draft, {
          question: 'Which breakdowns hurt most?',
          scenarioId: firstScenarioId(draft),
          voters: 5,
          dotsPerVoter: 3,
          stacking: true,
        });
        if (started.ok) voteId = started.id;
      }),
    );
    const noteId = Object.values(library.records).find((record) => record.type === 'note')?.id ?? '';
    const copy = reopen(
      edited(reopen(library), (draft) => {
        addDot(draft, voteId, noteId);
        addDot(draft, voteId, noteId);
      }),
    );
    const local = edited(library, (draft) => addDot(draft, voteId, noteId));
    boardStore.getState().loadDocument(local);
    const result = merge(local, copy);
    if (!result.ok) throw new Error(result.error.message);
    boardStore.getState().edit('Merge a copy', (draft) => {
      for (const [id, record] of Object.entries(result.document.records)) draft.records[id] = record;
    });
    startReview(local.id, 'toner-from-lead.cxmap', result.summary, result.conflicts);
    root.render(<ConflictPanel />);
    await expect
      .element(
        panel().getByText(
          'Both copies changed the vote “Which breakdowns hurt most?” (dots); yours is kept until you choose.',
        ),
      )
      .toBeVisible();
    await panel().getByRole('button', { name: 'Use theirs' }).click();
    expect(boardStore.getState().doc?.records[voteId]).toMatchObject({ ballots: [{ [noteId]: 2 }] });
    await expect.element(panel().getByText('Nothing left to decide.')).toBeVisible();
  });
});
