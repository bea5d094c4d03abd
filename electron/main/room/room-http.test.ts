import { describe, expect, it } from 'vitest';
import { roomRoute, sameToken } from './room-http.ts';

const TOKEN = 'Abcdefghijklmnopqrstu_';

describe('room routes', () => {
  it('sends the join address on to the page, and finds the page, its files and the socket', () => {
    expect(roomRoute(`/j/${TOKEN}`, TOKEN)).toEqual({ kind: 'join' });
    expect(roomRoute(`/j/${TOKEN}/`, TOKEN)).toEqual({ kind: 'file', path: 'index.html' });
    expect(roomRoute(`/j/${TOKEN}/?from=qr`, TOKEN)).toEqual({ kind: 'file', path: 'index.html' });
    expect(roomRoute(`/j/${TOKEN}/assets/app.js`, TOKEN)).toEqual({ kind: 'file', path: 'assets/app.js' });
    expect(roomRoute(`/j/${TOKEN}/ws`, TOKEN)).toEqual({ kind: 'socket' });
  });

  it('answers a wrong or missing token, or any other path, with nothing of the room', () => {
    expect(roomRoute(`/j/${TOKEN.slice(0, -1)}x/`, TOKEN)).toEqual({ kind: 'elsewhere', status: 403 });
    expect(roomRoute('/j/', TOKEN)).toEqual({ kind: 'elsewhere', status: 403 });
    expect(roomRoute('/', TOKEN)).toEqual({ kind: 'elsewhere', status: 404 });
    expect(roomRoute(`/x/j/${TOKEN}/`, TOKEN)).toEqual({ kind: 'elsewhere', status: 404 });
    expect(roomRoute(`http://evil/j/${TOKEN}/`, TOKEN)).toEqual({ kind: 'elsewhere', status: 404 });
  });

  it('compares tokens whole', () => {
    expect(sameToken(TOKEN, TOKEN)).toBe(true);
    expect(sameToken(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(sameToken('', TOKEN)).toBe(false);
  });
});
