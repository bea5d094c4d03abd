import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectorBar } from './ProjectorBar.tsx';
import { projectorStore } from './projector-host.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const bridge = { openProjector: async () => true, closeProjector: async () => undefined };

const button = (name: string) => document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);

/** A clicker's key on the board window; true when the bar took it (it would step the projector). */
const clickerTaken = (key: string): boolean => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('the projector bar on the board window', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    projectorStore.setState({ id: null, status: null });
  });

  it('keeps its steps and blank greyed, and lets clicker keys be, until the projector window has answered', () => {
    act(() => projectorStore.setState({ id: 'projector-1', status: null }));
    act(() => root.render(<ProjectorBar bridge={bridge} />));
    expect(host.textContent).toContain('Projector: opening…');
    expect(button('Next step')?.disabled).toBe(true);
    expect(button('Previous step')?.disabled).toBe(true);
    expect(button('Blank the projector')?.disabled).toBe(true);
    expect(button('Close the projector window')?.disabled).toBe(false);
    expect(clickerTaken('PageDown')).toBe(false);

    act(() =>
      projectorStore.setState({
        status: { caption: 'Toner: the whole journey', step: 1, steps: 9, blanked: false, stageId: null },
      }),
    );
    expect(host.textContent).toContain('Projector: 1 / 9 · Toner: the whole journey');
    expect(button('Next step')?.disabled).toBe(false);
    expect(button('Previous step')?.disabled).toBe(false);
    expect(button('Blank the projector')?.disabled).toBe(false);
    expect(clickerTaken('PageDown')).toBe(true);
  });
});
