import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { addDot, nextVoter, revealVote, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { appServices } from '../app/services.ts';
import { boardStore } from '../store/index.ts';
import { CompareView } from './CompareView.tsx';

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  root.unmount();
  host.remove();
  vi.restoreAllMocks();
});

const bridge = () => appServices().bridge;

const show = async (name = 'Home printer toner') => {
  const map = testMap('customer-experience', name);
  map.put('Interest', 'Touchpoints', { text: 'Product page', kind: 'touchpoint', color: 'blue' });
  map.put('Interest', 'Touchpoints', {
    text: 'Reorder reminder',
    kind: 'touchpoint',
    color: 'blue',
    scenarioId: map.idealId,
  });
  boardStore.getState().loadDocument({ id: map.doc.id, records: { ...map.doc.records } });
  root.render(<CompareView onClose={() => undefined} />);
  const dialog = page.getByRole('dialog');
  await expect.element(dialog.getByRole('heading')).toBeVisible();
  return dialog;
};

describe('the gap list', () => {
  it('names a change once, not "Touchpoint added · Touchpoint"', async () => {
    const dialog = await show();
    const added = dialog.getByRole('row').filter({ hasText: 'Reorder reminder' });
    await expect.element(added).toHaveTextContent('Touchpoint added');
    await expect.element(added).not.toHaveTextContent('· Touchpoint');
  });

  it('suggests a file name with one space where the map name had a colon', async () => {
    const saveText = vi.spyOn(bridge(), 'saveText').mockResolvedValue(null);
    const dialog = await show('Home printer toner: refills');
    await dialog.getByRole('button', { name: 'Save as CSV' }).click();
    await vi.waitFor(() =>
      expect(saveText).toHaveBeenCalledWith(
        'csv',
        'Home printer toner refills - gap list',
        expect.any(String),
      ),
    );
  });
});

describe('saving the gap list', () => {
  it.each([
    ['Save as CSV', 'csv', /^\uFEFF?Stage,Change,/],
    ['Save as Markdown', 'markdown', /^# /],
  ] as const)('%s goes through the bridge, never a download of its own', async (button, kind, start) => {
    const saveText = vi
      .spyOn(bridge(), 'saveText')
      .mockResolvedValue({ name: 'Home printer toner - gap list' });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const dialog = await show();
    await dialog.getByRole('button', { name: button }).click();
    await vi.waitFor(() =>
      expect(saveText).toHaveBeenCalledWith(
        kind,
        'Home printer toner - gap list',
        expect.stringMatching(start),
      ),
    );
    await expect.element(dialog).toHaveTextContent('Saved Home printer toner - gap list.');
    expect(click).not.toHaveBeenCalled();
  });

  it('says why the file was not saved, and nothing when the user cancels', async () => {
    const saveText = vi
      .spyOn(bridge(), 'saveText')
      .mockResolvedValueOnce({ error: 'The disk is full: Home printer toner - gap list.csv was not saved.' })
      .mockResolvedValueOnce(null);
    const dialog = await show();
    await dialog.getByRole('button', { name: 'Save as CSV' }).click();
    await expect.element(dialog).toHaveTextContent('The disk is full');
    await dialog.getByRole('button', { name: 'Save as CSV' }).click();
    await vi.waitFor(() => expect(saveText).toHaveBeenCalledTimes(2));
    await expect.element(dialog).not.toHaveTextContent('The disk is full');
  });
});

/**
 * Two breakdown points of Current the ideal resolves, and a vote on them: "Courier comes while
 * he is at a client" (Use) got 2 dots, "Cannot tell which cartridge fits" (Interest) 1.
 */
const showVoted = async ({ reveal = true, hidden = false } = {}) => {
  const map = testMap('customer-experience');
  const cartridge = map.put('Interest', 'Breakdown points', {
    text: 'Cannot tell which cartridge fits',
    kind: 'breakdown',
  });
  const courier = map.put('Use', 'Breakdown points', {
    text: 'Courier comes while he is at a client',
    kind: 'breakdown',
  });
  const started = startVote(
    map.doc,
    {
      question: 'Which breakdowns hurt most?',
      scenarioId: map.currentId,
      voters: 2,
      dotsPerVoter: 2,
      hidden,
    },
    new Date(2024, 11, 4).getTime(),
  );
  if (!started.ok) throw new Error(started.reason);
  addDot(map.doc, started.id, courier.id);
  nextVoter(map.doc, started.id);
  addDot(map.doc, started.id, courier.id);
  addDot(map.doc, started.id, cartridge.id);
  if (reveal) revealVote(map.doc, started.id);
  boardStore.getState().loadDocument({ id: map.doc.id, records: { ...map.doc.records } });
  root.render(<CompareView onClose={() => undefined} />);
  const dialog = page.getByRole('dialog');
  await expect.element(dialog.getByRole('table', { name: 'Gap list' })).toBeVisible();
  return dialog;
};

/** The gap list's rows as the reader sees them, cell by cell. */
const tableRows = () =>
  [...document.querySelectorAll('.gap-list tbody tr')].map((row) =>
    [...row.children].map((cell) => cell.textContent),
  );

describe('the gap list fed by the room’s vote', () => {
  it('names the vote, shows each gap’s dots and lists most dots first', async () => {
    const dialog = await showVoted();
    await expect
      .element(dialog)
      .toHaveTextContent(
        `Dots from the vote “Which breakdowns hurt most?”, 2 voters, ${new Date(2024, 11, 4).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`,
      );
    await expect.element(dialog.getByRole('columnheader', { name: 'Dots' })).toBeVisible();
    await expect.element(dialog.getByRole('combobox', { name: 'Order' })).toHaveValue('dots');
    expect(tableRows()).toEqual([
      [
        'Use',
        'Breakdown point resolved',
        'Courier comes while he is at a client',
        '',
        'removed in Ideal',
        '2',
      ],
      [
        'Interest',
        'Breakdown point resolved',
        'Cannot tell which cartridge fits',
        '',
        'removed in Ideal',
        '1',
      ],
    ]);
  });

  it('lists stage by stage when asked, and saves the list in the order shown', async () => {
    const saveText = vi.spyOn(bridge(), 'saveText').mockResolvedValue(null);
    const dialog = await showVoted();
    await dialog.getByRole('combobox', { name: 'Order' }).selectOptions('By stage');
    await vi.waitFor(() => expect(tableRows().map((row) => row[0])).toEqual(['Interest', 'Use']));
    await dialog.getByRole('button', { name: 'Save as CSV' }).click();
    await vi.waitFor(() => expect(saveText).toHaveBeenCalled());
    const csv = String(saveText.mock.calls[0]?.[2]);
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFStage,Change,Kind,Current,Ideal,Detail,Dots',
      'Interest,Breakdown point resolved,Breakdown point,Cannot tell which cartridge fits,,removed in Ideal,1',
      'Use,Breakdown point resolved,Breakdown point,Courier comes while he is at a client,,removed in Ideal,2',
    ]);
  });

  it('shows no dots of a vote still running, even an open one', async () => {
    for (const hidden of [true, false]) {
      const dialog = await showVoted({ reveal: false, hidden });
      await expect.element(dialog).not.toHaveTextContent('Dots from the vote');
      expect(dialog.getByRole('columnheader', { name: 'Dots' }).query()).toBeNull();
      expect(tableRows().map((row) => row.at(-1))).toEqual(['removed in Ideal', 'removed in Ideal']);
      root.unmount();
      root = createRoot(host);
    }
  });
});
