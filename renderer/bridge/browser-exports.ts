import {
  type BeginExportResult,
  type ExportKind,
  type FileError,
  IPC_LIMITS,
  type SavedExport,
} from '../../shared/ipc/contract.ts';
import { safeFileName } from '../../shared/ipc/file-name.ts';
import { downloadBlob } from './download.ts';

const TYPES: Record<ExportKind, { extension: string; type: string }> = {
  'poster-png': { extension: '.png', type: 'image/png' },
  'print-pdf': { extension: '.pdf', type: 'application/pdf' },
};

interface PendingDownload {
  readonly name: string;
  readonly type: string;
  readonly parts: Uint8Array[];
  bytes: number;
}

const UNKNOWN: FileError = { error: 'This export is no longer open. Export the poster again.' };

/**
 * Exports in the browser build: the pieces are kept as they come (a Blob made of them lets
 * Chromium page a large poster out to disk) and downloaded once the file is complete, so an
 * export that fails or is cancelled downloads nothing.
 */
export const createDownloadExports = () => {
  const pending = new Map<string, PendingDownload>();
  return {
    begin: async (kind: ExportKind, suggestedName: string): Promise<BeginExportResult> => {
      const token = crypto.randomUUID();
      const { extension, type } = TYPES[kind];
      const name = safeFileName(suggestedName, extension);
      pending.set(token, { name, type, parts: [], bytes: 0 });
      return { token, name };
    },
    write: async (token: string, bytes: Uint8Array): Promise<FileError | null> => {
      const download = pending.get(token);
      if (!download) return UNKNOWN;
      download.bytes += bytes.byteLength;
      if (download.bytes > IPC_LIMITS.exportBytes) {
        pending.delete(token);
        return { error: `${download.name} would be larger than 4 GB, so it was not saved.` };
      }
      download.parts.push(bytes);
      return null;
    },
    finish: async (token: string): Promise<SavedExport | FileError> => {
      const download = pending.get(token);
      if (!download) return UNKNOWN;
      pending.delete(token);
      downloadBlob(new Blob(download.parts as BlobPart[], { type: download.type }), download.name);
      return { name: download.name };
    },
    abort: async (token: string): Promise<void> => {
      pending.delete(token);
    },
  };
};
