import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  restorePlacement,
  saveWindowState,
  trackWindowState,
  type WindowState,
} from './window-state.ts';

// A laptop screen with a menu bar, and an external monitor to its left.
const laptop: Rectangle = { x: 0, y: 25, width: 1440, height: 875 };
const leftMonitor: Rectangle = { x: -1920, y: 0, width: 1920, height: 1080 };

const saved = (overrides: Partial<WindowState> = {}): WindowState => ({
  x: 100,
  y: 80,
  width: 1200,
  height: 760,
  isMaximized: false,
  ...overrides,
});

describe('restorePlacement', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restorePlacement(null, [laptop])).toEqual({ bounds: { ...DEFAULT_SIZE }, isMaximized: false });
  });

  it('restores position, size and maximized state on a connected display', () => {
    expect(restorePlacement(saved({ isMaximized: true }), [laptop])).toEqual({
      bounds: { x: 100, y: 80, width: 1200, height: 760 },
      isMaximized: true,
    });
  });

  it('restores a window on a secondary display at negative coordinates', () => {
    const onLeft = saved({ x: -1800, y: 100 });
    expect(restorePlacement(onLeft, [laptop, leftMonitor]).bounds).toMatchObject({ x: -1800, y: 100 });
  });

  it('centres the window, keeping its size, when its display is gone', () => {
    const onLeft = saved({ x: -1800, y: 100 });
    expect(restorePlacement(onLeft, [laptop])).toEqual({
      bounds: { width: 1200, height: 760 },
      isMaximized: false,
    });
  });

  it('centres a window whose title bar would be above or below every display', () => {
    expect(restorePlacement(saved({ y: -300 }), [laptop]).bounds).not.toHaveProperty('x');
    expect(restorePlacement(saved({ y: 890 }), [laptop]).bounds).not.toHaveProperty('x');
  });

  it('keeps a window that hangs off the side as long as enough of its title bar is reachable', () => {
    expect(restorePlacement(saved({ x: 1300 }), [laptop]).bounds).toMatchObject({ x: 1300 });
    expect(restorePlacement(saved({ x: 1400 }), [laptop]).bounds).not.toHaveProperty('x');
  });

  it('never restores a window smaller than the minimum size', () => {
    expect(restorePlacement(saved({ width: 50, height: 20 }), [laptop]).bounds).toMatchObject({
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    });
  });
});

describe('window state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jw-window-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back what was saved', async () => {
    const file = path.join(dir, 'window-state.json');
    await saveWindowState(file, saved({ isMaximized: true }));
    expect(await loadWindowState(file)).toEqual(saved({ isMaximized: true }));
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"x": 1,'],
    ['the wrong shape', JSON.stringify({ x: 'left', y: 0, width: 800, height: 600, isMaximized: false })],
    ['a zero size', JSON.stringify({ ...saved(), width: 0 })],
  ])('falls back to defaults when the file is %s', async (_label, content) => {
    const file = path.join(dir, 'window-state.json');
    if (content !== null) await writeFile(file, content);
    expect(await loadWindowState(file)).toBeNull();
  });

  it('saves the normal bounds once the window has stopped moving, and at once on save()', async () => {
    const file = path.join(dir, 'window-state.json');
    let bounds = { x: 10, y: 20, width: 900, height: 700 };
    const window = Object.assign(new EventEmitter(), {
      isDestroyed: () => false,
      isMaximized: () => false,
      getNormalBounds: () => bounds,
    });
    const tracker = trackWindowState(window as unknown as BrowserWindow, file);
    vi.useFakeTimers();
    try {
      window.emit('move');
      await vi.advanceTimersByTimeAsync(300);
      window.emit('resize');
      await vi.advanceTimersByTimeAsync(300);
      expect(await loadWindowState(file)).toBeNull();
      await vi.advanceTimersByTimeAsync(300);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(async () =>
      expect(await loadWindowState(file)).toEqual({ ...bounds, isMaximized: false }),
    );

    bounds = { x: 30, y: 40, width: 1000, height: 720 };
    await tracker.save();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ ...bounds, isMaximized: false });
  });
});
