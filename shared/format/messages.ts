import { counted } from './records/repairs.ts';

/** Why a file could not be opened, in words a user understands. */
export type ParseErrorKind = 'not-a-map' | 'newer-version' | 'damaged' | 'too-large';

export interface ParseError {
  readonly kind: ParseErrorKind;
  readonly message: string;
}

export const notAMap = (): ParseError => ({
  kind: 'not-a-map',
  message: 'This file is not a Journeywall map.',
});

export const newerVersion = (formatVersion: number): ParseError => ({
  kind: 'newer-version',
  message: `This map was made with a newer version of Journeywall (format ${formatVersion}). Update Journeywall to open it.`,
});

/** `what` completes "This map file is damaged: …", e.g. "it ends too early". */
export const damaged = (what: string): ParseError => ({
  kind: 'damaged',
  message: `This map file is damaged: ${what}.`,
});

const MB = 1024 * 1024;

export const tooManyBytes = (bytes: number, limit: number): ParseError => ({
  kind: 'too-large',
  // Rounded up, so a file just over the limit does not read as being at it.
  message: `This file is too large to open (${(Math.ceil((bytes / MB) * 10) / 10).toFixed(1)} MB; the limit is ${limit / MB} MB).`,
});

export const tooManyRecords = (records: number, limit: number): ParseError => ({
  kind: 'too-large',
  message: `${TOO_LARGE} (${counted(records, 'record')}; the limit is ${limit.toLocaleString('en-US')}).`,
});

const TOO_LARGE = 'This map is too large to open';

/** `what` and `limit` complete "This map is too large to open (it has …; the limit is …)." */
export const overLimit = (what: string, limit: string): ParseError => ({
  kind: 'too-large',
  message: `${TOO_LARGE} (${what}; the limit is ${limit}).`,
});

/** Counted before a single score is read, so the count stops just past the limit. */
export const tooManyEmotions = (scenario: number, limit: number): ParseError =>
  overLimit(`scenario ${scenario} has more than ${limit} emotion scores`, `${limit} per scenario`);

/** Reported only if parse meets a case its checks missed; the tests assert it never appears. */
export const UNEXPECTED_FAILURE = 'it could not be read';
