/**
 * Carries an export's bytes to the shell through the bridge. The encoder hands over many small
 * chunks synchronously; they are gathered into writes of a few MB (one IPC message each in the
 * desktop app) and sent when the exporter drains, which it awaits, so at most one batch is in
 * flight.
 */
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';

export class ExportWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportWriteError';
  }
}

export interface ExportSink {
  /** Keeps the bytes for the next write; the caller must not change them afterwards. */
  write(bytes: Uint8Array): void;
  /** Sends what has gathered once it reaches a batch. */
  drain(): Promise<void>;
  /** Sends everything left. */
  flush(): Promise<void>;
  readonly bytes: number;
}

export const EXPORT_BATCH_BYTES = 8 * 1024 * 1024;

export const createExportSink = (
  bridge: Pick<JourneywallBridge, 'writeExport'>,
  token: string,
  batchBytes = EXPORT_BATCH_BYTES,
): ExportSink => {
  let parts: Uint8Array[] = [];
  let gathered = 0;
  let total = 0;
  const send = async () => {
    if (gathered === 0) return;
    const joined = new Uint8Array(gathered);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    parts = [];
    gathered = 0;
    const failed = await bridge.writeExport(token, joined);
    if (failed) throw new ExportWriteError(failed.error);
  };
  return {
    write(bytes) {
      parts.push(bytes);
      gathered += bytes.length;
      total += bytes.length;
    },
    drain: () => (gathered >= batchBytes ? send() : Promise.resolve()),
    flush: send,
    get bytes() {
      return total;
    },
  };
};
