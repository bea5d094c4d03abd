import { describe, expect, it } from 'vitest';
import { createPendingWrites } from './pending-writes.ts';

/** A write the test finishes by hand. */
function write() {
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

/** Whether `promise` settles once every promise callback already due has run. */
const isSettled = async (promise: Promise<unknown>): Promise<boolean> =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setImmediate(() => resolve(false))),
  ]);

describe('pending writes', () => {
  it('is idle at once when nothing is being written', async () => {
    expect(await isSettled(createPendingWrites().idle())).toBe(true);
  });

  it('waits for every write under way, and for writes that start while it waits', async () => {
    const writes = createPendingWrites();
    const save = write();
    const backup = write();
    expect(writes.track(save.promise)).toBe(save.promise);
    const idle = writes.idle();

    writes.track(backup.promise);
    save.finish();
    expect(await isSettled(idle)).toBe(false);
    backup.finish();
    expect(await isSettled(idle)).toBe(true);
  });

  it('counts a failed write as finished, without failing the wait', async () => {
    const writes = createPendingWrites();
    const save = write();
    writes.track(save.promise).catch(() => undefined);
    const idle = writes.idle();
    save.fail(new Error('ENOSPC'));
    expect(await isSettled(idle)).toBe(true);
  });
});
