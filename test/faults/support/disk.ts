import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small disk for the full-disk test: a tmpfs, or else an ext4 image mounted through a
 * loop device. Both need root; without either the test fails and says why (it never skips).
 */
export interface SmallDisk {
  readonly dir: string;
  readonly method: 'tmpfs' | 'loop-mounted ext4 image';
  readonly bytes: number;
  /** Unmounts and removes the mount point (and the image); waits while the disk is still busy. */
  unmount(): Promise<void>;
}

const run = (command: string, args: readonly string[]): void => {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
};

const reason = (error: unknown): string => {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error instanceof Error ? error.message : String(error));
};

/** Bytes the file system at `dir` holds in all, and free. */
export const diskSpace = (dir: string): { total: number; free: number } => {
  const stats = statfsSync(dir);
  return { total: stats.blocks * stats.bsize, free: stats.bavail * stats.bsize };
};

export const mountSmallDisk = (megabytes: number): SmallDisk => {
  const dir = mkdtempSync(join(tmpdir(), 'journeywall-small-disk-'));
  const failures: string[] = [];
  const mounted = (method: SmallDisk['method'], cleanUp: () => void): SmallDisk => {
    const { total } = diskSpace(dir);
    // A mount that silently did nothing would leave the test on the machine's big disk.
    if (total > megabytes * 2 ** 20 * 1.1) {
      throw new Error(`${method} at ${dir} reports ${total} bytes, not about ${megabytes} MB`);
    }
    return {
      dir,
      method,
      bytes: total,
      unmount: async () => {
        // Processes of a browser just killed may hold its files for a moment longer.
        for (let attempt = 1; ; attempt++) {
          try {
            run('umount', [dir]);
            break;
          } catch (error) {
            if (attempt === 50) throw new Error(`umount ${dir}: ${reason(error)}`);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        cleanUp();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };

  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
    return mounted('tmpfs', () => undefined);
  } catch (error) {
    failures.push(`mount -t tmpfs: ${reason(error)}`);
  }

  const image = `${dir}.img`;
  try {
    run('truncate', ['-s', `${megabytes}M`, image]);
    // No blocks reserved for root: Chromium runs as root here and would use them.
    run('mkfs.ext4', ['-q', '-F', '-m', '0', image]);
    run('mount', ['-o', 'loop', image, dir]);
    return mounted('loop-mounted ext4 image', () => rmSync(image, { force: true }));
  } catch (error) {
    failures.push(`loop-mounted ext4 image: ${reason(error)}`);
    rmSync(image, { force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(
    `Could not mount a small disk for the full-disk test (it needs root, or the mount capability): ${failures.join('; ')}`,
  );
};

/** Writes a file until the disk refuses more (ENOSPC); returns the file and its size. */
export const fillDisk = (dir: string): { file: string; bytes: number } => {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    for (const chunk of [Buffer.alloc(2 ** 20, 7), Buffer.alloc(4096, 7), Buffer.alloc(256, 7)]) {
      try {
        for (;;) bytes += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { file, bytes };
};
