import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { boardStore } from '../store/index.ts';
import { BoardScreen } from './BoardScreen.tsx';
import '../styles.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(async () => {
  await loadFonts();
  await page.viewport(1024, 700);
  host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0;display:flex;flex-direction:column';
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the empty board', () => {
  it('tells how to add a note as the README does, where the scenario bar does not cover it', async () => {
    const map = testMap('customer-experience', 'Empty map');
    act(() => boardStore.getState().loadDocument({ id: map.doc.id, records: { ...map.doc.records } }));
    await act(async () =>
      root.render(<BoardScreen fitOnOpen onCommand={() => undefined} onTakeOver={() => undefined} />),
    );
    const hint = host.querySelector('.board-hint');
    const bar = host.querySelector('.scenario-bar');
    if (!hint || !bar) throw new Error('no hint or no scenario bar');
    expect(hint.textContent).toContain('Click a cell and type');
    expect(hint.textContent).not.toContain('Double-click');
    const text = document.createRange();
    text.selectNodeContents(hint);
    for (const line of text.getClientRects()) expect(overlaps(line, bar.getBoundingClientRect())).toBe(false);
  });
});
