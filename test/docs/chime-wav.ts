import { fileURLToPath } from 'node:url';

/** The chime the timer plays at zero (renderer/timer/chime.ts); `npm run assets:chime` writes it. */
export const CHIME_ASSET = fileURLToPath(new URL('../../assets/sounds/chime.wav', import.meta.url));

export const CHIME_SAMPLE_RATE = 22_050;

const SECONDS = 1.3;

/**
 * A bell struck twice, a major third down (E6 then C6): a "ding-dong" heard over a room's chatter
 * without startling it. Each strike is a few partials with a bell's slightly stretched overtones,
 * the higher ones dying faster, after a 4 ms attack (no click).
 */
const STRIKES = [
  { at: 0, hz: 1318.5, gain: 0.8 },
  { at: 0.28, hz: 1046.5, gain: 1 },
] as const;
const PARTIALS = [
  { ratio: 1, gain: 1, decay: 0.45 },
  { ratio: 2.01, gain: 0.45, decay: 0.25 },
  { ratio: 3.02, gain: 0.18, decay: 0.16 },
  { ratio: 4.17, gain: 0.08, decay: 0.1 },
] as const;
const ATTACK = 0.004;
/** The last moments fade to silence, so the sound ends without a click. */
const FADE_OUT = 0.08;
/** The loudest sample, as a share of full scale: loud enough, with headroom against clipping. */
const PEAK = 0.7;

const sampleAt = (t: number): number => {
  let value = 0;
  for (const strike of STRIKES) {
    const since = t - strike.at;
    if (since < 0) continue;
    const attack = Math.min(1, since / ATTACK);
    for (const partial of PARTIALS)
      value +=
        strike.gain *
        partial.gain *
        attack *
        Math.exp(-since / partial.decay) *
        Math.sin(2 * Math.PI * strike.hz * partial.ratio * since);
  }
  return value * Math.min(1, (SECONDS - t) / FADE_OUT);
};

/** The chime as 16-bit PCM samples, mono. */
export const chimeSamples = (): Int16Array => {
  const raw = Float64Array.from({ length: Math.round(SECONDS * CHIME_SAMPLE_RATE) }, (_, i) =>
    sampleAt(i / CHIME_SAMPLE_RATE),
  );
  const loudest = raw.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  return Int16Array.from(raw, (value) => Math.round((value / loudest) * PEAK * 32_767));
};

/** A WAV file (RIFF, PCM) holding `samples`. */
export const wavFile = (samples: Int16Array, sampleRate: number): Uint8Array => {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(at + i, value.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per sample frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (const [i, sample] of samples.entries()) view.setInt16(44 + i * 2, sample, true);
  return bytes;
};

export const chimeWav = (): Uint8Array => wavFile(chimeSamples(), CHIME_SAMPLE_RATE);
