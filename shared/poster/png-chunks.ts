/**
 * The PNG container pieces shared by the poster encoder and the embedded-map reader: chunk
 * framing with its CRC, and the iTXt keyword that marks a Journeywall map.
 */
import CRC32 from 'crc-32';
import { FILE_MIME_TYPE } from '../format/envelope.ts';
import { CHUNK_CRC, CHUNK_HEADER } from './png-walk.ts';

/**
 * The iTXt keyword under which a poster carries its map: the .cxmap MIME type, the way
 * Excalidraw marks its scenes (36 Latin-1 characters; keywords may have 79).
 */
export const MAP_KEYWORD = FILE_MIME_TYPE;

/** Chunk type, length and CRC fields: the bytes a chunk takes besides its data. */
const CHUNK_OVERHEAD = CHUNK_HEADER + CHUNK_CRC;

/** PNG limits chunk data and image dimensions to 2^31 - 1. */
export const PNG_MAX_INT = 0x7fffffff;

const chunkTypeBytes = (type: string): Uint8Array => {
  if (!/^[A-Za-z]{4}$/.test(type)) throw new Error(`Invalid PNG chunk type "${type}"`);
  return Uint8Array.from(type, (char) => char.charCodeAt(0));
};

/** The CRC-32 over a chunk's type and data, as PNG stores it (unsigned). */
export const chunkCrc = (type: Uint8Array, data: Uint8Array): number =>
  CRC32.buf(data, CRC32.buf(type)) >>> 0;

/** One complete chunk: length, type, data, CRC. */
export const encodeChunk = (type: string, data: Uint8Array): Uint8Array => {
  if (data.length > PNG_MAX_INT) throw new Error(`PNG chunk ${type} is too large`);
  const typeBytes = chunkTypeBytes(type);
  const chunk = new Uint8Array(CHUNK_OVERHEAD + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(typeBytes, 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, chunkCrc(typeBytes, data));
  return chunk;
};

/**
 * PNG keywords are 1–79 printable Latin-1 characters (32–126, 161–255) with no leading,
 * trailing or doubled spaces (PNG specification, section 11.3.4.2).
 */
export const isValidKeyword = (keyword: string): boolean =>
  keyword.length >= 1 &&
  keyword.length <= 79 &&
  /^[\x20-\x7e\xa1-\xff]+$/.test(keyword) &&
  !keyword.startsWith(' ') &&
  !keyword.endsWith(' ') &&
  !keyword.includes('  ');

export const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
