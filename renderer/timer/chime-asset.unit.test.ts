import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CHIME_ASSET, CHIME_SAMPLE_RATE, chimeWav } from '../../test/docs/chime-wav.ts';

const wav = async () => {
  const bytes = new Uint8Array(await readFile(CHIME_ASSET));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  return { bytes, view, text };
};

describe('the chime shipped for the timer', () => {
  it('is a short 16-bit PCM mono WAV file, small enough to ship', async () => {
    const { bytes, view, text } = await wav();
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(CHIME_SAMPLE_RATE);
    expect(view.getUint16(34, true)).toBe(16);
    const samples = view.getUint32(40, true) / 2;
    expect(bytes.length).toBe(44 + samples * 2);
    expect(samples / CHIME_SAMPLE_RATE).toBeLessThanOrEqual(1.5);
    expect(bytes.length).toBeLessThan(70_000);
  });

  it('starts and ends in silence (no click) and never clips', async () => {
    const { view } = await wav();
    const samples = Array.from({ length: (view.byteLength - 44) / 2 }, (_, i) =>
      view.getInt16(44 + i * 2, true),
    );
    expect(Math.abs(samples[0] ?? 1)).toBeLessThan(100);
    expect(Math.abs(samples.at(-1) ?? 1)).toBeLessThan(100);
    const peak = Math.max(...samples.map(Math.abs));
    expect(peak).toBeGreaterThan(16_000);
    expect(peak).toBeLessThan(32_767);
  });

  it('is what `npm run assets:chime` writes (within a unit of rounding)', async () => {
    const { bytes } = await wav();
    const written = chimeWav();
    expect(bytes.subarray(0, 44)).toEqual(written.subarray(0, 44));
    const stored = new Int16Array(bytes.slice(44).buffer);
    const expected = new Int16Array(written.slice(44).buffer);
    expect(stored.length).toBe(expected.length);
    expect(stored.every((sample, i) => Math.abs(sample - (expected[i] ?? 0)) <= 1)).toBe(true);
  });
});
