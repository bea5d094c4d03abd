/**
 * `screen`: the displays the test laid out (MainOptions.displays; one 1920×1080 display unless a
 * test gives more), the primary first with a 40 px taskbar at its bottom. getDisplayMatching
 * answers as Electron's does: the display the rectangle overlaps most, else the nearest one.
 * Only after 'ready' (the module proxy in electron.ts checks), and strict about its members.
 */
import type { Rect } from '../protocol.ts';
import type { Runtime } from './runtime.ts';

const TASKBAR_HEIGHT = 40;

export interface StandInDisplay {
  readonly id: number;
  readonly bounds: Rect;
  readonly workArea: Rect;
  readonly size: { width: number; height: number };
  readonly workAreaSize: { width: number; height: number };
  readonly scaleFactor: number;
  readonly rotation: number;
  readonly internal: boolean;
}

export interface StandInScreen {
  /** What `require('electron').screen` is. */
  readonly module: object;
  /** The display a window with these bounds is on, for the windows' own use. */
  displayMatching(rect: Rect): StandInDisplay;
}

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** How far the rectangle's centre is from the display's bounds (0 inside). */
const distance = (rect: Rect, display: Rect): number => {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const dx = Math.max(display.x - cx, 0, cx - (display.x + display.width));
  const dy = Math.max(display.y - cy, 0, cy - (display.y + display.height));
  return Math.hypot(dx, dy);
};

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((name) => Number.isFinite(fields[name]));
}

export function createScreen(runtime: Runtime, layout: readonly Rect[]): StandInScreen {
  const displays: StandInDisplay[] = layout.map((bounds, index) => {
    const workArea = index === 0 ? { ...bounds, height: bounds.height - TASKBAR_HEIGHT } : { ...bounds };
    return {
      id: index + 1,
      bounds: { ...bounds },
      workArea,
      size: { width: bounds.width, height: bounds.height },
      workAreaSize: { width: workArea.width, height: workArea.height },
      scaleFactor: 1,
      rotation: 0,
      internal: index === 0,
    };
  });
  if (displays.length === 0) throw new Error('the stand-in needs at least one display');

  const displayMatching = (rect: Rect): StandInDisplay => {
    let best = displays[0] as StandInDisplay;
    for (const display of displays) {
      const better = overlap(rect, display.bounds) - overlap(rect, best.bounds);
      if (better > 0 || (better === 0 && distance(rect, display.bounds) < distance(rect, best.bounds)))
        best = display;
    }
    return best;
  };

  const members: Record<string, unknown> = {
    getAllDisplays: () => structuredClone(displays),
    getDisplayMatching(rect: unknown) {
      // Electron's argument conversion throws this for anything but a Rectangle.
      if (!isRect(rect)) throw new TypeError('Error processing argument at index 0, conversion failure');
      return structuredClone(displayMatching(rect));
    },
  };
  const module = new Proxy(members, {
    get(target, property) {
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON')
        return target[property as string];
      if (!(property in target))
        runtime.misuse(`the stand-in has no screen.${property}: add it to test/shell/stand-in/screen.ts`);
      return target[property];
    },
  });
  return { module, displayMatching };
}
