import { describe, expect, it } from 'vitest';
import { IPC_LIMITS } from './contract.ts';
import {
  FILE_NAME_BYTES,
  hasExtension,
  MAP_EXTENSION,
  safeFileName,
  safeFileStem,
  safeMapFileName,
  withoutBidiControls,
} from './file-name.ts';

const utf8 = (text: string): number => new TextEncoder().encode(text).length;

describe('safeMapFileName', () => {
  it.each([
    ['Checkout journey', 'Checkout journey.cxmap'],
    ['Checkout journey.cxmap', 'Checkout journey.cxmap'],
    ['Onboarding.CXMAP', 'Onboarding.cxmap'],
    ['Toner 2024', 'Toner 2024.cxmap'],
    ['Kündigung – B2B ✓', 'Kündigung – B2B ✓.cxmap'],
  ])('keeps the title %j readable as %j', (title, expected) => {
    expect(safeMapFileName(title)).toBe(expected);
  });

  it.each([
    ['../../etc/passwd', 'etc passwd.cxmap'],
    ['C:\\Windows\\system32', 'C Windows system32.cxmap'],
    ['/absolute/path', 'absolute path.cxmap'],
    ['line\nbreak\ttab\0nul', 'line break tab nul.cxmap'],
    ['what? "this" <is> a|b*c', 'what this is a b c.cxmap'],
    ['.hidden', 'hidden.cxmap'],
    ['..', 'Untitled map.cxmap'],
    ['trailing dots...  ', 'trailing dots.cxmap'],
    ['', 'Untitled map.cxmap'],
    ['   ', 'Untitled map.cxmap'],
    ['CON', 'CON map.cxmap'],
    ['lpt1', 'lpt1 map.cxmap'],
  ])('makes %j safe as %j', (title, expected) => {
    expect(safeMapFileName(title)).toBe(expected);
  });

  it('shortens a long name to fit, counting UTF-8 bytes, without splitting a character', () => {
    const long = safeMapFileName('😀'.repeat(400));
    expect(utf8(long)).toBeLessThanOrEqual(FILE_NAME_BYTES);
    expect(long.endsWith('😀.cxmap')).toBe(true);
    expect(utf8(safeMapFileName('トナー'.repeat(200)))).toBeLessThanOrEqual(FILE_NAME_BYTES);
    expect(safeMapFileName('a'.repeat(1000)).length).toBe(FILE_NAME_BYTES);
  });

  it('leaves room for the temp file an atomic write puts beside it', () => {
    const temp = `.${safeMapFileName('😀'.repeat(400))}.0123456789ab.tmp`;
    expect(utf8(temp)).toBeLessThanOrEqual(IPC_LIMITS.fileNameLength);
  });

  it('recognises the map extension in any case', () => {
    expect(hasExtension('a.cxmap', MAP_EXTENSION)).toBe(true);
    expect(hasExtension('a.CxMap', MAP_EXTENSION)).toBe(true);
    expect(hasExtension('a.cxmap.png', MAP_EXTENSION)).toBe(false);
  });
});

describe('safeFileName', () => {
  it('applies the same rules with another extension, added once', () => {
    expect(safeFileName('Toner: poster A1', '.png')).toBe('Toner poster A1.png');
    expect(safeFileName('Toner poster.PNG', '.png')).toBe('Toner poster.png');
    expect(safeFileName('../pages', '.pdf')).toBe('pages.pdf');
    expect(safeFileName('x'.repeat(400), '.png').length).toBe(FILE_NAME_BYTES);
  });
});

describe('bidi controls in proposed names', () => {
  const CONTROLS = [
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200e',
    '\u200f',
    '\u061c',
  ];

  it('are removed, so a right-to-left override cannot disguise the extension', () => {
    expect(safeMapFileName('Invoice \u202Efdp')).toBe('Invoice fdp.cxmap');
    expect(safeFileName('Invoice \u202Efdp.exe', '.png')).toBe('Invoice fdp.exe.png');
    expect(safeFileName('Gaps\u2067.csv', '.csv')).toBe('Gaps.csv');
  });

  it('are removed whichever one it is, and a name of nothing else falls back', () => {
    for (const control of CONTROLS) {
      expect(safeMapFileName(`a${control}b`)).toBe('ab.cxmap');
      expect(withoutBidiControls(`a${control}b`)).toBe('ab');
    }
    expect(safeMapFileName(CONTROLS.join(''))).toBe('Untitled map.cxmap');
  });

  it('leave right-to-left letters alone', () => {
    expect(safeMapFileName('رحلة العميل')).toBe('رحلة العميل.cxmap');
  });
});

describe('safeFileStem', () => {
  it('puts one space where a colon or other refused character was', () => {
    expect(safeFileStem('Toner: home printer')).toBe('Toner home printer');
    expect(safeFileStem('A / B')).toBe('A B');
    expect(safeFileStem('...')).toBe('');
  });
});
