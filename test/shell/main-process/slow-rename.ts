/**
 * A slow disk for one file: node:fs/promises as main sees it, whose rename onto the fault's
 * target waits first. A save caught in that moment has its temp file written and not yet renamed,
 * which is when quitting must not cut it off.
 */
import type * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { SlowRename } from '../protocol.ts';

export function withSlowRename(
  fs: typeof fsPromises,
  fault: () => SlowRename | null,
  onHold: (target: string) => void,
): typeof fsPromises {
  return {
    ...fs,
    async rename(from, to) {
      const slow = fault();
      if (slow && path.resolve(String(to)) === path.resolve(slow.target)) {
        onHold(String(to));
        await new Promise((resolve) => setTimeout(resolve, slow.ms));
      }
      return fs.rename(from, to);
    },
  };
}
