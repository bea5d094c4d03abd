import type { TextExportKind } from '../../shared/ipc/contract.ts';
import { appServices } from './services.ts';

/**
 * Saves an exported text (the gap list, vote results) through the bridge: a Save dialog and an
 * atomic write on the desktop, a download in a browser. Resolves to what to tell the user ('' when
 * the dialog was cancelled); `what` names the text in the sentence of a failure.
 */
export const saveText = async (
  kind: TextExportKind,
  suggestedName: string,
  text: string,
  what: string,
): Promise<string> => {
  try {
    const saved = await appServices().bridge.saveText(kind, suggestedName, text);
    if (saved === null) return '';
    return 'error' in saved ? saved.error : `Saved ${saved.name}.`;
  } catch (error) {
    return `${what} not saved (${error instanceof Error ? error.message : String(error)}).`;
  }
};
