import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { BeginExportResult } from '../../shared/ipc/contract.ts';
import { type TestMap, testMap } from '../../shared/journey/scenarios/test-support.ts';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { addDot, revealVote } from '../../shared/journey/votes/vote-edits.ts';
import { PRINT_MESSAGES } from '../../shared/poster/print-pages.ts';
import { appServices } from '../app/services.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { boardStore } from '../store/index.ts';
import { DIALOG_MESSAGES, PosterDialog, type PosterMode } from './PosterDialog.tsx';
import '../styles.css';

let host: HTMLDivElement;
let root: Root;
const onSaved = vi.fn();

beforeEach(async () => {
  await loadFonts();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  root.unmount();
  host.remove();
  vi.restoreAllMocks();
  onSaved.mockReset();
});

/** The shell's export calls, as the dialog makes them. */
const bridge = () => appServices().bridge;

/** A Save dialog the user has not answered yet. */
const pendingBegin = () => {
  let answer: (result: BeginExportResult) => void = () => undefined;
  const begin = vi
    .spyOn(bridge(), 'beginExport')
    .mockReturnValue(new Promise<BeginExportResult>((resolve) => (answer = resolve)));
  return { begin, answer: (result: BeginExportResult) => answer(result) };
};

const show = async (mode: PosterMode, mapName = 'Home printer toner') => {
  const map = testMap('customer-experience', mapName);
  map.put('Interest', 'Touchpoints', { text: 'Product page', kind: 'touchpoint', color: 'blue' });
  return showMap(map, mode);
};

const showMap = async (map: TestMap, mode: PosterMode) => {
  boardStore.getState().loadDocument({ id: map.doc.id, records: { ...map.doc.records } });
  root.render(<PosterDialog mode={mode} onClose={() => undefined} onSaved={onSaved} />);
  const dialog = page.getByRole('dialog', { name: mode === 'poster' ? 'Export poster' : 'Print pages' });
  await expect.element(dialog).toBeVisible();
  return dialog;
};

const exportButton = (dialog: ReturnType<typeof page.getByRole>, mode: PosterMode) =>
  dialog.getByRole('button', { name: mode === 'poster' ? 'Export PNG' : 'Export PDF' });

describe('the export dialog', () => {
  it('leaves "running" and says why when the shell refuses the export', async () => {
    vi.spyOn(bridge(), 'beginExport').mockRejectedValue(
      new Error('Rejected journeywall:export-begin: name over the limit'),
    );
    const dialog = await show('poster');
    await exportButton(dialog, 'poster').click();
    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent(
        'The export failed (Rejected journeywall:export-begin: name over the limit); nothing was saved.',
      );
    await expect.element(exportButton(dialog, 'poster')).toBeEnabled();
    await expect.element(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
  });

  it('names the file after the map, with the title block off too, and keeps a long name short', async () => {
    const begin = vi.spyOn(bridge(), 'beginExport').mockResolvedValue(null);
    const dialog = await show('poster', 'Toner refill');
    await dialog.getByRole('checkbox', { name: /^Title block/ }).click();
    await exportButton(dialog, 'poster').click();
    await vi.waitFor(() =>
      expect(begin).toHaveBeenCalledWith('poster-png', 'Toner refill poster A1 150 dpi'),
    );

    root.render(null);
    await expect.element(dialog).not.toBeInTheDocument();
    const long = await show('poster', `Toner ${'refill '.repeat(70)}`);
    await exportButton(long, 'poster').click();
    await vi.waitFor(() => expect(begin).toHaveBeenCalledTimes(2));
    const suggested = String(begin.mock.lastCall?.[1]);
    expect(suggested).toMatch(/^Toner refill .* poster A1 150 dpi$/);
    expect(suggested.length).toBeLessThanOrEqual(120 + ' poster A1 150 dpi'.length);
  });

  it('offers a revealed vote’s results, on by default, and says why it cannot without one', async () => {
    const map = voteMap();
    const id = map.vote({ hidden: true });
    addDot(map.doc, id, map.courier.id);
    const hidden = await showMap(map, 'poster');
    const unrevealed = hidden.getByRole('checkbox', { name: /^Vote results/ });
    await expect.element(unrevealed).toBeDisabled();
    await expect.element(unrevealed).not.toBeChecked();
    await expect.element(unrevealed).toHaveAccessibleDescription('No revealed vote on this scenario');

    root.render(null);
    revealVote(map.doc, id);
    const revealed = await showMap(map, 'poster');
    const votes = revealed.getByRole('checkbox', { name: /^Vote results/ });
    await expect.element(votes).toBeEnabled();
    await expect.element(votes).toBeChecked();
    await votes.click();
    await expect.element(votes).not.toBeChecked();
  });

  it('says print pages go up to 600 DPI when a finer one is chosen', async () => {
    const dialog = await show('print');
    await dialog.getByLabelText('Paper').selectOptions('a4');
    await dialog.getByLabelText('Resolution').selectOptions('custom');
    await userEvent.fill(dialog.getByLabelText('DPI', { exact: true }), '1200');
    await expect.element(dialog.getByText(PRINT_MESSAGES.dpi)).toBeVisible();
    await expect.element(exportButton(dialog, 'print')).toBeDisabled();
    await userEvent.fill(dialog.getByLabelText('DPI', { exact: true }), '600');
    await expect.element(dialog.getByText(/printed on \d+ sheets?/)).toBeVisible();
  });

  it('shows its export button disabled, greyed out, while the export runs', async () => {
    pendingBegin();
    const dialog = await show('poster');
    const button = exportButton(dialog, 'poster');
    await expect.element(button).toBeEnabled();
    const enabledLook = getComputedStyle(button.element()).backgroundColor;
    await button.click();
    await expect.element(dialog.getByRole('button', { name: 'Cancel export' })).toBeVisible();
    await expect.element(button).toBeDisabled();
    expect(getComputedStyle(button.element()).backgroundColor).not.toBe(enabledLook);
  });

  it('does not repaint the print-pages preview while an export runs', async () => {
    pendingBegin();
    const dialog = await show('print');
    const preview = dialog.getByRole('img', { name: 'Preview of the print pages' });
    await expect.element(preview).toBeVisible();
    // Painted, and painted again once the font was in; then a mark the next paint would cover.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const ctx = (preview.element() as HTMLCanvasElement).getContext('2d');
    if (!ctx) throw new Error('no preview context');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ff00ff';
    ctx.fillRect(0, 0, 4, 4);

    await exportButton(dialog, 'print').click();
    await expect.element(dialog.getByRole('button', { name: 'Cancel export' })).toBeVisible();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect([...ctx.getImageData(1, 1, 1, 1).data]).toEqual([255, 0, 255, 255]);
  });

  it('reports through the app’s notice when its map is closed while an export runs', async () => {
    const { answer } = pendingBegin();
    const finish = vi.spyOn(bridge(), 'finishExport');
    const abort = vi.spyOn(bridge(), 'abortExport').mockResolvedValue(undefined);
    const dialog = await show('poster');
    await exportButton(dialog, 'poster').click();
    await expect.element(dialog.getByRole('button', { name: 'Cancel export' })).toBeVisible();

    // The user went to the library from the native menu: the app no longer shows the dialog.
    root.render(null);
    await expect.element(dialog).not.toBeInTheDocument();
    answer({ token: '3b241101-e2bb-4255-8caf-4136c566a962', name: 'Home printer toner poster.png' });
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(DIALOG_MESSAGES.closedWhileExporting));
    expect(abort).toHaveBeenCalledWith('3b241101-e2bb-4255-8caf-4136c566a962');
    expect(finish).not.toHaveBeenCalled();
  });
});
