/**
 * The files main is writing for the user right now (map saves, backups, text exports). Quitting
 * waits for them: exiting mid-save would leave the old file and a hidden temp file beside it,
 * and the save the user asked for would be lost.
 */
/** How long quitting waits for writes: longer than a save to a slow USB stick, short of a hung drive. */
export const WRITES_TIMEOUT_MS = 10_000;

export interface PendingWrites {
  /** Registers a write; returns it unchanged. */
  track<T>(write: Promise<T>): Promise<T>;
  /** Settles once no write is under way, including writes that start while waiting. */
  idle(): Promise<void>;
}

export function createPendingWrites(): PendingWrites {
  const pending = new Set<Promise<unknown>>();
  return {
    track(write) {
      pending.add(write);
      const untrack = (): void => {
        pending.delete(write);
      };
      write.then(untrack, untrack);
      return write;
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
