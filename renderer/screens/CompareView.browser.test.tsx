import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
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
