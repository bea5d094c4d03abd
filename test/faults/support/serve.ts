/**
 * The fault suite's web server: builds the renderer into its own folder when the sources are
 * newer than that build (so it never rewrites `dist/` under another suite's server), then serves
 * it with `vite preview` on port 4175. Playwright starts it (webServer) and stops it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { APP_PORT, OUT, ROOT } from './paths.ts';

const outDir = join(OUT, 'dist');
const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json', 'package-lock.json'];

const newestSource = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, entry)));
  return newest;
};

const built = join(outDir, 'index.html');
const sourcesChanged = Math.max(...SOURCES.map((source) => newestSource(join(ROOT, source))));
if (!existsSync(built) || statSync(built).mtimeMs < sourcesChanged) {
  await build({
    root: join(ROOT, 'renderer'),
    configFile: join(ROOT, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true },
  });
} else {
  console.log(`faults: the renderer in ${outDir} is newer than its sources; not rebuilt`);
}

const server = await preview({
  root: join(ROOT, 'renderer'),
  configFile: join(ROOT, 'vite.config.ts'),
  build: { outDir },
  preview: { port: APP_PORT, strictPort: true },
});
server.printUrls();
