/**
 * The folders' arrows, read from the real import graph (esbuild resolves every import the way
 * the build does), checked against the layers the README's Architecture section lists: a folder
 * imports only folders listed below it, so no two folders import each other, even through a third.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const SOURCE_ROOTS = ['shared', 'renderer', 'electron'];
const isSource = (path: string) => /\.tsx?$/.test(path) && !/\.test\.tsx?$|\/test-support\//.test(path);

/** The folder a file belongs to: its first two path segments (`renderer/board`), or the root's name. */
const folderOf = (path: string): string => {
  const [root = '', folder] = path.split('/');
  return path.split('/').length > 2 ? `${root}/${folder}` : root;
};

const rootOf = (folder: string): string => folder.split('/')[0] ?? '';

interface Imports {
  /** Folder → folder it imports → one import that shows it. */
  readonly folders: Map<string, Map<string, string>>;
  /** Source file → packages it imports. */
  readonly packages: Map<string, Set<string>>;
}

const readImports = async (): Promise<Imports> => {
  const entryPoints = SOURCE_ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' }).map((file) => `${root}/${file}`),
  ).filter(isSource);
  const { metafile } = await build({
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'dist-architecture',
    packages: 'external',
    platform: 'neutral',
    format: 'esm',
    logLevel: 'silent',
    loader: { '.css': 'empty', '.woff2': 'empty' },
    plugins: [
      {
        // Vite's `?url` and `?worker` imports point at assets and workers, not at modules.
        name: 'vite-queries',
        setup: (builder) =>
          builder.onResolve({ filter: /\?/ }, (args) => ({ path: args.path, external: true })),
      },
    ],
  });
  const folders = new Map<string, Map<string, string>>();
  const packages = new Map<string, Set<string>>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.external) {
        if (!imported.path.startsWith('.'))
          packages.set(file, (packages.get(file) ?? new Set()).add(imported.path));
        continue;
      }
      const [from, to] = [folderOf(file), folderOf(imported.path)];
      if (from === to || !SOURCE_ROOTS.includes(rootOf(to))) continue;
      const targets = folders.get(from) ?? new Map<string, string>();
      if (!targets.has(to)) targets.set(to, `${file} imports ${imported.path}`);
      folders.set(from, targets);
    }
  }
  return { folders, packages };
};

/** The folders the README lists between its layer markers, top layer first. */
const readmeLayers = (): string[] => {
  const readme = readFileSync('README.md', 'utf8');
  const block = readme.split('<!-- layers:start -->')[1]?.split('<!-- layers:end -->')[0] ?? '';
  return [...block.matchAll(/^\s*[-*] `([a-z-]+(?:\/[a-z-]+)?)\/?`/gm)].map((match) => match[1] ?? '');
};

let imports: Imports;
beforeAll(async () => {
  imports = await readImports();
}, 60_000);

describe('architecture', () => {
  it('lists every source folder in the README layers, once', () => {
    const listed = readmeLayers();
    const actual = new Set(
      SOURCE_ROOTS.flatMap((root) =>
        readdirSync(root, { recursive: true, encoding: 'utf8' })
          .map((file) => `${root}/${file}`)
          .filter(isSource)
          .map(folderOf),
      ),
    );
    expect(new Set(listed).size).toBe(listed.length);
    expect([...actual].sort()).toEqual([...listed].sort());
  });

  it('has every folder import only folders listed below it in the README', () => {
    const layers = readmeLayers();
    const upward: string[] = [];
    for (const [from, targets] of imports.folders)
      for (const [to, example] of targets)
        if (layers.indexOf(to) <= layers.indexOf(from)) upward.push(`${from} → ${to}: ${example}`);
    expect(upward).toEqual([]);
  });

  it('keeps the renderer and the main process apart, and shared free of both', () => {
    const crossing: string[] = [];
    for (const [from, targets] of imports.folders)
      for (const [to, example] of targets) {
        if (rootOf(from) !== rootOf(to) && rootOf(to) !== 'shared') crossing.push(example);
      }
    expect(crossing).toEqual([]);
  });

  it('keeps shared/ plain TypeScript: no UI, storage or desktop library', () => {
    const forbidden = /^(react|react-dom|konva|react-konva|zustand|dexie|dexie-react-hooks|electron)(\/|$)/;
    const found = [...imports.packages]
      .filter(([file]) => file.startsWith('shared/'))
      .flatMap(([file, names]) =>
        [...names].filter((name) => forbidden.test(name)).map((name) => `${file}: ${name}`),
      );
    expect(found).toEqual([]);
  });
});
