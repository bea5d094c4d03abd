import { type ReadMapFile, readMapFile } from './map-file.ts';

/**
 * Below this size a file is read on the window's thread: that takes a few milliseconds, less
 * than handing it to a worker and back.
 */
const SMALL_FILE_BYTES = 256 * 1024;

interface Request {
  readonly bytes: Uint8Array;
  readonly resolve: (result: ReadMapFile) => void;
}

/**
 * A worker that reads map files, started on first use and kept (starting one costs a few hundred
 * ms). If it fails to load or dies, what it held is read on the window's thread and the next
 * read starts a new one.
 */
class MapFileWorker {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, Request>();

  read(bytes: Uint8Array): Promise<ReadMapFile> {
    return new Promise((resolve) => {
      const id = this.next++;
      this.pending.set(id, { bytes, resolve });
      this.started().postMessage({ id, bytes });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./read-map.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; result: ReadMapFile }>) => {
      this.pending.get(event.data.id)?.resolve(event.data.result);
      this.pending.delete(event.data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      this.worker = null;
      for (const [id, request] of this.pending) {
        this.pending.delete(id);
        request.resolve(readMapFile(request.bytes));
      }
    };
    this.worker = worker;
    return worker;
  }
}

const mapFileWorker = new MapFileWorker();

/**
 * Reads an untrusted map file (see readMapFile) in a worker, so however long a big or hostile
 * file takes to check, the window keeps drawing and answering. Where no worker can start (a
 * page without Worker, or one a policy forbids) it is read on this thread: slower, never wrong.
 */
export const readMapFileOffThread = async (bytes: Uint8Array): Promise<ReadMapFile> => {
  if (bytes.byteLength < SMALL_FILE_BYTES) return readMapFile(bytes);
  try {
    return await mapFileWorker.read(bytes);
  } catch {
    return readMapFile(bytes);
  }
};
