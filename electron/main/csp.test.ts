import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it("limits everything to the app's own origin by default", () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('names no remote origin, host or wildcard anywhere', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|data:|blob:)$/);
      }
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('runs only scripts shipped with the app: no inline script, no eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('applies only the stylesheets shipped with the app: no injected <style> or style attribute', () => {
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('starts workers only from the app’s own files', () => {
    expect(policy.get('worker-src')).toEqual(["'self'"]);
  });

  it('is the policy the page itself declares, so the browser build runs under the same rules', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const declared = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    // frame-ancestors has no effect in a <meta> policy (browsers warn), so only the header sends it.
    const sent = new Map(policy);
    sent.delete('frame-ancestors');
    expect(directives(declared)).toEqual(sent);
  });

  it('allows no plugins, no <base>, no form posts and no framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets the app reach only itself over fetch and load only its own fonts', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });
});
