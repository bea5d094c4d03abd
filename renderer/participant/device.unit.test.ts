import { describe, expect, it } from 'vitest';
import { CLIENT_ID_PATTERN } from '../../shared/room/protocol.ts';
import { joinAs, keptParticipant } from './device.ts';
import { memoryStorage, refusingStorage, TOKEN } from './test-support.ts';

describe('the participant a phone joins as', () => {
  it('has not joined until it joins, then is the same participant after a reload', () => {
    const storage = memoryStorage();
    expect(keptParticipant(storage, TOKEN)).toBeNull();
    const joined = joinAs(storage, TOKEN, '  Ana  ');
    expect(joined.device).toMatch(CLIENT_ID_PATTERN);
    expect(joined.name).toBe('Ana');
    expect(keptParticipant(storage, TOKEN)).toEqual(joined);
  });

  it('keeps its device id when it joins again under another name', () => {
    const storage = memoryStorage();
    const first = joinAs(storage, TOKEN, 'Ana');
    expect(joinAs(storage, TOKEN, '')).toEqual({ device: first.device, name: '' });
  });

  it('is a different participant in another room', () => {
    const storage = memoryStorage();
    const here = joinAs(storage, TOKEN, 'Ana');
    const there = joinAs(storage, 'ZZZZZZZZZZZZZZZZZZZZZZ', 'Ana');
    expect(there.device).not.toBe(here.device);
  });

  it('joins for the life of the page when storage refuses', () => {
    expect(joinAs(refusingStorage(), TOKEN, 'Ana').device).toMatch(CLIENT_ID_PATTERN);
    expect(keptParticipant(refusingStorage(), TOKEN)).toBeNull();
  });
});
