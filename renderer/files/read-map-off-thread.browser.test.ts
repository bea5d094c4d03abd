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

describe('reading a map file off the window thread', () => {
  test('the window keeps running while a big file is read, and the result is what reading gives', async () => {
    const bytes = bigFile();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const read = await readMapFileOffThread(bytes);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(read).toEqual(readMapFile(bytes));
    // Timers ran through the read: at least a third of the 5 ms ticks it lasted.
    expect(ticks).toBeGreaterThan(Math.floor(took / 15));
    expect(ticks).toBeGreaterThan(2);
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
