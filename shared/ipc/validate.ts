/**
 * Runtime schemas for the arguments of the INVOKE channels (put together in invoke-contract.ts).
 * Main parses each call with these before running a handler: the renderer is treated as
 * untrusted input, like a file from disk.
 */
import { z } from 'zod';
import { CLIENT_ID_PATTERN } from '../room/protocol.ts';
import { EXPORT_KINDS, IPC_LIMITS, OPEN_PURPOSES, TEXT_EXPORT_KINDS } from './contract.ts';

const encoder = new TextEncoder();

/**
 * UTF-8 size check; strings short enough that even 3 bytes per code unit fit skip the encoding,
 * and strings with more code units than the limit has bytes fail without it.
 */
const fitsUtf8Bytes =
  (limit: number) =>
  (text: string): boolean => {
    if (text.length > limit) return false;
    if (text.length * 3 <= limit) return true;
    return encoder.encode(text).byteLength <= limit;
  };

export const mapIdSchema = z.string().regex(IPC_LIMITS.mapIdPattern, 'not a valid map id');

/** A phone's device id, as the room reported it. */
export const participantIdSchema = z.string().regex(CLIENT_ID_PATTERN, 'not a participant id');

/** An IPv4 address of the laptop (main checks it is one of its own before listening). */
export const roomAddressSchema = z.ipv4();

export const projectorIdSchema = z.string().regex(IPC_LIMITS.projectorIdPattern, 'not a valid projector id');

export const mapBackupSchema = z.strictObject({
  mapId: mapIdSchema,
  name: z.string().max(IPC_LIMITS.nameLength),
  content: z
    .string()
    .refine(fitsUtf8Bytes(IPC_LIMITS.backupBytes), `backup larger than ${IPC_LIMITS.backupBytes} bytes`),
});

/** Main mints flush tokens with crypto.randomUUID(); anything else is not an answer to a request. */
export const flushTokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'not a flush token');

export const openPurposeSchema = z.enum(OPEN_PURPOSES);

/** Main mints file handles with crypto.randomUUID(); the renderer can only hand them back. */
export const fileHandleSchema = z.uuid('not a file handle');

export const suggestedNameSchema = z.string().max(IPC_LIMITS.suggestedNameLength);

export const fileContentSchema = z
  .string()
  .refine(fitsUtf8Bytes(IPC_LIMITS.fileBytes), `map file larger than ${IPC_LIMITS.fileBytes} bytes`);

/** The longest path any platform allows (Windows with the \\?\ prefix). */
const MAX_PATH_LENGTH = 32_767;

/**
 * The path of a dropped file, which the preload read from the File itself with
 * webUtils.getPathForFile. Main opens it for reading only; saving the map goes through the Save
 * dialog, starting at that file (electron/main/file-service.ts).
 */
export const droppedPathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine((path) => !path.includes('\0'), 'path with a NUL character');

export const exportKindSchema = z.enum(EXPORT_KINDS);

/** Main mints export tokens with crypto.randomUUID(), like file handles. */
export const exportTokenSchema = z.uuid('not an export token');

/** Typed as any Uint8Array, as the instanceof check accepts; zod infers views of an ArrayBuffer only. */
export const exportBytesSchema: z.ZodType<Uint8Array, Uint8Array> = z
  .instanceof(Uint8Array)
  .refine(
    (bytes) => bytes.byteLength <= IPC_LIMITS.exportChunkBytes,
    `export write larger than ${IPC_LIMITS.exportChunkBytes} bytes`,
  );

export const textExportKindSchema = z.enum(TEXT_EXPORT_KINDS);

export const savedTextSchema = z
  .string()
  .refine(fitsUtf8Bytes(IPC_LIMITS.textBytes), `text larger than ${IPC_LIMITS.textBytes} bytes`);
