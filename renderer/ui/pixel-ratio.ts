/**
 * Calls `changed` whenever the window's device pixel ratio changes (moved to a screen of another
 * density, or zoomed by the browser), so what is drawn on a canvas can be drawn again, sharp
 * there; returns the function that stops watching. A media query matches one ratio only, so
 * each change watches the new one.
 */
export const onPixelRatioChange = (changed: () => void): (() => void) => {
  let ratio = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
  const ratioChanged = () => {
    ratio.removeEventListener('change', ratioChanged);
    ratio = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    ratio.addEventListener('change', ratioChanged);
    changed();
  };
  ratio.addEventListener('change', ratioChanged);
  return () => ratio.removeEventListener('change', ratioChanged);
};
