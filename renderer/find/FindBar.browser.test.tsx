import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { freshBookkeeping } from '../../shared/model/update.ts';
import { boardStore } from '../store/index.ts';
import { FindBar } from './FindBar.tsx';
import { findStore } from './find-store.ts';
import '../styles.css';

let host: HTMLDivElement;
let root: Root;
const onPersonaMatch = vi.fn();

beforeEach(() => {
  host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0';
  document.body.append(host);
  root = createRoot(host);
  onPersonaMatch.mockClear();
});

afterEach(() => {
  root.unmount();
  host.remove();
  findStore.getState().closeFind();
  findStore.getState().setQuery('');
});

/** A map with three notes and a persona mentioning toner, the board focused, then Mod+F. */
const show = async () => {
  const map = testMap('customer-experience', 'Home printer toner');
  const ad = map.put('Brand awareness', 'Touchpoints', { text: 'Toner ad on the radio', kind: 'touchpoint' });
  const shop = map.put('Purchase', 'Touchpoints', { text: 'Web shop: TONER page', kind: 'touchpoint' });
  const empty = map.put('Use', 'Breakdown points', { text: 'Tóner runs out', kind: 'breakdown' });
  map.put('Use', 'Touchpoints', { text: 'Toner in the ideal journey', scenarioId: map.idealId });
  map.doc.records.dana = {
    ...freshBookkeeping('dana'),
    type: 'persona',
    name: 'Dana',
    role: 'Office manager',
    goals: '',
    needs: 'Toner before it runs out',
    frustrations: '',
    quote: '',
  };
  boardStore.getState().loadDocument({ id: map.doc.id, records: { ...map.doc.records } });
  boardStore.getState().setCanvasSize({ width: 1000, height: 700 });
  root.render(
    <>
      <button type="button">Board</button>
      <FindBar onPersonaMatch={onPersonaMatch} />
    </>,
  );
  const board = page.getByRole('button', { name: 'Board' });
  await expect.element(board).toBeInTheDocument();
  board.element().focus();
  findStore.getState().openFind();
  const input = page.getByRole('searchbox', { name: 'Find in notes, headers and personas' });
  await expect.element(input).toHaveFocus();
  return { map, input, ids: [ad.id, shop.id, empty.id] };
};

const count = () => page.getByRole('status');
const selected = () => [...boardStore.getState().selection];

describe('the find bar', () => {
  it('counts the matches ignoring case and accents and shows the first one on the board', async () => {
    const { input, ids } = await show();
    await userEvent.fill(input, 'toner');
    await expect.element(count()).toHaveTextContent('1 of 4');
    expect(selected()).toEqual([ids[0]]);
    expect(findStore.getState().matchIds).toEqual(new Set([...ids, 'dana']));
    expect(findStore.getState().currentId).toBe(ids[0]);
  });

  it('goes to the next match with Enter and back with Shift+Enter, wrapping round', async () => {
    const { input, ids } = await show();
    await userEvent.fill(input, 'toner');
    await userEvent.keyboard('{Enter}');
    await expect.element(count()).toHaveTextContent('2 of 4');
    expect(selected()).toEqual([ids[1]]);
    await userEvent.keyboard('{Enter}');
    await expect.element(count()).toHaveTextContent('3 of 4');
    expect(selected()).toEqual([ids[2]]);
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    await expect.element(count()).toHaveTextContent('2 of 4');
    expect(selected()).toEqual([ids[1]]);
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}{Shift>}{Enter}{/Shift}');
    await expect.element(count()).toHaveTextContent('4 of 4');
    expect(onPersonaMatch).toHaveBeenCalledWith('dana', 'needs');
    await expect.element(input).toHaveFocus();
  });

  it('steps with the previous and next buttons too', async () => {
    const { input, ids } = await show();
    await userEvent.fill(input, 'toner');
    await userEvent.click(page.getByRole('button', { name: 'Next match' }));
    await expect.element(count()).toHaveTextContent('2 of 4');
    expect(selected()).toEqual([ids[1]]);
    await userEvent.click(page.getByRole('button', { name: 'Previous match' }));
    await expect.element(count()).toHaveTextContent('1 of 4');
    expect(selected()).toEqual([ids[0]]);
  });

  it('finds stage and lane headers and selects them on the board', async () => {
    const { input, map } = await show();
    await userEvent.fill(input, 'purchase');
    await expect.element(count()).toHaveTextContent('1 of 3');
    expect(boardStore.getState().selectedHeader).toEqual({ kind: 'stage', id: map.stageId('Purchase') });
    await userEvent.fill(input, 'customer service');
    await expect.element(count()).toHaveTextContent('1 of 1');
    expect(boardStore.getState().selectedHeader).toEqual({
      kind: 'lane',
      id: map.laneId('Customer service'),
    });
  });

  it('says when nothing matches and disables stepping', async () => {
    const { input } = await show();
    await userEvent.fill(input, 'cartridge');
    await expect.element(count()).toHaveTextContent('No results');
    await expect.element(page.getByRole('button', { name: 'Next match' })).toBeDisabled();
    expect(findStore.getState().matchIds.size).toBe(0);
  });

  it('closes with Escape, clears the highlights and gives the focus back', async () => {
    const { input } = await show();
    await userEvent.fill(input, 'toner');
    await userEvent.keyboard('{Escape}');
    await expect.element(input).not.toBeInTheDocument();
    expect(host.querySelector('search')).toBeNull();
    expect(findStore.getState().matchIds.size).toBe(0);
    await expect.element(page.getByRole('button', { name: 'Board' })).toHaveFocus();
  });
});
