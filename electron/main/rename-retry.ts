/**
 * Renaming a temp file over its target on Windows fails for a moment while another program has
 * either file open: antivirus scanners, the search indexer and OneDrive open new files as soon as
 * they appear. Those failures (EPERM, EBUSY, EACCES) pass within seconds, so the rename is retried
 * with growing pauses for a few seconds, as npm's graceful-fs does. On other systems those codes
 * mean a real permission problem and fail at once.
 */
import { rename } from 'node:fs/promises';
import { errorCode } from './file-errors.ts';

/** How long a rename is retried before its error is reported. */
export const RENAME_RETRY_MS = 5000;

const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EBUSY', 'EACCES']);
const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 500;

export interface RenameRetryOptions {
  readonly platform?: NodeJS.Platform;
  readonly budgetMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function renameWithRetry(
  from: string,
  to: string,
  {
    platform = process.platform,
    budgetMs = RENAME_RETRY_MS,
    sleep = realSleep,
    now = Date.now,
  }: RenameRetryOptions = {},
): Promise<void> {
  const started = now();
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const transient = platform === 'win32' && TRANSIENT_ON_WINDOWS.has(errorCode(error) ?? '');
      if (!transient || now() - started + pause > budgetMs) throw error;
      await sleep(pause);
    }
  }
}
