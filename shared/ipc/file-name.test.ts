import { describe, expect, it } from 'vitest';
import { IPC_LIMITS } from './contract.ts';
import { hasMapExtension, safeFileName, safeMapFileName } from './file-name.ts';

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

  it('keeps the whole name within the file-name limit, without splitting a character', () => {
    const long = safeMapFileName('😀'.repeat(400));
    expect(long.length).toBeLessThanOrEqual(IPC_LIMITS.fileNameLength);
    expect(long.endsWith('😀.cxmap')).toBe(true);
    expect(safeMapFileName('a'.repeat(1000)).length).toBe(IPC_LIMITS.fileNameLength);
  });

  it('recognises the map extension in any case', () => {
    expect(hasMapExtension('a.cxmap')).toBe(true);
    expect(hasMapExtension('a.CxMap')).toBe(true);
    expect(hasMapExtension('a.cxmap.png')).toBe(false);
  });
});

describe('safeFileName', () => {
  it('applies the same rules with another extension, added once', () => {
    expect(safeFileName('Toner: poster A1', '.png')).toBe('Toner poster A1.png');
    expect(safeFileName('Toner poster.PNG', '.png')).toBe('Toner poster.png');
    expect(safeFileName('../pages', '.pdf')).toBe('pages.pdf');
    expect(safeFileName('x'.repeat(400), '.png').length).toBe(IPC_LIMITS.fileNameLength);
  });
});
