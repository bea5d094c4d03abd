/**
 * Finds the Journeywall map inside a poster PNG. Walks the chunks by hand: the format is four
 * fields per chunk, and the one library for it (png-chunks-extract, unmaintained since 2016)
 * copies every chunk and throws on damage, where we want to skip the image data cheaply, check
 * the CRC of only the chunks we read, and always answer with a message. The map text is
 * inflated in small steps so a compression bomb is refused long before it fills memory, and its
 * Adler-32 is checked against the zlib trailer, which fflate does not do.
 */
import { Unzlib } from 'fflate';
import type { ParseError } from '../format/messages.ts';
import { adler32 } from './adler32.ts';
import { chunkCrc, MAP_KEYWORD } from './png-chunks.ts';
import { chunkAt, PNG_SIGNATURE, startsWithPngSignature } from './png-walk.ts';

export type EmbeddedMapResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: string };

/** Decompressed map text above this is refused: a 5,000-note map is about 1 MB. */
export const MAX_EMBEDDED_MAP_BYTES = 50 * 1024 * 1024;

export const EMBED_MESSAGES = {
  notPng: 'This file is not a PNG image.',
  noMap: 'This PNG has no Journeywall map inside.',
  damaged: (what: string) => `The map inside this poster is damaged: ${what}.`,
  tooLarge: `The map inside this poster is larger than ${MAX_EMBEDDED_MAP_BYTES / 1024 / 1024} MB, so Journeywall will not open it.`,
} as const;

/**
 * Why the map read out of a poster can't be opened, in the poster's words: the reader's own
 * messages speak of "this map file", which is the PNG the user chose and is not damaged.
 */
export const embeddedMapRefused = (error: ParseError): string => {
  switch (error.kind) {
    case 'damaged': {
      // The reader's damage messages read "This map file is damaged: <what>."
      const colon = error.message.indexOf(': ');
      return EMBED_MESSAGES.damaged(colon < 0 ? 'it could not be read' : error.message.slice(colon + 2, -1));
    }
    case 'not-a-map':
      return EMBED_MESSAGES.damaged('it is not a Journeywall map');
    case 'too-large':
      return error.message.replace(/^This file is/, 'The map inside this poster is');
    case 'newer-version':
      return error.message;
  }
};

/** Compressed bytes inflated per step: deflate expands at most about 1032:1, so a step yields ≤ 4 MB. */
const INFLATE_STEP = 4096;

const fail = (error: string): EmbeddedMapResult => ({ ok: false, error });

const CHECKSUM_CHANGED = 'its checksum does not match, so some bytes have changed';

const KEYWORD_BYTES = Uint8Array.from(MAP_KEYWORD, (char) => char.charCodeAt(0));
const ITXT = Uint8Array.from('iTXt', (char) => char.charCodeAt(0));

const startsWithKeyword = (data: Uint8Array): boolean =>
  data.length > KEYWORD_BYTES.length &&
  data[KEYWORD_BYTES.length] === 0 &&
  KEYWORD_BYTES.every((byte, i) => data[i] === byte);

export const readEmbeddedMap = (png: Uint8Array): EmbeddedMapResult => {
  try {
    return findMap(png);
  } catch {
    // Every failure above is a checked case; this only keeps the promise never to throw.
    return fail(EMBED_MESSAGES.damaged('it could not be read'));
  }
};

const findMap = (png: Uint8Array): EmbeddedMapResult => {
  if (!startsWithPngSignature(png)) return fail(EMBED_MESSAGES.notPng);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let chunk = chunkAt(png, PNG_SIGNATURE.length); chunk; chunk = chunkAt(png, chunk.next)) {
    const { type, dataStart, dataEnd } = chunk;
    if (type === 'iTXt') {
      // Only iTXt is decoded, so only its CRC matters: damage elsewhere leaves the map readable.
      if (chunk.next > png.length) {
        return startsWithKeyword(png.subarray(dataStart, png.length))
          ? fail(EMBED_MESSAGES.damaged('the file ends before the map does'))
          : fail(EMBED_MESSAGES.noMap);
      }
      const data = png.subarray(dataStart, dataEnd);
      if (startsWithKeyword(data)) {
        if (view.getUint32(dataEnd) !== chunkCrc(ITXT, data)) {
          return fail(EMBED_MESSAGES.damaged(CHECKSUM_CHANGED));
        }
        return decodeItxt(data.subarray(KEYWORD_BYTES.length + 1));
      }
    }
    if (type === 'IEND') break;
  }
  return fail(EMBED_MESSAGES.noMap);
};

/** After the keyword and its NUL: compression flag, method, language tag NUL, translated keyword NUL, text. */
const decodeItxt = (rest: Uint8Array): EmbeddedMapResult => {
  const compressed = rest[0];
  const method = rest[1];
  const languageEnd = rest.indexOf(0, 2);
  const translatedEnd = languageEnd < 0 ? -1 : rest.indexOf(0, languageEnd + 1);
  if ((compressed !== 0 && compressed !== 1) || method !== 0 || translatedEnd < 0) {
    return fail(EMBED_MESSAGES.damaged('its header is not valid'));
  }
  const body = rest.subarray(translatedEnd + 1);
  if (compressed === 0) {
    return body.length > MAX_EMBEDDED_MAP_BYTES ? fail(EMBED_MESSAGES.tooLarge) : utf8(body);
  }
  return inflateLimited(body);
};

const inflateLimited = (body: Uint8Array): EmbeddedMapResult => {
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  let checksum = 1;
  const inflater = new Unzlib((data, final) => {
    total += data.length;
    checksum = adler32(data, checksum);
    if (total <= MAX_EMBEDDED_MAP_BYTES) parts.push(data);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < body.length && !ended; at += INFLATE_STEP) {
      const end = Math.min(body.length, at + INFLATE_STEP);
      inflater.push(body.subarray(at, end), end === body.length);
      if (total > MAX_EMBEDDED_MAP_BYTES) return fail(EMBED_MESSAGES.tooLarge);
    }
  } catch {
    return fail(EMBED_MESSAGES.damaged('it could not be decompressed'));
  }
  if (!ended) return fail(EMBED_MESSAGES.damaged('its compressed data ends early'));
  // The stream's last four bytes are the Adler-32 of the text (RFC 1950); iTXt holds nothing after.
  const trailer =
    body.length < 4 ? -1 : new DataView(body.buffer, body.byteOffset + body.length - 4).getUint32(0);
  if (trailer !== checksum) return fail(EMBED_MESSAGES.damaged(CHECKSUM_CHANGED));
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return utf8(joined);
};

const utf8 = (bytes: Uint8Array): EmbeddedMapResult => {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail(EMBED_MESSAGES.damaged('its text is not valid UTF-8'));
  }
};
