import { describe, expect, it } from 'vitest';
import { formatClock, parseTimerLength } from './timer-text.ts';

describe('the clock text', () => {
  it('shows m:ss, counting whole seconds up', () => {
    expect(formatClock(5 * 60_000)).toBe('5:00');
    expect(formatClock(5 * 60_000 - 1)).toBe('5:00');
    expect(formatClock(4 * 60_000 + 59_000)).toBe('4:59');
    expect(formatClock(60_001)).toBe('1:01');
    expect(formatClock(60_000)).toBe('1:00');
    expect(formatClock(9_000)).toBe('0:09');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5000)).toBe('0:00');
    expect(formatClock(90 * 60_000)).toBe('90:00');
  });
});

describe('a typed timer length', () => {
  it('reads whole or decimal minutes', () => {
    expect(parseTimerLength('7')).toBe(7 * 60_000);
    expect(parseTimerLength(' 15 ')).toBe(15 * 60_000);
    expect(parseTimerLength('1.5')).toBe(90_000);
    expect(parseTimerLength('2,5')).toBe(150_000);
  });

  it('reads m:ss', () => {
    expect(parseTimerLength('2:30')).toBe(150_000);
    expect(parseTimerLength('0:45')).toBe(45_000);
    expect(parseTimerLength('10:05')).toBe(605_000);
  });

  it('refuses what is not a length, zero, and more than three hours', () => {
    for (const text of ['', 'five', '-3', '2:75', '2:5', '1:2:3', '0', '0:00', '0.001', '181', '180:01'])
      expect(parseTimerLength(text), text).toBeNull();
    expect(parseTimerLength('180')).toBe(180 * 60_000);
  });
});
