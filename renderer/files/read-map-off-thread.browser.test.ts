import { describe, expect, test } from 'vitest';
import { markShared } from '../../shared/format/document.ts';
import { serialize } from '../../shared/format/serialize.ts';
import { largeMap } from '../../shared/journey/test-support/large-map.ts';
import { readMapFile } from './map-file.ts';
import { readMapFileOffThread } from './read-map-off-thread.ts';

/** A map file big enough that reading it takes a while: 100 stages × 60 lanes, 1,000 notes in a cell. */
const bigFile = (): Uint8Array => {
  const { doc } = largeMap({ stages: 100, lanes: 60, notesInFirstCell: 1000 });
  return new TextEncoder().encode(serialize(markShared(doc), { appVersion: '1', savedAt: 1 }));
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

  test('a hostile file is refused with its message, as on the window thread', async () => {
    const bytes = new TextEncoder().encode(`{"type":"journeywall-map","formatVersion":2,${'['.repeat(100)}`);
    const read = await readMapFileOffThread(bytes);
    expect(read).toEqual(readMapFile(bytes));
    expect(read.ok).toBe(false);
  });
});
