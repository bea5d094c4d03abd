import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { APP_NAME, APP_VERSION } from './app-info.ts';

it('names the version package.json releases, so files say which version wrote them', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
    productName: string;
  };
  expect(APP_VERSION).toBe(pkg.version);
  expect(APP_NAME).toBe(pkg.productName);
});
