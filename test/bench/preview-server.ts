import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `vite preview` of the built renderer on its own port (4174, so it never meets the end-to-end
 * tests' server on 4173), started and stopped by the bench itself.
 */
export interface PreviewServer {
  readonly url: string;
  stop(): Promise<void>;
}

const viteCli = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');

export const startPreview = async (port = 4174, outDir?: string): Promise<PreviewServer> => {
  const args = [viteCli, 'preview', '--port', String(port), '--strictPort'];
  if (outDir) args.push('--outDir', outDir);
  const url = `http://localhost:${port}`;
  if (await answers(url)) throw new Error(`Something already answers on ${url}; the bench needs that port`);
  // Its own process group: the Vite CLI may run the server in a child process of its own.
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // The group has ended already.
    }
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`vite preview exited (${child.exitCode}); is port ${port} free?`);
    if (await answers(url)) break;
    if (Date.now() > deadline) {
      stopGroup();
      throw new Error(`vite preview did not answer on ${url}`);
    }
    await pause(200);
  }
  return {
    url,
    stop: async () => {
      stopGroup();
      await exited;
      const stopBy = Date.now() + 10_000;
      while ((await answers(url)) && Date.now() < stopBy) await pause(100);
    },
  };
};

const answers = (url: string): Promise<boolean> =>
  fetch(url).then(
    (response) => response.ok,
    () => false,
  );

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
