import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTS } from './paths.ts';

/**
 * What the suite found, written piece by piece while it runs (Playwright may restart its worker
 * after a failed test, so nothing is kept in memory) and merged into summary.json at the end.
 */

const writePart = (folder: string, name: string, value: unknown): void => {
  const directory = join(PARTS, folder);
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, `${name.replace(/[^\w.-]+/g, '-')}.json`),
    `${JSON.stringify(value, null, 2)}\n`,
  );
};

export const readParts = <T>(folder: string): T[] => {
  const directory = join(PARTS, folder);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as T);
};

/** A fact a test observed (which disk method ran, what error the page saw...), by topic. */
export const recordFact = (topic: string, facts: Record<string, unknown>): void => {
  const file = join(PARTS, 'facts', `${topic}.json`);
  const known = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writePart('facts', topic, { ...known, ...facts, topic });
};

/**
 * Runs `work` once per suite run, even when Playwright starts a new worker after a failed test
 * and runs the describe's beforeAll again: the result (or the error) is kept on disk.
 */
export const oncePerRun = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const file = join(PARTS, 'once', `${name}.json`);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { value?: T; error?: string };
    if (saved.error !== undefined) throw new Error(saved.error);
    return saved.value as T;
  }
  try {
    const value = await work();
    writePart('once', name, { value });
    return value;
  } catch (error) {
    writePart('once', name, {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    throw error;
  }
};
