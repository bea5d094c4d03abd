import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { appServices } from '../app/services.ts';
import { addDotToSelection } from '../board/dot-commands.ts';
import { boardStore } from '../store/index.ts';
import { VotePanel } from './VotePanel.tsx';
import '../styles.css';

let host: HTMLDivElement;
let root: Root;
let map: ReturnType<typeof voteMap>;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  map = voteMap();
  boardStore.getState().loadDocument({ id: map.doc.id, records: { ...map.doc.records } });
  root.render(<VotePanel onClose={() => undefined} />);
});

afterEach(() => {
  root.unmount();
  host.remove();
  vi.restoreAllMocks();
});

const panel = () => page.getByRole('complementary', { name: 'Vote' });

/** The current voter puts a dot on each of these notes. */
const dots = (...ids: string[]) => {
  for (const id of ids) {
    boardStore.getState().select([id]);
    addDotToSelection(boardStore);
  }
};

const startVote = async (voters = 5) => {
  await panel().getByRole('button', { name: 'Start the vote' }).click();
  await expect.element(panel().getByText(`Voter 1 of ${voters}`)).toBeVisible();
};

describe('the vote panel', () => {
  it('offers a breakdown vote of 5 voters × 3 dots, hidden until the reveal', async () => {
    await expect.element(panel().getByLabelText('Question')).toHaveValue('Which breakdown points hurt most?');
    await expect.element(panel().getByLabelText('Which notes')).toHaveValue('kind');
    await expect.element(panel().getByLabelText('Kind')).toHaveValue('breakdown');
    await expect.element(panel().getByLabelText('Voters')).toHaveValue(5);
    await expect.element(panel().getByLabelText('Dots each')).toHaveValue(3);
    await expect.element(panel().getByLabelText('Several dots on one note')).not.toBeChecked();
    await expect.element(panel().getByLabelText('Hide the totals until the reveal')).toBeChecked();
  });

  it('runs the vote voter by voter, then ranks the notes with ties sharing a rank', async () => {
    await panel().getByLabelText('Voters').fill('2');
    await startVote(2);
    await expect.element(panel().getByText('3 dots left')).toBeVisible();
    await expect.element(panel().getByText(/Select a note on the board and press \+/)).toBeVisible();
    dots(map.cartridge.id, map.striped.id);
    await expect.element(panel().getByText('1 dot left')).toBeVisible();
    await panel().getByRole('button', { name: 'Next voter' }).click();
    await expect.element(panel().getByText('Voter 2 of 2')).toBeVisible();
    await expect.element(panel().getByRole('button', { name: 'Next voter' })).toBeDisabled();
    dots(map.cartridge.id, map.courier.id);
    await panel().getByRole('button', { name: 'Reveal' }).click();
    const rows = panel().getByRole('table', { name: 'Ranked results' }).getByRole('row');
    await expect.element(rows.nth(1)).toHaveTextContent(/^12Cannot tell which cartridge fits/);
    // A tie: both second, with one dot each, in the board's order.
    await expect.element(rows.nth(2)).toHaveTextContent(/^21(Prints come out striped|Courier comes)/);
    await expect.element(rows.nth(3)).toHaveTextContent(/^21(Prints come out striped|Courier comes)/);
    expect(rows.elements()).toHaveLength(4);
  });

  it('saves the results as the gap list is saved, and deletes the vote', async () => {
    const saveText = vi.spyOn(appServices().bridge, 'saveText').mockResolvedValue({ name: 'results.csv' });
    await startVote();
    dots(map.cartridge.id);
    await panel().getByRole('button', { name: 'Reveal' }).click();
    await panel().getByRole('button', { name: 'Save as CSV' }).click();
    await vi.waitFor(() =>
      expect(saveText).toHaveBeenCalledWith(
        'csv',
        'Home printer toner - vote results',
        expect.stringMatching(/^\uFEFF?Rank,Dots,Note,Kind,Stage,Lane/),
      ),
    );
    await expect.element(panel().getByText('Saved results.csv.')).toBeVisible();
    await panel().getByRole('button', { name: 'Save as Markdown' }).click();
    await vi.waitFor(() =>
      expect(saveText).toHaveBeenLastCalledWith(
        'markdown',
        'Home printer toner - vote results',
        expect.stringMatching(/^# Vote results: Home printer toner/),
      ),
    );
    await panel().getByRole('button', { name: 'Delete vote' }).click();
    await expect.element(panel().getByRole('button', { name: 'Start the vote' })).toBeVisible();
    expect(
      Object.values(boardStore.getState().doc?.records ?? {}).filter(
        (record) => record.type === 'vote' && !record.isDeleted,
      ),
    ).toEqual([]);
  });

  it('lists past votes under the form for a new one', async () => {
    await startVote();
    dots(map.cartridge.id);
    await panel().getByRole('button', { name: 'Reveal' }).click();
    await panel().getByRole('button', { name: 'New vote' }).click();
    await expect.element(panel().getByRole('button', { name: 'Start the vote' })).toBeVisible();
    await expect
      .element(panel().getByRole('region', { name: 'Past votes' }))
      .toHaveTextContent(
        /Which breakdown points hurt most\?.*1 dot from 1 voter; first: “Cannot tell which cartridge fits” with 1\./,
      );
  });
});
