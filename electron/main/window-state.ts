/**
 * Remembers the window's size, position and maximized state across launches in a small JSON file.
 * The saved position is only reused when the window's title bar would land on a connected
 * display; otherwise (a monitor was unplugged) the window keeps its size and is centred.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

/** How much of the title bar must lie on a display for the user to be able to grab it. */
const GRAB_WIDTH = 100;
const GRAB_HEIGHT = 30;
const SAVE_DELAY_MS = 500;

const windowStateSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
  isMaximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface WindowPlacement {
  readonly bounds: { x?: number; y?: number; width: number; height: number };
  readonly isMaximized: boolean;
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

function overlap(aStart: number, aLength: number, bStart: number, bLength: number): number {
  return Math.min(aStart + aLength, bStart + bLength) - Math.max(aStart, bStart);
}

export function isTitleBarVisible(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return workAreas.some(
    (area) =>
      overlap(bounds.x, bounds.width, area.x, area.width) >= Math.min(GRAB_WIDTH, bounds.width) &&
      overlap(bounds.y, GRAB_HEIGHT, area.y, area.height) >= GRAB_HEIGHT,
  );
}

/** Where to open the window, given what was saved and the displays connected now. */
export function restorePlacement(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
): WindowPlacement {
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, isMaximized: false };
  const width = Math.max(saved.width, MIN_SIZE.width);
  const height = Math.max(saved.height, MIN_SIZE.height);
  const bounds = { x: saved.x, y: saved.y, width, height };
  return isTitleBarVisible(bounds, workAreas)
    ? { bounds, isMaximized: saved.isMaximized }
    : { bounds: { width, height }, isMaximized: saved.isMaximized };
}

/** The state to remember: the normal (unmaximized) bounds, so un-maximizing restores them. */
export function captureWindowState(window: BrowserWindow): WindowState {
  return { ...window.getNormalBounds(), isMaximized: window.isMaximized() };
}

/** Saves shortly after the window stops moving or resizing; save() writes immediately. */
export function trackWindowState(window: BrowserWindow, file: string): { save(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): Promise<void> => {
    clearTimeout(timer);
    if (window.isDestroyed()) return Promise.resolve();
    return saveWindowState(file, captureWindowState(window)).catch((error: unknown) => {
      console.warn('[window-state] could not save the window state', error);
    });
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  return { save };
}
