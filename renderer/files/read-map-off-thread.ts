import { type ReadMapFile, readMapFile } from './map-file.ts';

/**
 * Reads an untrusted map file (see readMapFile) in a worker, so however long a file takes to
 * check, the window keeps drawing and answering. Where no worker can start (a page without
 * Worker, or one a policy forbids) it reads on this thread, as before: slower, never wrong.
 */
export const readMapFileOffThread = (bytes: Uint8Array): Promise<ReadMapFile> => {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./read-map.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(readMapFile(bytes));
  }
  return new Promise<ReadMapFile>((resolve) => {
    const done = (result: ReadMapFile) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<ReadMapFile>) => done(event.data);
    // A worker that fails to load or dies: the file is still read, here.
    worker.onerror = (event) => {
      event.preventDefault();
      done(readMapFile(bytes));
    };
    worker.postMessage(bytes);
  });
};
