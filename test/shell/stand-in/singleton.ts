/**
 * app.requestSingleInstanceLock across real processes, the way Chromium does it on Linux: a lock
 * file holding the owner's pid in userData, and a Unix socket in a temp folder (socket paths are
 * short) linked from userData. A second instance finds the lock, sends its command line over the
 * socket and gets `false`; the first emits 'second-instance'.
 */
import { mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SecondInstance {
  readonly argv: string[];
  readonly workingDirectory: string;
  readonly additionalData: unknown;
}

export interface SingleInstance {
  /** True for the owner of the lock; false after handing `message` to the owner. */
  request(message: SecondInstance, onSecondInstance: (second: SecondInstance) => void): boolean;
  release(): void;
  /** Settles once a message to the owner has been delivered (a second instance waits before exiting). */
  delivered(): Promise<void>;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export function createSingleInstance(userData: string): SingleInstance {
  const lockFile = path.join(userData, 'SingletonLock');
  const socketFile = path.join(userData, 'SingletonSocket');
  let server: Server | null = null;
  let socketFolder: string | null = null;
  let delivery: Promise<void> = Promise.resolve();

  const takeLock = (): boolean => {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (owner === process.pid) return true;
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) return false;
      // A crashed owner left its lock: take it over, as Chromium does.
      rmSync(lockFile, { force: true });
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return true;
    }
  };

  return {
    request(message, onSecondInstance) {
      if (takeLock()) {
        rmSync(socketFile, { force: true });
        socketFolder = mkdtempSync(path.join(tmpdir(), 'jw-singleton-'));
        const socketPath = path.join(socketFolder, 'socket');
        symlinkSync(socketPath, socketFile);
        server = createServer((socket) => {
          let text = '';
          socket.setEncoding('utf8');
          socket.on('data', (chunk) => {
            text += chunk;
          });
          socket.on('end', () => onSecondInstance(JSON.parse(text) as SecondInstance));
        });
        server.listen(socketPath);
        server.unref();
        return true;
      }
      delivery = new Promise((resolve) => {
        const socket = createConnection(readlinkSync(socketFile), () => socket.end(JSON.stringify(message)));
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
      return false;
    },
    release() {
      if (!server) return;
      server.close();
      server = null;
      for (const file of [lockFile, socketFile]) rmSync(file, { force: true });
      if (socketFolder) rmSync(socketFolder, { recursive: true, force: true });
    },
    delivered: () => delivery,
  };
}
