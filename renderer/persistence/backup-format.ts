import { z } from 'zod';
import { IPC_LIMITS } from '../../shared/ipc/contract.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import { NOTE_COLORS } from '../../shared/model/records.ts';

/**
 * The preliminary format of the rolling file backup: the document as JSON in a small envelope.
 * The .cxmap format replaces it; until then `version` numbers this envelope alone.
 */
export const BACKUP_FORMAT = 'journeywall-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  readonly savedAt: number;
  readonly document: JourneyDocument;
}

export type ParsedBackup =
  | { readonly ok: true; readonly backup: Backup }
  | { readonly ok: false; readonly error: string };

export const serializeBackup = (document: JourneyDocument, savedAt: number = Date.now()): string =>
  JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, savedAt, document });

const id = z
  .string()
  .regex(IPC_LIMITS.mapIdPattern, 'is not a valid id')
  .refine((value) => value !== '__proto__', 'is not a valid id');

const bookkeeping = {
  id,
  version: z.number().int().min(1),
  versionNonce: z.number().int(),
  updated: z.number(),
  isDeleted: z.boolean(),
};

const mapRecord = z.object({ ...bookkeeping, type: z.literal('map'), name: z.string(), created: z.number() });

const noteRecord = z.object({
  ...bookkeeping,
  type: z.literal('note'),
  x: z.number(),
  y: z.number(),
  w: z.number().positive(),
  h: z.number().positive(),
  text: z.string(),
  color: z.enum(NOTE_COLORS),
  z: z.number(),
});

const envelope = z.object({
  savedAt: z.number(),
  document: z.object({
    id,
    records: z.record(id, z.discriminatedUnion('type', [mapRecord, noteRecord])),
  }),
});

const NOT_A_BACKUP = 'This is not a Journeywall backup.';

/** Reads a backup; never throws, and names what is wrong in words a facilitator understands. */
export const parseBackup = (text: unknown): ParsedBackup => {
  if (typeof text !== 'string') return fail(NOT_A_BACKUP);
  if (text.length > IPC_LIMITS.backupBytes) return fail('This backup is too large to open.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(NOT_A_BACKUP);
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) return fail(NOT_A_BACKUP);
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    return fail('This backup is damaged: its version is missing.');
  }
  if (data.version > BACKUP_VERSION) {
    return fail('This backup was made by a newer version of Journeywall. Update Journeywall to restore it.');
  }
  // JSON.parse keeps "__proto__" as an own key, which copying into a new object would turn into a prototype.
  const records = isObject(data.document) ? data.document.records : undefined;
  if (isObject(records) && Object.hasOwn(records, '__proto__')) {
    return fail('This backup is damaged: it has a record with a forbidden id.');
  }
  const parsed = envelope.safeParse(data);
  if (!parsed.success) return fail(`This backup is damaged: ${describeIssue(parsed.error.issues[0])}.`);
  const { document, savedAt } = parsed.data;
  for (const [key, record] of Object.entries(document.records)) {
    if (record.id !== key) return fail(`This backup is damaged: record ${key} is filed under the wrong id.`);
  }
  if (document.records[document.id]?.type !== 'map')
    return fail('This backup is damaged: it has no map record.');
  return { ok: true, backup: { savedAt, document } };
};

const fail = (error: string): ParsedBackup => ({ ok: false, error });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describeIssue = (issue: z.core.$ZodIssue | undefined): string => {
  if (!issue) return 'unknown problem';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the backup';
  return `${where} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
};
