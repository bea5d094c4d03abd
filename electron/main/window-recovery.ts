/**
 * When the page cannot be shown: its first load failed (a damaged install, a missing file) or its
 * renderer crashed or was killed. The window waits hidden for its first frame, which would then
 * never come, leaving the app running and invisible. So the window is shown anyway with a message
 * offering to reload the app or to quit.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';

/** Chromium's code for a load that another navigation replaced: not a failure. */
const ERR_ABORTED = -3;

export const RELOAD = 0;

export interface WindowRecoveryOptions {
  readonly dialog: Pick<Dialog, 'showMessageBox'>;
  readonly quit: () => void;
}

export interface WindowRecovery {
  /** The page failed and has not loaded since, so nothing in it can answer (a flush request). */
  readonly failed: boolean;
}

function reloadQuestion(message: string, detail: string): MessageBoxOptions {
  return {
    type: 'error',
    message,
    detail,
    buttons: ['Reload', 'Quit'],
    defaultId: RELOAD,
    cancelId: 1,
    noLink: true,
  };
}

export function watchForFailures(
  window: BrowserWindow,
  { dialog, quit }: WindowRecoveryOptions,
): WindowRecovery {
  let failed = false;
  let asking = false;

  const offerReload = async (question: MessageBoxOptions): Promise<void> => {
    failed = true;
    // A second failure while the question is open is answered by the same question.
    if (asking || window.isDestroyed()) return;
    asking = true;
    try {
      window.show();
      const { response } = await dialog.showMessageBox(window, question);
      if (window.isDestroyed()) return;
      if (response !== RELOAD) {
        quit();
        return;
      }
      window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
        console.error('[window] could not reload the app', error);
      });
    } finally {
      asking = false;
    }
  };

  window.webContents.on('did-finish-load', () => {
    failed = false;
  });
  window.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED) return;
    console.error(`[window] the app did not load: ${description} (${code})`);
    void offerReload(
      reloadQuestion(
        'Journeywall could not show its window.',
        `Loading the app failed (${description}). Reload to try again; if this keeps happening, reinstall Journeywall.`,
      ),
    );
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[window] renderer gone: ${details.reason}`);
    if (details.reason === 'clean-exit') return;
    void offerReload(
      reloadQuestion(
        'Journeywall’s window stopped working.',
        `Its page ended unexpectedly (${details.reason}). Your maps are stored on this computer: reload to carry on where you were.`,
      ),
    );
  });

  return {
    get failed() {
      return failed;
    },
  };
}
