/**
 * The compressor behind the poster encoder: bytes in, a zlib stream (RFC 1950, what PNG's IDAT
 * holds) out through `onData`. Two engines:
 * - `native`: the platform's CompressionStream('deflate') (zlib in C++ in Chromium, Electron and
 *   Node), about four times faster than fflate on poster rows, at zlib's default level. The app
 *   exports with it.
 * - `fflate`: pure JavaScript, synchronous, any level 0–9, for a platform without
 *   CompressionStream.
 */
import { Zlib } from 'fflate';

export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export type ZlibEngine = 'fflate' | 'native';

export interface ZlibSink {
  /** `data` is only valid during the call; a sink that keeps it copies it. */
  write(data: Uint8Array): Promise<void> | undefined;
  end(): Promise<void> | undefined;
  /** Stops early, dropping pending output. */
  abort(): void;
}

export const createZlibSink = (
  engine: ZlibEngine,
  level: DeflateLevel,
  onData: (bytes: Uint8Array) => void,
): ZlibSink => (engine === 'native' ? nativeSink(onData) : fflateSink(level, onData));

const fflateSink = (level: DeflateLevel, onData: (bytes: Uint8Array) => void): ZlibSink => {
  let aborted = false;
  const zlib = new Zlib({ level }, (data) => {
    if (!aborted) onData(data);
  });
  return {
    write(data) {
      zlib.push(data);
      return undefined;
    },
    end() {
      zlib.push(new Uint8Array(0), true);
      return undefined;
    },
    abort() {
      aborted = true;
    },
  };
};

/** Batches (64 KiB each) handed to the native compressor and not yet taken. */
const MAX_IN_FLIGHT = 4;

const nativeSink = (onData: (bytes: Uint8Array) => void): ZlibSink => {
  if (typeof CompressionStream === 'undefined') {
    throw new Error('This platform has no CompressionStream; use the fflate engine');
  }
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const inFlight: Promise<void>[] = [];
  let aborted = false;
  const drained = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || aborted) return;
      onData(value);
    }
  })();
  // An abort rejects the pending read; the caller has already given up on this image.
  drained.catch(() => undefined);
  return {
    async write(data) {
      // Backpressure by counting writes in flight, not by `ready`: Node's CompressionStream
      // reports ready at once and would queue the whole image. A few in flight let filtering
      // here overlap with compression on the platform's thread.
      const written = writer.write(data.slice());
      // Marked handled: after an abort nobody awaits it; otherwise `end` or a later write does.
      written.catch(() => undefined);
      inFlight.push(written);
      if (inFlight.length > MAX_IN_FLIGHT) await inFlight.shift();
    },
    async end() {
      await Promise.all(inFlight.splice(0));
      await writer.close();
      await drained;
    },
    abort() {
      aborted = true;
      writer.abort().catch(() => undefined);
    },
  };
};
