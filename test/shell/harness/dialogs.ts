/**
 * The user at the native dialogs. A test queues answers (the file chosen in a Save dialog, the
 * button pressed in a message box); a dialog nobody answered is dismissed with Escape, as
 * Electron would report it. Every dialog shown is recorded with its options, so a test can check
 * what the user was asked.
 */
import type { DialogMethod } from '../protocol.ts';

export interface ShownDialog {
  readonly method: DialogMethod;
  readonly options: Record<string, unknown>;
  readonly windowId: number | null;
  readonly answer: unknown;
}

type Answer = (options: Record<string, unknown>) => unknown;

const dismissed = (method: DialogMethod, options: Record<string, unknown>): unknown => {
  switch (method) {
    case 'showOpenDialog':
      return { canceled: true, filePaths: [] };
    case 'showSaveDialog':
      return { canceled: true, filePath: '' };
    case 'showMessageBox':
      return { response: options.cancelId, checkboxChecked: false };
  }
};

export class Dialogs {
  readonly shown: ShownDialog[] = [];
  /** Answers the test queued that did not fit the dialog shown (it was dismissed instead). */
  readonly problems: string[] = [];
  private readonly queued: { method: DialogMethod; answer: Answer }[] = [];
  private readonly watchers: (() => void)[] = [];

  /** The next Save dialog is answered with this path. */
  saveTo(filePath: string): void {
    this.queued.push({ method: 'showSaveDialog', answer: () => ({ canceled: false, filePath }) });
  }

  /** The next Open dialog is answered with these files. */
  open(...filePaths: string[]): void {
    this.queued.push({ method: 'showOpenDialog', answer: () => ({ canceled: false, filePaths }) });
  }

  /** The next message box is answered with the first button whose label matches. */
  press(label: RegExp): void {
    this.queued.push({
      method: 'showMessageBox',
      answer: (options) => {
        const buttons = (options.buttons as string[] | undefined) ?? [];
        const response = buttons.findIndex((button) => label.test(button));
        if (response < 0) throw new Error(`No button matching ${label} in [${buttons.join(', ')}]`);
        return { response, checkboxChecked: false };
      },
    });
  }

  /**
   * The next dialog of this kind stays open (the user is away) until the returned function is
   * called with the answer.
   */
  leaveOpen(method: DialogMethod): (answer: unknown) => void {
    let answerNow: (answer: unknown) => void = () => undefined;
    const answer = new Promise((resolve) => {
      answerNow = resolve;
    });
    this.queued.push({ method, answer: () => answer });
    return (value) => answerNow(value);
  }

  /** How main's dialog call resolves. */
  async respond(
    method: DialogMethod,
    options: Record<string, unknown>,
    windowId: number | null,
  ): Promise<unknown> {
    const index = this.queued.findIndex((queued) => queued.method === method);
    const [queued] = index >= 0 ? this.queued.splice(index, 1) : [];
    let answer: unknown;
    try {
      answer = queued ? queued.answer(options) : dismissed(method, options);
    } catch (error) {
      this.problems.push(String(error));
      answer = dismissed(method, options);
    }
    this.shown.push({ method, options, windowId, answer });
    for (const wake of this.watchers.splice(0)) wake();
    return answer;
  }

  /** Resolves with the first dialog shown (now or later) that `matches`. */
  async waitFor(matches: (dialog: ShownDialog) => boolean, timeoutMs = 10_000): Promise<ShownDialog> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.shown.find(matches);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`No such dialog within ${timeoutMs} ms; shown: ${JSON.stringify(this.shown)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.watchers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
