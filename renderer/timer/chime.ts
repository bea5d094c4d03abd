import chimeUrl from '../../assets/sounds/chime.wav?url';

/**
 * The chime at zero: a sound file shipped with the app (assets/sounds, written by
 * test/docs/write-chime.ts), so it plays offline and under the CSP ('self' only). One audio
 * element, made when a timer is first shown so the sound is loaded before it is needed.
 */
let audio: HTMLAudioElement | null = null;

export const loadChime = (): HTMLAudioElement => {
  if (!audio) {
    audio = new Audio(chimeUrl);
    audio.preload = 'auto';
  }
  return audio;
};

export const playChime = (): void => {
  const chime = loadChime();
  chime.currentTime = 0;
  // A refused play (a browser tab the user never touched may not play sound) leaves the pulse.
  chime.play().catch(() => undefined);
};
