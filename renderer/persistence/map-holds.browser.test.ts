import { afterEach, describe, expect, it } from 'vitest';
import { createMapHolds, type MapHolds } from './map-holds.ts';

const made: MapHolds[] = [];
afterEach(() => {
  for (const holds of made.splice(0)) holds.stop();
});

/** One window's holds: its own channel end, the page's real Web Locks. */
const openWindow = (flush: () => Promise<void> = async () => undefined, handoverTimeoutMs = 2000) => {
  const lost: string[] = [];
  const stored: string[] = [];
  const holds = createMapHolds({ flush, handoverTimeoutMs, channel: new BroadcastChannel(`test-${name}`) });
  holds.onLost((mapId) => lost.push(mapId));
  holds.onStoredElsewhere((mapId) => stored.push(mapId));
  made.push(holds);
  return { holds, lost, stored };
};
const name = crypto.randomUUID();
const mapId = () => `map-${crypto.randomUUID()}`;

describe('one map, one window', () => {
  it('lets the first window hold a map and shows the second that it is held', async () => {
    const first = openWindow();
    const second = openWindow();
    const id = mapId();
    expect(await first.holds.hold(id)).toBe(true);
    expect(await second.holds.hold(id)).toBe(false);
    first.holds.release();
    await expect.poll(() => second.holds.hold(id)).toBe(true);
  });

  it('hands a map over only after the holder stored its edits', async () => {
    const order: string[] = [];
    let asked = false;
    let finishStoring: () => void = () => undefined;
    const storing = new Promise<void>((resolve) => (finishStoring = resolve));
    const first = openWindow(async () => {
      asked = true;
      await storing;
      order.push('first stored its edits');
    });
    const second = openWindow();
    const id = mapId();
    await first.holds.hold(id);

    const takingOver = second.holds.takeOver(id).then(() => order.push('second holds the map'));
    await expect.poll(() => asked).toBe(true);
    finishStoring();
    await takingOver;

    expect(order).toEqual(['first stored its edits', 'second holds the map']);
    expect(first.lost).toEqual([id]);
    expect(await first.holds.hold(id)).toBe(false);
  });

  it('takes a map from a window that does not answer', async () => {
    const first = openWindow(() => new Promise(() => undefined));
    const second = openWindow(async () => undefined, 200);
    const id = mapId();
    await first.holds.hold(id);

    await second.holds.takeOver(id);
    await expect.poll(() => first.lost).toEqual([id]);
  });

  it('tells windows showing a map that its holder stored it', async () => {
    const first = openWindow();
    const second = openWindow();
    const id = mapId();
    first.holds.announceStored(id);
    await expect.poll(() => second.stored).toEqual([id]);
    expect(first.stored).toEqual([]);
  });
});
