import { describe, expect, it } from 'vitest';
import { fitText, TEXT_SIZES } from './fit-text.ts';

/** A monospace measure: every character is 0.6 em wide. */
const mono = (text: string, size: number) => text.length * size * 0.6;

describe('fitting note text', () => {
  it('keeps short text at the largest size on one line', () => {
    const fitted = fitText('Calls support', { width: 400, height: 100 }, mono);
    expect(fitted).toMatchObject({ fontSize: TEXT_SIZES.max, lines: ['Calls support'], truncated: false });
  });

  it('wraps on words and shrinks until every line fits the box', () => {
    const text = 'Waits three days for delivery with no tracking information at all';
    const box = { width: 156, height: 96 };
    const fitted = fitText(text, box, mono);
    expect(fitted.fontSize).toBeLessThan(TEXT_SIZES.max);
    expect(fitted.truncated).toBe(false);
    expect(fitted.lines.join(' ')).toBe(text);
    for (const line of fitted.lines) expect(mono(line, fitted.fontSize)).toBeLessThanOrEqual(box.width);
    expect(fitted.lines.length * fitted.lineHeight).toBeLessThanOrEqual(box.height);
  });

  it('breaks a word longer than the line', () => {
    const fitted = fitText('Supercalifragilisticexpialidocious', { width: 60, height: 200 }, mono);
    expect(fitted.lines.length).toBeGreaterThan(1);
    expect(fitted.lines.join('')).toBe('Supercalifragilisticexpialidocious');
  });

  it('breaks and cuts between whole characters, never inside an emoji, a flag or an accented letter', () => {
    const whole = (line: string) => !/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]|^\u0301/.test(line.replace(/…$/, ''));
    const word = '😬🇫🇷e\u0301'.repeat(20);
    const broken = fitText(word, { width: 60, height: 400 }, mono);
    expect(broken.lines.length).toBeGreaterThan(1);
    expect(broken.lines.join('')).toBe(word);
    for (const line of broken.lines) expect(whole(line), JSON.stringify(line)).toBe(true);
    const cut = fitText(`${word} ${word}`, { width: 60, height: 12 }, mono);
    expect(cut.truncated).toBe(true);
    for (const line of cut.lines) expect(whole(line), JSON.stringify(line)).toBe(true);
  });

  it('shrinks rather than breaking a word that would fit whole at a smaller size', () => {
    const box = { width: 120, height: 100 };
    const fitted = fitText('Confirmation email', box, mono);
    expect(fitted.lines).toEqual(['Confirmation', 'email']);
    expect(mono('Confirmation', fitted.fontSize)).toBeLessThanOrEqual(box.width);
  });

  it('keeps explicit line breaks', () => {
    expect(fitText('Needs\nGoals', { width: 400, height: 200 }, mono).lines).toEqual(['Needs', 'Goals']);
  });

  it('cuts text that cannot fit even at the smallest size, with an ellipsis, never overflowing', () => {
    const box = { width: 100, height: 40 };
    const fitted = fitText('word '.repeat(500), box, mono);
    expect(fitted.truncated).toBe(true);
    expect(fitted.fontSize).toBe(TEXT_SIZES.min);
    expect(fitted.lines.at(-1)?.endsWith('…')).toBe(true);
    expect(fitted.lines.length * fitted.lineHeight).toBeLessThanOrEqual(box.height);
    for (const line of fitted.lines) expect(mono(line, fitted.fontSize)).toBeLessThanOrEqual(box.width);
  });

  it('a word of 10,000 characters is broken into lines by measuring about a line at a time', () => {
    let measured = 0;
    const counting = (text: string, size: number) => {
      measured += text.length;
      return mono(text, size);
    };
    const box = { width: 156, height: 96 };
    const fitted = fitText('W'.repeat(10_000), box, counting);
    expect(fitted.truncated).toBe(true);
    for (const line of fitted.lines) expect(mono(line, fitted.fontSize)).toBeLessThanOrEqual(box.width);
    // One look at the whole word per size tried, and lines' worth of prefixes: not the 10,000
    // characters again for every line and every step of every search.
    expect(measured).toBeLessThan(1_000_000);
  });

  it('lays out nothing for blank text', () => {
    expect(fitText('  \n ', { width: 100, height: 100 }, mono).lines).toEqual([]);
  });
});
