import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonFile } from './json-file.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-json-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const schema = z.object({ count: z.number() });

describe('jsonFile', () => {
  it('stores a value and loads it back, creating the folder', async () => {
    const file = jsonFile(path.join(dir, 'state', 'value.json'), schema);
    await file.save({ count: 3 });
    expect(await file.load()).toEqual({ count: 3 });
  });

  it('loads nothing from a missing, damaged or invalid file', async () => {
    const target = path.join(dir, 'value.json');
    const file = jsonFile(target, schema);
    expect(await file.load()).toBeNull();
    await writeFile(target, '{"count": ');
    expect(await file.load()).toBeNull();
    await writeFile(target, '{"count": "three"}');
    expect(await file.load()).toBeNull();
  });

  it('ends with the last value saved when saves overlap', async () => {
    const target = path.join(dir, 'value.json');
    const file = jsonFile(target, schema);
    await Promise.all(Array.from({ length: 20 }, (_, count) => file.save({ count })));
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ count: 19 });
    expect(await readdir(dir)).toEqual(['value.json']);
  });
});
