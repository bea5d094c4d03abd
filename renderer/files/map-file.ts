import { APP_VERSION } from '../../shared/app-info.ts';
import { parse } from '../../shared/format/parse.ts';
import { serialize } from '../../shared/format/serialize.ts';
import { safeMapFileName } from '../../shared/ipc/file-name.ts';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { embeddedMapRefused, readEmbeddedMap } from '../../shared/poster/png-embed.ts';
import { startsWithPngSignature } from '../../shared/poster/png-walk.ts';

/** A map file's text, as Save writes it. */
export const toMapFile = (doc: JourneyDocument, savedAt: number = Date.now()): string =>
  serialize(doc, { appVersion: APP_VERSION, savedAt });

export type ReadMapFile =
  | { readonly ok: true; readonly document: JourneyDocument; readonly repairs: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Reads an untrusted file: a .cxmap, or a poster PNG with its map inside. Never throws; the
 * message says in plain words why a file cannot be opened.
 */
export const readMapFile = (bytes: Uint8Array): ReadMapFile => {
  const poster = startsWithPngSignature(bytes);
  let text: string | Uint8Array = bytes;
  if (poster) {
    const embedded = readEmbeddedMap(bytes);
    if (!embedded.ok) return { ok: false, message: embedded.error };
    text = embedded.text;
  }
  const parsed = parse(text);
  if (!parsed.ok)
    return { ok: false, message: poster ? embeddedMapRefused(parsed.error) : parsed.error.message };
  return { ok: true, document: parsed.document, repairs: parsed.repairs };
};

/** "Home printer toner: current" → "Home printer toner current.cxmap". */
export const suggestedFileName = (doc: JourneyDocument): string =>
  safeMapFileName(mapRecordOf(doc).name.trim() || 'Journeywall map');
