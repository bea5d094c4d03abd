/**
 * What the user sees when the app's page cannot be shown: a window with a Reload / Quit question,
 * never an invisible app. The window and dialog are fakes standing in for Electron's.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow, Dialog } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RELOAD, watchForFailures } from './window-recovery.ts';

class FakeWindow {
  readonly webContents = new EventEmitter();
  readonly show = vi.fn();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  destroyed = false;
  isDestroyed = () => this.destroyed;
}

let window: FakeWindow;
let answer: (response: number) => void;
let dialog: { showMessageBox: ReturnType<typeof vi.fn> };
let quit: ReturnType<typeof vi.fn<() => void>>;

function watch() {
  return watchForFailures(window as unknown as BrowserWindow, {
    dialog: dialog as unknown as Pick<Dialog, 'showMessageBox'>,
    quit,
  });
}

const failLoad = (code = -6, isMainFrame = true): void => {
  window.webContents.emit(
    'did-fail-load',
    {},
    code,
    'ERR_FILE_NOT_FOUND',
    'app://journeywall/index.html',
    isMainFrame,
  );
};
const rendererGone = (reason: string): void => {
  window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
};

beforeEach(() => {
  window = new FakeWindow();
  dialog = {
    showMessageBox: vi.fn(
      () => new Promise<{ response: number }>((resolve) => (answer = (response) => resolve({ response }))),
    ),
  };
  quit = vi.fn<() => void>();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('a first load that fails', () => {
  it('shows the window with a question to reload or quit, and reloads the app', async () => {
    const recovery = watch();
    failLoad();
    expect(window.show).toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        message: 'Journeywall could not show its window.',
        buttons: ['Reload', 'Quit'],
      }),
    );
    expect(recovery.failed).toBe(true);
    answer(RELOAD);
    await vi.waitFor(() => expect(window.loadURL).toHaveBeenCalledWith('app://journeywall/index.html'));
    expect(quit).not.toHaveBeenCalled();
    window.webContents.emit('did-finish-load');
    expect(recovery.failed).toBe(false);
  });

  it('quits when the user chooses Quit', async () => {
    watch();
    failLoad();
    answer(1);
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(window.loadURL).not.toHaveBeenCalled();
  });

  it('ignores a load replaced by another navigation, and failures of sub-frames', () => {
    const recovery = watch();
    failLoad(-3);
    failLoad(-6, false);
    expect(window.show).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(recovery.failed).toBe(false);
  });
});

describe('a renderer that is gone', () => {
  it.each(['crashed', 'oom', 'killed'])('after %s, shows the window and offers a reload', async (reason) => {
    watch();
    rendererGone(reason);
    expect(window.show).toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ message: 'Journeywall’s window stopped working.' }),
    );
    answer(RELOAD);
    await vi.waitFor(() => expect(window.loadURL).toHaveBeenCalledTimes(1));
  });

  it('asks once when failures come in a burst, and not at all for a clean exit', () => {
    const recovery = watch();
    rendererGone('clean-exit');
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(recovery.failed).toBe(false);
    rendererGone('crashed');
    failLoad();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('does nothing once the window is closed', async () => {
    watch();
    rendererGone('crashed');
    window.destroyed = true;
    answer(RELOAD);
    // The answer is a promise: its callbacks have all run once the event loop moves on.
    await new Promise((resolve) => setImmediate(resolve));
    expect(window.loadURL).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
  });
});
