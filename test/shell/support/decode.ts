/**
 * Reading what the app wrote, with our own code rather than the app's readers: a .cxmap is JSON
 * (an envelope, the map record, notes grouped by place); a poster is a PNG whose iTXt chunk holds
 * the map, zlib-compressed. If the app's writer and reader agreed on a mistake, these would not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

export interface MapFile {
  readonly type: string;
  readonly formatVersion: number;
  readonly name: string;
  readonly noteTexts: string[];
}

interface MapJson {
  type: string;
  formatVersion: number;
  map: { name: string };
  notes?: { notes: { text?: string; isDeleted?: boolean }[] }[];
}

export function parseMap(text: string): MapFile {
  const json = JSON.parse(text) as MapJson;
  return {
    type: json.type,
    formatVersion: json.formatVersion,
    name: json.map.name,
    noteTexts: (json.notes ?? []).flatMap((group) =>
      group.notes.filter((note) => !note.isDeleted).map((note) => note.text ?? ''),
    ),
  };
}

export const readMap = (file: string): MapFile => parseMap(readFileSync(file, 'utf8'));

/** Files the atomic writes leave behind when cut short: hidden, ending in .tmp. */
export const tempFilesIn = (folder: string): string[] =>
  readdirSync(folder).filter((name) => name.startsWith('.') && name.endsWith('.tmp'));

export interface Chunk {
  readonly type: string;
  readonly data: Buffer;
}

export function pngChunks(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  for (let at = 8; at + 12 <= png.length; at += 12 + png.readUInt32BE(at)) {
    const length = png.readUInt32BE(at);
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    });
  }
  return chunks;
}

export interface Poster {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly chunkTypes: string[];
  /** The map text of the iTXt chunk with this keyword, inflated. */
  embedded(keyword: string): string | null;
}

export function readPoster(file: string): Poster {
  const bytes = readFileSync(file);
  const image = PNG.sync.read(bytes, { checkCRC: true });
  const chunks = pngChunks(bytes);
  const phys = chunks.find((chunk) => chunk.type === 'pHYs');
  return {
    width: image.width,
    height: image.height,
    dpi: phys ? phys.data.readUInt32BE(0) * 0.0254 : 0,
    chunkTypes: chunks.map((chunk) => chunk.type),
    embedded(keyword) {
      for (const { type, data } of chunks) {
        if (type !== 'iTXt') continue;
        const keywordEnd = data.indexOf(0);
        if (data.toString('latin1', 0, keywordEnd) !== keyword) continue;
        const compressed = data[keywordEnd + 1] === 1;
        const languageEnd = data.indexOf(0, keywordEnd + 3);
        const translatedEnd = data.indexOf(0, languageEnd + 1);
        const text = data.subarray(translatedEnd + 1);
        return (compressed ? inflateSync(text) : text).toString('utf8');
      }
      return null;
    },
  };
}

/** The newest backup of each map in userData/backups, read as a map file. */
export function newestBackups(userData: string): { mapId: string; file: string; map: MapFile }[] {
  const root = path.join(userData, 'backups');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((mapId) => {
    const backups = readdirSync(path.join(root, mapId))
      .filter((name) => name.endsWith('.backup'))
      .sort();
    const newest = backups.at(-1);
    if (!newest) return [];
    const file = path.join(root, mapId, newest);
    return [{ mapId, file, map: readMap(file) }];
  });
}
