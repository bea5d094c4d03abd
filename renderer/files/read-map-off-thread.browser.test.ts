import { describe, expect, test } from 'vitest';
import { WITHIN_LIMITS } from '../../test/corpus/after-parse.ts';
import { readMapFile } from './map-file.ts';
import { readMapFileOffThread } from './read-map-off-thread.ts';

/** A map file big enough that reading it takes a while: the largest grid, a note in every cell. */
const bigFile = (): Uint8Array => {
  const grid = WITHIN_LIMITS.find((file) => file.name.startsWith('the largest grid'));
  if (!grid) throw new Error('no largest-grid file in the corpus');
  return new TextEncoder().encode(grid.text());
};

/**
 * How many tasks the window ran before `work` settled. None can run while its thread is busy:
 * reading on this thread, even after an await, lets through a task or two at most.
 */
const tasksRunDuring = async (work: Promise<unknown>): Promise<number> => {
  let settled = false;
  void work.finally(() => {
    settled = true;
  });
  let tasks = 0;
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    tasks++;
  }
  return tasks;
};

describe('reading a map file off the window thread', () => {
  test('the window keeps running while a big file is read, and the result is what reading gives', async () => {
    const bytes = bigFile();
    const reading = readMapFileOffThread(bytes);
    expect(await tasksRunDuring(reading)).toBeGreaterThan(2);
    expect(await reading).toEqual(readMapFile(bytes));
  });

  test('a big hostile file is refused with its message, as on the window thread; a small one too', async () => {
    const scores = Array.from({ length: 300_000 }, (_, i) => `"e${i}":1`).join(',');
    const big = new TextEncoder().encode(
      `{"type":"journeywall-map","formatVersion":2,"scenarios":[{"emotions":{${scores}}}]}`,
    );
    const small = new TextEncoder().encode(`{"type":"journeywall-map","formatVersion":2,${'['.repeat(100)}`);
    for (const bytes of [big, small, big]) {
      const read = await readMapFileOffThread(bytes);
      expect(read).toEqual(readMapFile(bytes));
      expect(read.ok).toBe(false);
    }
  });
});
