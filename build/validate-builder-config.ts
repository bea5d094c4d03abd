/**
 * Validates electron-builder.yml offline, without downloading Electron: packaging cannot run in
 * CI, but a typo in the config should still fail the build. It loads the config exactly as
 * electron-builder does (app-builder-lib's getConfig, which resolves `extends`) and checks it
 * against electron-builder's JSON schema (validateConfiguration), then checks what the schema
 * cannot: that the icons it names exist. Exits non-zero when anything is wrong.
 *
 * Usage, from the repository root: validate-builder-config.ts [config file]
 * (default electron-builder.yml). Plain type annotations only, so it runs both under
 * `node --experimental-strip-types` and from an esbuild transform.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'electron-builder';

interface DebugLoggerLike {
  readonly isEnabled: boolean;
}

interface BuilderConfigModule {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: Configuration | null,
  ): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: DebugLoggerLike): Promise<void>;
}

interface BuilderUtilModule {
  DebugLogger: new (isEnabled: boolean) => DebugLoggerLike;
}

const projectDir = process.cwd();

/** Resolves app-builder-lib through electron-builder, our declared dependency, as its CLI does. */
function loadBuilderModules(): { config: BuilderConfigModule; util: BuilderUtilModule } {
  const fromProject = createRequire(path.join(projectDir, 'package.json'));
  const fromBuilder = createRequire(fromProject.resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  return {
    config: fromBuilder('app-builder-lib/out/util/config/config') as BuilderConfigModule,
    util: fromLib('builder-util') as BuilderUtilModule,
  };
}

/** electron-builder looks for resources in the project folder and in buildResources. */
function findResource(file: string, buildResources: string): string | undefined {
  return [path.resolve(projectDir, file), path.resolve(projectDir, buildResources, file)].find(existsSync);
}

/** Icons are only read when packaging; a missing one would otherwise surface on release day. */
function missingIcons(config: Configuration): string[] {
  const buildResources = config.directories?.buildResources ?? 'build';
  const problems: string[] = [];
  for (const [platform, icon] of [
    ['linux', config.linux?.icon],
    ['win', config.win?.icon],
    ['mac', config.mac?.icon],
  ] as const) {
    const found = icon == null ? undefined : findResource(icon, buildResources);
    if (icon == null) {
      problems.push(`${platform}.icon is not set`);
    } else if (found === undefined) {
      problems.push(`${platform}.icon ${icon} does not exist`);
    } else if (
      statSync(found).isDirectory() &&
      !readdirSync(found).some((name) => /^\d+x\d+\.png$/.test(name))
    ) {
      problems.push(`${platform}.icon ${icon} holds no NxN.png icons`);
    }
  }
  return problems;
}

/** The deb target needs a homepage and a maintainer e-mail that the schema does not require. */
function debWarnings(config: Configuration): string[] {
  const metadata = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
    homepage?: string;
    repository?: unknown;
    author?: string | { email?: string };
  };
  const warnings: string[] = [];
  if (metadata.homepage == null && metadata.repository == null) {
    warnings.push('the deb target needs "homepage" (or "repository") in package.json');
  }
  const authorEmail =
    typeof metadata.author === 'string' ? /<.+@.+>/.test(metadata.author) : metadata.author?.email;
  if (config.linux?.maintainer == null && !authorEmail) {
    warnings.push('the deb target needs linux.maintainer, or an author e-mail in package.json');
  }
  return warnings;
}

async function main(): Promise<number> {
  const configFile = process.argv[2] ?? 'electron-builder.yml';
  if (!existsSync(path.resolve(projectDir, configFile))) {
    console.error(`electron-builder config not found: ${configFile}`);
    return 1;
  }
  const { config: builder, util } = loadBuilderModules();
  let config: Configuration;
  try {
    config = await builder.getConfig(projectDir, configFile, null);
    await builder.validateConfiguration(config, new util.DebugLogger(false));
  } catch (error) {
    console.error(`Invalid electron-builder configuration (${configFile}):\n${(error as Error).message}`);
    return 1;
  }
  const problems = missingIcons(config);
  for (const problem of problems) console.error(`Invalid electron-builder configuration: ${problem}`);
  for (const warning of debWarnings(config)) console.warn(`Warning: ${warning}`);
  if (problems.length > 0) return 1;
  console.log(`electron-builder configuration is valid (${configFile})`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
