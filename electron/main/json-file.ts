/**
 * A small JSON file in userData holding app state (file handles, recent files). Reads are
 * validated and fall back to nothing on any damage; writes are atomic and run one after another,
 * so the file always ends up holding the last value saved.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';

export interface JsonFile<T> {
  /** The stored value, or null when the file is missing, unreadable or not valid. */
  load(): Promise<T | null>;
  save(value: T): Promise<void>;
}

export function jsonFile<S extends z.ZodType>(file: string, schema: S): JsonFile<z.output<S>> {
  let writes: Promise<unknown> = Promise.resolve();
  return {
    async load() {
      try {
        const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save(value) {
      const write = writes.then(async () => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
      });
      writes = write.catch(() => undefined);
      return write;
    },
  };
}
