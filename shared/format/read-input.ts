import { FILE_LIMITS } from '../model/limits.ts';
import { looksLikeMap } from './looks-like-map.ts';
import { damaged, notAMap, type ParseError, tooManyBytes } from './messages.ts';

export type InputText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: ParseError };

const BOM = '\uFEFF';

/**
 * The file's text, refusing anything over the byte limit before decoding or copying it. A map
 * is UTF-8 text.
 */
export const readInput = (input: string | Uint8Array): InputText => {
  const limit = FILE_LIMITS.maxBytes;
  if (typeof input === 'string') {
    const bytes = utf8Length(input, limit);
    if (bytes > limit) return { ok: false, error: tooManyBytes(bytes, limit) };
    return { ok: true, text: input.startsWith(BOM) ? input.slice(1) : input };
  }
  if (input.byteLength > limit) return { ok: false, error: tooManyBytes(input.byteLength, limit) };
  try {
    // The decoder drops a leading byte-order mark; `fatal` refuses malformed UTF-8.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
  } catch {
    const head = new TextDecoder('utf-8').decode(input.subarray(0, 2048));
    return { ok: false, error: looksLikeMap(head) ? damaged('parts of it are not text') : notAMap() };
  }
};

/**
 * UTF-8 length of a string, exact only when it matters: each UTF-16 unit takes 1 to 3 bytes, so
 * a string of more units than the limit is over it and one of a third of the limit is under it.
 */
const utf8Length = (text: string, limit: number): number => {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each of its units.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
};
