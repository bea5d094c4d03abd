import { act, useContext } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newMapDocument } from '../../shared/model/edits.ts';
import { App } from '../App.tsx';
import { lastOpen, rememberOpeningMap, rememberOpenMap } from '../app/last-open-map.ts';
import { appServices } from '../app/services.ts';
import { BoardDrawnContext } from '../board/first-draw.ts';
import { putDocument } from '../db/library.ts';
import { noticeStore } from '../ui/notice-store.ts';
import { BoardErrorBoundary } from './BoardErrorBoundary.tsx';
import '../styles.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Set to make the board throw while rendering, as layout did on a cell of 130,000 notes. */
const crash = vi.hoisted(() => ({ on: false }));

vi.mock('../board/Board.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof import('../board/Board.tsx')>();
  return {
    ...original,
    Board: () => {
      if (crash.on) throw new RangeError('Maximum call stack size exceeded');
      return <original.Board />;
    },
  };
});

let host: HTMLDivElement;
let root: Root;

const until = async (check: () => boolean, what: string) => {
  for (let tries = 0; tries < 200; tries++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const onLibrary = () => host.querySelector('#library-title') !== null;
const onBoard = () => host.querySelector('[data-testid="board"]') !== null;
const notice = () => noticeStore.getState().message ?? '';

const start = async () => {
  root = createRoot(host);
  await act(async () => root.render(<App />));
};

const storedMap = async (name: string) => {
  const { db } = appServices();
  const doc = newMapDocument(name);
  await putDocument(db, doc);
  return doc.id;
};

beforeEach(async () => {
  crash.on = false;
  noticeStore.getState().dismiss();
  const { db } = appServices();
  await Promise.all([db.maps.clear(), db.records.clear(), db.session.clear()]);
  localStorage.clear();
  host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0;display:flex;flex-direction:column;width:900px;height:700px';
  document.body.append(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('a map that crashes the board', () => {
  it('reopens at start once its board has drawn', async () => {
    const mapId = await storedMap('Sound map');
    await rememberOpenMap(appServices().db, mapId);
    await start();
    await until(onBoard, 'the board');
    await until(() => localStorage.getItem('journeywall:opening-map') === null, 'the first draw');
    expect(await lastOpen(appServices().db)).toEqual({ mapId, crashed: false });
  });

  it('sends the app back to the library, names the map, and is not reopened at the next start', async () => {
    const mapId = await storedMap('Hostile map');
    await rememberOpenMap(appServices().db, mapId);
    crash.on = true;
    await start();
    await until(onLibrary, 'the library');
    expect(onBoard()).toBe(false);
    expect(notice()).toContain('“Hostile map”');
    expect(notice()).toContain('Maximum call stack size exceeded');
    await until(() => localStorage.getItem('journeywall:last-open-map') === null, 'the map forgotten');
    expect(await lastOpen(appServices().db)).toBeNull();

    act(() => root.unmount());
    noticeStore.getState().dismiss();
    await start();
    await until(onLibrary, 'the library at the next start');
    expect(onBoard()).toBe(false);
  });

  it('is not reopened when the app died while drawing it', async () => {
    const mapId = await storedMap('Frozen map');
    // What a crash or a kill during the first draw leaves behind.
    await rememberOpeningMap(appServices().db, mapId);
    await start();
    await until(onLibrary, 'the library');
    expect(onBoard()).toBe(false);
    expect(notice()).toContain('“Frozen map” was not reopened');
    expect(await lastOpen(appServices().db)).toBeNull();
  });
});

describe('BoardErrorBoundary', () => {
  /** Konva draws outside React: an error there reaches only the window. */
  const raise = (message: string) => {
    const silence = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', silence);
    window.dispatchEvent(new ErrorEvent('error', { error: new Error(message), message }));
    window.removeEventListener('error', silence);
  };

  const FirstDraw = ({ draw }: { draw: { report?: () => void } }) => {
    draw.report = useContext(BoardDrawnContext);
    return <p>board</p>;
  };

  it('fails on an error raised while the first frame is pending, and not after it was drawn', async () => {
    const failed = vi.fn();
    const drawn = vi.fn();
    const draw: { report?: () => void } = {};
    root = createRoot(host);
    const render = () =>
      root.render(
        <BoardErrorBoundary onDrawn={drawn} onFailed={failed}>
          <FirstDraw draw={draw} />
        </BoardErrorBoundary>,
      );
    await act(async () => render());
    act(() => window.dispatchEvent(new ErrorEvent('error', { message: 'ResizeObserver loop completed' })));
    expect(failed).not.toHaveBeenCalled();
    act(() => raise('draw failed'));
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ message: 'draw failed' }));
    expect(host.textContent).toBe('');

    act(() => root.unmount());
    failed.mockClear();
    root = createRoot(host);
    await act(async () => render());
    act(() => draw.report?.());
    expect(drawn).toHaveBeenCalledTimes(1);
    act(() => raise('later error'));
    expect(failed).not.toHaveBeenCalled();
    expect(host.textContent).toBe('board');
  });
});
