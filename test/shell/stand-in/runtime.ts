/**
 * What every part of the stand-in shares: the line to the harness, the launch options, whether
 * the app is ready, the open windows, and Electron's event object.
 */
import type { MainOptions } from '../protocol.ts';
import type { Link } from './link.ts';

/** Electron's `Event`: listeners may prevent the default action. */
export interface ElectronEvent {
  readonly defaultPrevented: boolean;
  preventDefault(): void;
  readonly [key: string]: unknown;
}

export function createEvent(fields: Record<string, unknown> = {}): ElectronEvent {
  let prevented = false;
  return {
    ...fields,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
  };
}

/** What Electron throws when a destroyed window or webContents is used. */
export const destroyedError = (): TypeError => new TypeError('Object has been destroyed');

/** The part of a BrowserWindow the app lifecycle needs (Electron's WindowList). */
export interface ListedWindow {
  readonly id: number;
  isDestroyed(): boolean;
  close(): void;
  destroy(): void;
}

export interface Runtime {
  readonly link: Link;
  readonly options: MainOptions;
  isReady(): boolean;
  readonly windows: ListedWindow[];
  /** Called by a window once it is destroyed and out of the list. */
  windowGone(): void;
  /** A window's close was prevented: a quit in progress is cancelled (Electron's WindowList). */
  windowCloseCancelled(): void;
  /** A stand-in rule was broken: reported to the harness and thrown, so the test fails loudly. */
  misuse(message: string): never;
}

export function createRuntime(
  link: Link,
  options: MainOptions,
): Runtime & {
  setReady(): void;
  onWindowGone(listener: () => void): void;
  onCloseCancelled(listener: () => void): void;
} {
  let ready = false;
  const goneListeners: (() => void)[] = [];
  const cancelListeners: (() => void)[] = [];
  return {
    link,
    options,
    isReady: () => ready,
    setReady: () => {
      ready = true;
    },
    windows: [],
    windowGone: () => {
      for (const listener of goneListeners) listener();
    },
    windowCloseCancelled: () => {
      for (const listener of cancelListeners) listener();
    },
    onWindowGone: (listener) => goneListeners.push(listener),
    onCloseCancelled: (listener) => cancelListeners.push(listener),
    misuse(message) {
      link.send({ kind: 'stand-in-error', message });
      throw new Error(message);
    },
  };
}
