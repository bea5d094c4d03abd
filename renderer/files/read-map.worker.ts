/**
 * Reads a map file away from the window's thread: parsing and checking a big or hostile file
 * takes up to seconds, during which the board would not move (see read-map-off-thread.ts).
 */
// First, as in the window: a worker has its own zod, configured before any schema is built.
import '../../shared/format/zod-jitless.ts';
import { readMapFile } from './map-file.ts';

self.onmessage = (event: MessageEvent<{ id: number; bytes: Uint8Array }>) => {
  self.postMessage({ id: event.data.id, result: readMapFile(event.data.bytes) });
};
