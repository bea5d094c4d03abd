import type { SaveTextResult, TextExportKind } from '../../shared/ipc/contract.ts';
import { safeFileName } from '../../shared/ipc/file-name.ts';
import { downloadBlob } from './download.ts';

export const TEXT_FILE_TYPES: Record<TextExportKind, { extension: string; type: string }> = {
  csv: { extension: '.csv', type: 'text/csv' },
  markdown: { extension: '.md', type: 'text/markdown' },
};

/**
 * Saving text (the gap list) in the browser build: a download under the suggested name, made
 * safe like every name the app proposes and given the kind's extension.
 */
export const downloadText = async (
  kind: TextExportKind,
  suggestedName: string,
  text: string,
): Promise<SaveTextResult> => {
  const { extension, type } = TEXT_FILE_TYPES[kind];
  const name = safeFileName(suggestedName, extension);
  downloadBlob(new Blob([text], { type }), name);
  return { name };
};
