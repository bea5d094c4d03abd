import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { type TestMap, testMap } from '../../shared/journey/scenarios/test-support.ts';
import {
  addDot,
  nextVoter,
  revealVote,
  startVote,
  type VoteOptions,
} from '../../shared/journey/votes/vote-edits.ts';
import { mapRecordOf } from '../../shared/model/document.ts';
import { deleteRecords, type MutableDocument, updateNote } from '../../shared/model/edits.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { freshBookkeeping, updateRecord } from '../../shared/model/update.ts';
import { shownNotesById } from '../board/note-order.ts';
import { useKeyboardShortcuts } from '../board/use-keyboard-shortcuts.ts';
import { toScreen } from '../board/viewport.ts';
import { boardStore } from '../store/index.ts';
import { panelsStore } from '../ui/panels-store.ts';
import { OutlinePanel } from './OutlinePanel.tsx';
import '../styles.css';

let host: HTMLDivElement;
let root: Root;
const onClose = vi.fn();

/** The outline beside the board's keyboard shortcuts, as in the app: keys must not reach both. */
const Harness = () => {
  useKeyboardShortcuts(boardStore, () => undefined);
  return (
    <div className="board-area" style={{ height: '100%' }}>
      <OutlinePanel onClose={onClose} />
    </div>
  );
};

beforeEach(() => {
  host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0;display:flex';
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  root.unmount();
  host.remove();
  panelsStore.getState().close('vote');
});

type Typed = Record<'order' | 'call' | 'empty', NoteRecord>;

/**
 * A customer-experience map with a few notes typed in, shown in the outline. `prepare` changes the
 * map before it is loaded (votes taken on it).
 */
const show = async (prepare?: (map: TestMap, notes: Typed) => void) => {
  const map = testMap('customer-experience', 'Home printer toner');
  const order = map.put('Purchase', 'Touchpoints', {
    text: 'Order page',
    kind: 'touchpoint',
    channel: 'web',
    wow: true,
    slot: 0,
  });
  const call = map.put('Purchase', 'Touchpoints', {
    text: 'Hotline',
    kind: 'touchpoint',
    channel: 'phone',
    ratings: { effortless: 4, productive: 3, painless: null },
    slot: 1,
  });
  const empty = map.put('Use', 'Breakdown points', { text: 'Toner runs out mid-report', kind: 'breakdown' });
  map.doc.records.persona = {
    ...freshBookkeeping('persona'),
    type: 'persona',
    name: 'Dana',
    role: 'Office manager',
    goals: '',
    needs: '',
    frustrations: '',
    quote: '',
  };
  map.doc.records[map.doc.id] = updateRecord(mapRecordOf(map.doc), { activePersonaId: 'persona' });
  prepare?.(map, { order, call, empty });
  boardStore.getState().loadDocument({ id: map.doc.id, records: { ...map.doc.records } });
  boardStore.getState().setCanvasSize({ width: 1000, height: 700 });
  root.render(<Harness />);
  await expect.element(page.getByRole('tree')).toBeVisible();
  return { map, order, call, empty };
};

const focused = () => document.activeElement?.getAttribute('aria-label');
const itemLabelled = (label: string) =>
  [...host.querySelectorAll('[role="treeitem"]')].find((item) => item.getAttribute('aria-label') === label);
/** Waits for the tree to show an item with exactly this accessible name. */
const shows = (label: string) =>
  expect.element(page.getByRole('treeitem', { name: label, exact: true })).toBeInTheDocument();
const noteOf = (id: string) => {
  const record = boardStore.getState().doc?.records[id];
  if (record?.type !== 'note') throw new Error(`no note ${id}`);
  return record;
};

/** Moves the focus down the tree until the item with this label has it. */
const arrowDownTo = async (label: string) => {
  for (let step = 0; step < 200 && focused() !== label; step++) await userEvent.keyboard('{ArrowDown}');
  expect(focused()).toBe(label);
};

describe('the outline', () => {
  it('shows the map, the persona, every stage in order and the notes with their kind and marks', async () => {
    await show();
    await expect.element(page.getByRole('heading', { name: 'Home printer toner' })).toBeVisible();
    expect(host.textContent).toContain('Persona: Dana, Office manager');
    const tree = page.getByRole('tree', { name: 'Home printer toner, Current scenario' });
    await expect.element(tree).toBeVisible();
    const stages = [...host.querySelectorAll('[role="tree"] > [role="treeitem"]')].map((item) =>
      item.getAttribute('aria-label'),
    );
    expect(stages).toEqual([
      'Stage: Brand awareness, no notes',
      'Stage: Interest, no notes',
      'Stage: A taste of the offering, no notes',
      'Stage: Purchase, 2 notes',
      'Stage: Use, 1 note',
      'Stage: Post-purchase, no notes',
      'Stage: Repeat purchases, no notes',
      'Stage: Referral, no notes',
    ]);
    await expect
      .element(page.getByRole('treeitem', { name: 'Touchpoint: Order page, web, stamp of authenticity' }))
      .toBeVisible();
    await expect
      .element(
        page.getByRole('treeitem', { name: 'Touchpoint: Hotline, phone, effortless 4/5, productive 3/5' }),
      )
      .toBeVisible();
    await expect
      .element(page.getByRole('treeitem', { name: 'Breakdown point: Toner runs out mid-report' }))
      .toBeVisible();
    const purchase = itemLabelled('Stage: Purchase, 2 notes');
    const touchpoints = [...(purchase?.querySelectorAll('[role="treeitem"]') ?? [])].find((item) =>
      item.getAttribute('aria-label')?.startsWith('Lane: Touchpoints'),
    );
    expect(touchpoints?.getAttribute('aria-label')).toBe('Lane: Touchpoints, 2 notes');
    expect(touchpoints?.getAttribute('aria-expanded')).toBe('true');
    expect(touchpoints?.querySelector('[role="group"]')?.children).toHaveLength(2);
  });

  it('takes the focus on one item and walks the tree with the arrow keys, Home and End', async () => {
    await show();
    expect(focused()).toBe('Stage: Brand awareness, no notes');
    expect(host.querySelectorAll('[role="treeitem"][tabindex="0"]')).toHaveLength(1);
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()).toBe('Lane: Customer actions, no notes');
    await userEvent.keyboard('{ArrowLeft}');
    expect(focused()).toBe('Stage: Brand awareness, no notes');
    await userEvent.keyboard('{ArrowLeft}');
    expect(itemLabelled('Stage: Brand awareness, no notes')?.getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()).toBe('Stage: Interest, no notes');
    await userEvent.keyboard('{End}');
    expect(focused()).toBe('Lane: Customer service, no notes');
    await userEvent.keyboard('{Home}');
    expect(focused()).toBe('Stage: Brand awareness, no notes');
    await userEvent.keyboard('{ArrowRight}');
    expect(itemLabelled('Stage: Brand awareness, no notes')?.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{ArrowRight}');
    expect(focused()).toBe('Lane: Customer actions, no notes');
    await userEvent.keyboard('u');
    expect(focused()).toBe('Stage: Use, 1 note');
  });

  it('selects the focused note on the board and pans to it; a stage selects its header', async () => {
    const { order, call } = await show();
    await arrowDownTo('Stage: Purchase, 2 notes');
    expect(boardStore.getState().selectedHeader).toEqual({ kind: 'stage', id: order.stageId });
    await arrowDownTo('Touchpoint: Order page, web, stamp of authenticity');
    expect([...boardStore.getState().selection]).toEqual([order.id]);
    await userEvent.keyboard('{ArrowDown}');
    expect([...boardStore.getState().selection]).toEqual([call.id]);
    const { doc, scenarioId, viewport } = boardStore.getState();
    const drawn = shownNotesById(doc, scenarioId).get(call.id);
    if (!drawn) throw new Error('the note is not drawn');
    const middle = toScreen(viewport, { x: drawn.x + drawn.w / 2, y: drawn.y + drawn.h / 2 });
    expect(middle.x).toBeCloseTo(500);
    expect(middle.y).toBeCloseTo(350);
    expect(
      itemLabelled('Touchpoint: Hotline, phone, effortless 4/5, productive 3/5')?.getAttribute(
        'aria-selected',
      ),
    ).toBe('true');
  });

  it("edits a note's text with Enter, as one undo step", async () => {
    const { order } = await show();
    await arrowDownTo('Touchpoint: Order page, web, stamp of authenticity');
    const before = boardStore.getState().past.length;
    await userEvent.keyboard('{Enter}');
    const field = page.getByRole('textbox', { name: 'Note text' });
    await expect.element(field).toHaveFocus();
    await expect.element(field).toHaveValue('Order page');
    await userEvent.fill(field, 'Checkout page');
    await userEvent.keyboard('{Enter}');
    expect(noteOf(order.id).text).toBe('Checkout page');
    expect(boardStore.getState().past.length).toBe(before + 1);
    expect(boardStore.getState().past.at(-1)?.label).toBe('Edit note text');
    expect(focused()).toBe('Touchpoint: Checkout page, web, stamp of authenticity');
    boardStore.getState().undo();
    expect(noteOf(order.id).text).toBe('Order page');
    await shows('Touchpoint: Order page, web, stamp of authenticity');
  });

  it('leaves the note as it was when the edit is cancelled with Escape', async () => {
    const { order } = await show();
    await arrowDownTo('Touchpoint: Order page, web, stamp of authenticity');
    const before = boardStore.getState().past.length;
    await userEvent.keyboard('{Enter}');
    await userEvent.fill(page.getByRole('textbox', { name: 'Note text' }), 'Not this');
    await userEvent.keyboard('{Escape}');
    expect(noteOf(order.id).text).toBe('Order page');
    expect(boardStore.getState().past.length).toBe(before);
    expect(focused()).toBe('Touchpoint: Order page, web, stamp of authenticity');
  });

  it('renames a stage with F2, as one undo step', async () => {
    const { map } = await show();
    await arrowDownTo('Stage: Use, 1 note');
    const before = boardStore.getState().past.length;
    await userEvent.keyboard('{F2}');
    const field = page.getByRole('textbox', { name: 'Stage name' });
    await expect.element(field).toHaveFocus();
    await userEvent.fill(field, 'Everyday use');
    await userEvent.keyboard('{Enter}');
    const stage = boardStore.getState().doc?.records[map.stageId('Use')];
    expect(stage?.type === 'stage' && stage.name).toBe('Everyday use');
    expect(boardStore.getState().past.length).toBe(before + 1);
    expect(focused()).toBe('Stage: Everyday use, 1 note');
  });

  it('renames a lane with F2 from any stage it crosses', async () => {
    const { map } = await show();
    await arrowDownTo('Stage: Interest, no notes');
    await arrowDownTo('Lane: Metrics, no notes');
    await userEvent.keyboard('{F2}');
    const field = page.getByRole('textbox', { name: 'Lane name' });
    await expect.element(field).toHaveValue('Metrics');
    await userEvent.fill(field, 'Measures');
    await userEvent.keyboard('{Enter}');
    const lane = boardStore.getState().doc?.records[map.laneId('Metrics')];
    expect(lane?.type === 'lane' && lane.name).toBe('Measures');
    expect(boardStore.getState().past.at(-1)?.label).toBe('Rename lane');
    expect(focused()).toBe('Lane: Measures, no notes');
    expect(host.querySelectorAll('[aria-label="Lane: Measures, no notes"]')).toHaveLength(8);
  });

  it('selects a note on a click and edits it on a double click', async () => {
    const { call } = await show();
    const item = page.getByRole('treeitem', {
      name: 'Touchpoint: Hotline, phone, effortless 4/5, productive 3/5',
      exact: true,
    });
    await userEvent.click(item.getByText('Hotline'));
    expect([...boardStore.getState().selection]).toEqual([call.id]);
    await expect.element(item).toHaveFocus();
    await userEvent.dblClick(item.getByText('Hotline'));
    await expect.element(page.getByRole('textbox', { name: 'Note text' })).toHaveValue('Hotline');
  });

  it('deletes the focused note with Delete, as one undo step, and moves on to the next note', async () => {
    const { order, call, empty } = await show();
    await arrowDownTo('Touchpoint: Order page, web, stamp of authenticity');
    const before = boardStore.getState().past.length;
    await userEvent.keyboard('{Delete}');
    expect(noteOf(order.id).isDeleted).toBe(true);
    expect(noteOf(call.id).isDeleted).toBe(false);
    expect(noteOf(empty.id).isDeleted).toBe(false);
    expect(boardStore.getState().past.length).toBe(before + 1);
    expect(focused()).toBe('Touchpoint: Hotline, phone, effortless 4/5, productive 3/5');
    expect([...boardStore.getState().selection]).toEqual([call.id]);
    await shows('Stage: Purchase, 1 note');
    boardStore.getState().undo();
    await shows('Touchpoint: Order page, web, stamp of authenticity');
  });

  it('follows the board: edits, the scenario shown and the note selected there', async () => {
    const { map, call } = await show();
    boardStore
      .getState()
      .edit('Edit note text', (draft) => updateNote(draft, call.id, { text: 'Call centre' }));
    const renamed = page.getByRole('treeitem', {
      name: 'Touchpoint: Call centre, phone, effortless 4/5, productive 3/5',
      exact: true,
    });
    await expect.element(renamed).toBeInTheDocument();
    host.querySelector<HTMLElement>('[aria-label="Close outline"]')?.focus();
    boardStore.getState().select([call.id]);
    await expect.element(renamed).toHaveAttribute('tabindex', '0');
    boardStore.getState().setScenario(map.idealId);
    await expect
      .element(page.getByRole('tree', { name: 'Home printer toner, Ideal scenario' }))
      .toBeVisible();
    await shows('Stage: Purchase, no notes');
  });

  it('keeps the keyboard in the tree when the focused note goes away on the board', async () => {
    const { empty } = await show();
    await arrowDownTo('Breakdown point: Toner runs out mid-report');
    boardStore.getState().edit('Delete note', (draft) => deleteRecords(draft, [empty.id]));
    await shows('Stage: Use, no notes');
    await expect.poll(() => document.activeElement?.getAttribute('role')).toBe('treeitem');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('0');
  });

  it('closes from its close button', async () => {
    await show();
    onClose.mockClear();
    await userEvent.click(page.getByRole('button', { name: 'Close outline' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

/** Starts a vote, on Current unless told, and returns its id. */
/** Starts a vote at `at` (ms since the epoch): past votes are listed newest first. */
const vote = (
  doc: MutableDocument,
  scenarioId: string,
  options: Partial<VoteOptions> = {},
  at = 1_720_000_000_000,
): string => {
  const started = startVote(
    doc,
    { question: 'Which hurt most?', scenarioId, voters: 3, dotsPerVoter: 2, ...options },
    at,
  );
  if (!started.ok) throw new Error(started.reason);
  return started.id;
};

/** Runs an edit on the map loaded in the board, as the vote panel does. */
const onBoard = (edit: (draft: MutableDocument) => void) => boardStore.getState().edit('Vote', edit);

describe('votes in the outline', () => {
  const ORDER = 'Touchpoint: Order page, web, stamp of authenticity';
  const HOTLINE = 'Touchpoint: Hotline, phone, effortless 4/5, productive 3/5';

  it('says the dots the board shows on each note while the room votes', async () => {
    const { map, order, call } = await show();
    let id = '';
    onBoard((draft) => {
      id = vote(draft, map.currentId);
      addDot(draft, id, order.id);
      nextVoter(draft, id);
      addDot(draft, id, order.id);
      addDot(draft, id, call.id);
    });
    await shows(`${ORDER}, 2 dots`);
    await shows(`${HOTLINE}, 1 dot`);
  });

  it("shows only the current voter's own dots in a hidden vote, and the totals once revealed", async () => {
    const { map, order, call } = await show();
    let id = '';
    onBoard((draft) => {
      id = vote(draft, map.currentId, { hidden: true });
      addDot(draft, id, order.id);
      nextVoter(draft, id);
      addDot(draft, id, call.id);
    });
    await shows(`${HOTLINE}, 1 of your dots`);
    await shows(ORDER);
    onBoard((draft) => revealVote(draft, id));
    // As on the board: a past vote's dots are on the notes while the vote panel shows its results.
    await shows(HOTLINE);
    panelsStore.getState().toggle('vote');
    await shows(`${ORDER}, 1 dot`);
    await shows(`${HOTLINE}, 1 dot`);
  });

  it('lists the past votes; a ranked note shows it on the board, one of another scenario goes there', async () => {
    let ideal: NoteRecord | undefined;
    const { order, call } = await show((map, typed) => {
      ideal = map.put('Use', 'Breakdown points', {
        text: 'No toner left',
        kind: 'breakdown',
        scenarioId: map.idealId,
      });
      // The newer of the two, so it is listed first.
      const current = vote(
        map.doc,
        map.currentId,
        { question: 'Which touchpoints matter?' },
        1_720_000_060_000,
      );
      addDot(map.doc, current, typed.call.id);
      addDot(map.doc, current, typed.order.id);
      nextVoter(map.doc, current);
      addDot(map.doc, current, typed.call.id);
      revealVote(map.doc, current);
      const onIdeal = vote(map.doc, map.idealId, { question: 'What do we fix first?' });
      addDot(map.doc, onIdeal, ideal.id);
      revealVote(map.doc, onIdeal);
    });
    if (!ideal) throw new Error('no ideal note');
    const day = new Date(1_720_000_000_000).toLocaleDateString();
    await shows('Votes, 2 past votes');
    const current = `Vote: Which touchpoints matter?, ${day}, Current scenario. 3 dots from 2 voters; first: “Hotline” with 2.`;
    await expect.poll(() => itemLabelled(current)?.getAttribute('aria-expanded')).toBe('false');

    await userEvent.keyboard('{End}');
    await expect
      .poll(focused)
      .toBe(
        `Vote: What do we fix first?, ${day}, Ideal scenario. 1 dot from 1 voter; first: “No toner left” with 1.`,
      );
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(focused).toBe(current);
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => itemLabelled(current)?.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{ArrowDown}');
    await expect.poll(focused).toBe('Rank 1, 2 dots, Touchpoint: Hotline');
    await expect.poll(() => [...boardStore.getState().selection]).toEqual([call.id]);
    await userEvent.keyboard('{ArrowDown}');
    await expect.poll(focused).toBe('Rank 2, 1 dot, Touchpoint: Order page');
    await expect.poll(() => [...boardStore.getState().selection]).toEqual([order.id]);

    await userEvent.keyboard('{ArrowDown}{ArrowRight}{ArrowDown}');
    await expect.poll(focused).toBe('Rank 1, 1 dot, Breakdown point: No toner left');
    expect(boardStore.getState().scenarioId).not.toBe(ideal.scenarioId);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => boardStore.getState().scenarioId).toBe(ideal.scenarioId);
    await expect.poll(() => [...boardStore.getState().selection]).toEqual([ideal.id]);
    await expect
      .element(page.getByRole('tree', { name: 'Home printer toner, Ideal scenario' }))
      .toBeVisible();
    await expect.poll(focused).toBe('Rank 1, 1 dot, Breakdown point: No toner left');
  });
});
