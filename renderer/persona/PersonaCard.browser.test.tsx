import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newMapDocument } from '../../shared/model/edits.ts';
import { boardStore } from '../store/index.ts';
import { PersonaCard } from './PersonaCard.tsx';
import { addPersonaToMap } from './persona-commands.ts';
import '../styles.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root | undefined;

beforeEach(() => {
  localStorage.clear();
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  act(() => root?.unmount());
  host.remove();
});

const maps = new Map<string, ReturnType<typeof newMapDocument>>();

/** Opens a map with a persona, as a reload or a file open does: a fresh card. */
const open = async (name: string) => {
  const doc = maps.get(name) ?? newMapDocument(name);
  maps.set(name, doc);
  act(() => {
    boardStore.getState().loadDocument({ id: doc.id, records: { ...doc.records } });
    addPersonaToMap(boardStore);
  });
  root = createRoot(host);
  const shown = root;
  await act(async () => shown.render(<PersonaCard />));
};

const reopen = async (name: string) => {
  act(() => root?.unmount());
  await open(name);
};

const cardShown = () => host.querySelector('[aria-label="Collapse persona card"]') !== null;
const chipShown = () => host.querySelector('.persona-chip') !== null;

describe('the persona card', () => {
  it('stays folded after a reload once the facilitator folded it, for that map only', async () => {
    await open('map-a');
    expect(cardShown()).toBe(true);
    await act(async () =>
      host.querySelector<HTMLButtonElement>('[aria-label="Collapse persona card"]')?.click(),
    );
    expect(chipShown()).toBe(true);

    await reopen('map-a');
    expect(chipShown()).toBe(true);
    expect(cardShown()).toBe(false);

    await reopen('map-b');
    expect(cardShown()).toBe(true);
  });

  it('stays open after a reload once unfolded again', async () => {
    await open('map-a');
    await act(async () =>
      host.querySelector<HTMLButtonElement>('[aria-label="Collapse persona card"]')?.click(),
    );
    await act(async () => host.querySelector<HTMLButtonElement>('.persona-chip')?.click());
    await reopen('map-a');
    expect(cardShown()).toBe(true);
  });
});
