import { describe, expect, it } from 'vitest';
import { readErrorMessage, writeErrorMessage } from './file-errors.ts';

const fsError = (code: string): Error => Object.assign(new Error(`${code}: something`), { code });

describe('file error messages', () => {
  it.each([
    ['ENOSPC', 'The disk is full: the map was not saved to toner.cxmap. Your work is safe in Journeywall.'],
    ['EDQUOT', 'The disk is full: the map was not saved to toner.cxmap. Your work is safe in Journeywall.'],
    [
      'EACCES',
      'Journeywall is not allowed to write toner.cxmap: the map was not saved. Your work is safe in Journeywall. Use Save As… to save it somewhere else.',
    ],
    [
      'EROFS',
      'toner.cxmap is on a disk that cannot be written to: the map was not saved. Your work is safe in Journeywall. Use Save As… to save it somewhere else.',
    ],
    [
      'ENOENT',
      'The folder of toner.cxmap no longer exists: the map was not saved. Your work is safe in Journeywall. Use Save As… to save it somewhere else.',
    ],
    [
      'EBUSY',
      'toner.cxmap is in use by another program: the map was not saved. Your work is safe in Journeywall. Close it there and save again.',
    ],
    ['EIO', 'The map could not be saved to toner.cxmap (EIO). Your work is safe in Journeywall.'],
  ])('explains a failed save with %s', (code, message) => {
    expect(writeErrorMessage(fsError(code), 'toner.cxmap')).toBe(message);
  });

  it('names the cause of an error without a code', () => {
    expect(writeErrorMessage(new Error('odd failure'), 'a.cxmap')).toBe(
      'The map could not be saved to a.cxmap (odd failure). Your work is safe in Journeywall.',
    );
  });

  it.each([
    ['ENOENT', 'toner.cxmap was not found. It may have been moved, renamed or deleted.'],
    ['EACCES', 'Journeywall is not allowed to read toner.cxmap. Check the file’s permissions.'],
    ['EPERM', 'Journeywall is not allowed to read toner.cxmap. Check the file’s permissions.'],
    ['EISDIR', 'toner.cxmap is not a file that Journeywall can open.'],
    ['EIO', 'toner.cxmap could not be read (EIO).'],
  ])('explains a failed read with %s', (code, message) => {
    expect(readErrorMessage(fsError(code), 'toner.cxmap')).toBe(message);
  });
});
