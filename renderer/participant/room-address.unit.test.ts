import { describe, expect, it } from 'vitest';
import { roomAddressOf } from './room-address.ts';
import { TOKEN } from './test-support.ts';

const at = (href: string) => roomAddressOf(new URL(href));

describe('the room address', () => {
  it('finds the socket beside the page, on the same host and port', () => {
    expect(at(`http://192.168.1.20:41234/j/${TOKEN}/`)).toEqual({
      token: TOKEN,
      socketUrl: `ws://192.168.1.20:41234/j/${TOKEN}/ws`,
    });
  });

  it('reads the join address without its slash or with the page file', () => {
    expect(at(`http://192.168.1.20:41234/j/${TOKEN}`)?.socketUrl).toBe(
      `ws://192.168.1.20:41234/j/${TOKEN}/ws`,
    );
    expect(at(`http://10.0.0.2/j/${TOKEN}/index.html?x=1#y`)?.socketUrl).toBe(`ws://10.0.0.2/j/${TOKEN}/ws`);
  });

  it('uses a secure socket on a secure page', () => {
    expect(at(`https://room.example/j/${TOKEN}/`)?.socketUrl).toBe(`wss://room.example/j/${TOKEN}/ws`);
  });

  it('is no room without a well-formed token', () => {
    expect(at('http://192.168.1.20:41234/')).toBeNull();
    expect(at('http://192.168.1.20:41234/j/short/')).toBeNull();
    expect(at(`http://192.168.1.20:41234/x/${TOKEN}/`)).toBeNull();
  });
});
