/**
 * The stand-in main process: a child of the harness that runs the bundled main (dist-electron/
 * main.cjs) as Electron would, with `require('electron')` answered by the stand-in. It behaves
 * like Electron's main process where that matters to the app: process.argv starts with the
 * executable, process.exit is app.exit, an uncaught exception shows Electron's error box and the
 * app keeps running, and an unhandled rejection only warns (the child runs with
 * --unhandled-rejections=warn).
 */
import { readFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileFunction } from 'node:vm';
import type { MainOptions, SlowRename } from '../protocol.ts';
import { EXECUTABLE } from '../stand-in/app.ts';
import { createElectron } from '../stand-in/electron.ts';
import { createLink } from '../stand-in/link.ts';
import { createEvent } from '../stand-in/runtime.ts';
import { withSlowRename } from './slow-rename.ts';

const options = JSON.parse(process.env.JOURNEYWALL_SHELL_MAIN ?? 'null') as MainOptions;
delete process.env.JOURNEYWALL_SHELL_MAIN;
const realExit = process.exit.bind(process);

process.argv = [EXECUTABLE, ...options.argv];
process.chdir(options.cwd);
Object.defineProperty(process, 'platform', { value: options.platform });

const link = createLink(process);
const { electron, app } = createElectron(link, options, async (code) => {
  await link.drain();
  realExit(code);
});

process.exit = ((code?: number) => app.exit(code ?? 0)) as typeof process.exit;
process.on('uncaughtException', (error) => {
  if (process.listenerCount('uncaughtException') > 1) return;
  const stack = error.stack ?? `${error.name}: ${error.message}`;
  (electron.dialog as { showErrorBox(title: string, content: string): void }).showErrorBox(
    'A JavaScript error occurred in the main process',
    `Uncaught Exception:\n${stack}`,
  );
});

let slowRename: SlowRename | null = null;
link.onMessage((message) => {
  if (message.kind === 'slow-rename') slowRename = message.fault;
});
const fs = withSlowRename(
  fsPromises,
  () => slowRename,
  (target) => link.send({ kind: 'fault-holding', path: target }),
);

// Electron finishes launching after the main script ran; macOS may hand over files before that.
setImmediate(() => {
  for (const file of options.openFilesBeforeReady) app.emit('open-file', createEvent(), file);
  app.emitReady();
});

const entry = path.resolve(options.entry);
const nodeRequire = createRequire(entry);
const mainRequire = Object.assign(
  (id: string): unknown => {
    if (id === 'electron') return electron;
    if (id === 'node:fs/promises' || id === 'fs/promises') return fs;
    return nodeRequire(id);
  },
  { resolve: nodeRequire.resolve, cache: nodeRequire.cache },
);
const mainModule = { exports: {}, filename: entry, id: '.', loaded: false };
const run = compileFunction(
  readFileSync(entry, 'utf8'),
  ['exports', 'require', 'module', '__filename', '__dirname'],
  {
    filename: entry,
  },
);
run.call(mainModule.exports, mainModule.exports, mainRequire, mainModule, entry, path.dirname(entry));
mainModule.loaded = true;
