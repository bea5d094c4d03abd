import { useRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { useFullscreen } from './use-fullscreen.ts';

const Shown = ({ windowFullScreen }: { readonly windowFullScreen: (on: boolean) => void }) => {
  const element = useRef<HTMLDivElement>(null);
  useFullscreen(element, () => undefined, windowFullScreen);
  return <div ref={element}>present mode</div>;
};

describe('present mode full screen', () => {
  it('makes the window full screen through the shell where the page may not ask (no user gesture), and back on leaving', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const windowFullScreen = vi.fn();
    // Rendered from a script, as after a menu command: no user activation, so the page's own
    // requestFullscreen is refused.
    flushSync(() => root.render(<Shown windowFullScreen={windowFullScreen} />));
    await vi.waitFor(() => expect(windowFullScreen).toHaveBeenCalledExactlyOnceWith(true));
    expect(document.fullscreenElement).toBeNull();
    root.unmount();
    expect(windowFullScreen).toHaveBeenLastCalledWith(false);
    expect(windowFullScreen).toHaveBeenCalledTimes(2);
    host.remove();
  });

  it('leaves the window as it was when present mode ends before the page is refused', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const windowFullScreen = vi.fn();
    flushSync(() => root.render(<Shown windowFullScreen={windowFullScreen} />));
    root.unmount();
    // The refusal arrives after the view is gone.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(windowFullScreen).not.toHaveBeenCalled();
    host.remove();
  });
});
