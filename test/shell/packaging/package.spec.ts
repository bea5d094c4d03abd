import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { expect, test } from '@playwright/test';
import { OUT, ROOT } from '../support/paths.ts';
import { FUSES, readFuses, writeStandInDist } from './stand-in-dist.ts';

/**
 * The package electron-builder makes (`--dir`: the unpacked app, as every installer holds it),
 * built offline with the stand-in Electron distribution, then read apart: what app.asar holds,
 * and which fuses the executable carries.
 */

const DIST = path.join(OUT, 'stand-in-electron');
const RELEASE = path.join(OUT, 'package');
const UNPACKED = path.join(RELEASE, 'linux-unpacked');
const ASAR = path.join(UNPACKED, 'resources', 'app.asar');

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
}

/** electron-builder.yml as electron-builder itself reads it (app-builder-lib's getConfig). */
async function builderConfig(): Promise<BuilderConfig> {
  const fromBuilder = createRequire(
    createRequire(path.join(ROOT, 'package.json')).resolve('electron-builder'),
  );
  const { getConfig } = fromBuilder('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
  };
  return getConfig(ROOT, null, null);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  const { version } = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  writeStandInDist(DIST, version);
  const run = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'electron-builder'),
    ['--dir', '--linux', '--x64', `-c.electronDist=${DIST}`, `-c.directories.output=${RELEASE}`],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`electron-builder --dir failed:\n${run.stdout}\n${run.stderr}`);
});

test("app.asar holds the renderer build, the room's phone page, both bundles and package.json, and nothing else", () => {
  const entries = listPackage(ASAR, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  expect(entries).toEqual(
    expect.arrayContaining([
      '/package.json',
      '/dist/index.html',
      '/dist/participant/index.html',
      '/dist-electron/main.cjs',
      '/dist-electron/preload.cjs',
    ]),
  );
  expect(entries.filter((entry) => !/^\/(dist|dist-electron)(\/|$)|^\/package\.json$/.test(entry))).toEqual(
    [],
  );
  expect(entries.filter((entry) => /\.(ts|tsx|map)$|node_modules|\/test\//.test(entry))).toEqual([]);

  // What runs is what was built and tested: the bundles and renderer files are the same bytes.
  for (const file of [
    'dist-electron/main.cjs',
    'dist-electron/preload.cjs',
    'dist/index.html',
    'dist/participant/index.html',
  ]) {
    expect(extractFile(ASAR, file).equals(readFileSync(path.join(ROOT, file))), file).toBe(true);
  }
  const packaged = JSON.parse(extractFile(ASAR, 'package.json').toString('utf8')) as Record<string, unknown>;
  expect(packaged).toMatchObject({
    name: 'journeywall',
    productName: 'Journeywall',
    main: 'dist-electron/main.cjs',
  });
  // Every asset index.html names is inside, where the app:// handler looks for it.
  const html = extractFile(ASAR, 'dist/index.html').toString('utf8');
  const assets = [...html.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+)"/g)].map(
    (match) => `/dist/${match[1]}`,
  );
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect(entries).toContain(asset);
});

test('the executable carries the fuses electron-builder.yml sets, and they close Node’s doors', async () => {
  const executable = readFileSync(path.join(UNPACKED, 'journeywall'));
  const fuses = readFuses(executable);
  const configured = (await builderConfig()).electronFuses ?? {};
  expect(Object.keys(configured).every((name) => FUSES.some(([fuse]) => fuse === name))).toBe(true);
  for (const [name, on] of Object.entries(configured)) expect(fuses[name], name).toBe(on ? '1' : '0');
  expect(fuses).toMatchObject({
    runAsNode: '0',
    enableNodeOptionsEnvironmentVariable: '0',
    enableNodeCliInspectArguments: '0',
    onlyLoadAppFromAsar: '1',
    enableEmbeddedAsarIntegrityValidation: '1',
    grantFileProtocolExtraPrivileges: '0',
    enableCookieEncryption: '1',
  });
});
