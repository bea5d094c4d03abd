import { useLayoutEffect, useRef } from 'react';
import { zoomReset } from '../../board/commands.ts';
import { shortcutLabel } from '../../board/shortcuts.ts';
import { boardStore } from '../../store/index.ts';
import { attachZoomLabel } from './zoom-label.ts';

export const labelWorker = (): Worker =>
  new Worker(new URL('./zoom-label.worker.ts', import.meta.url), { type: 'module' });

/**
 * The zoom in percent; a click sets it back to 100%. Its label follows the store without a
 * React render, and is drawn by a worker of its own (zoom-label.ts), so a zoom step asks the
 * window's thread for no layout, paint or commit.
 */
export const ZoomLevel = () => {
  const button = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (!button.current) return;
    return attachZoomLabel(button.current, boardStore, labelWorker);
  }, []);
  return (
    <button
      ref={button}
      type="button"
      className="zoom-level"
      title={`Reset zoom to 100% (${shortcutLabel('zoom-reset')})`}
      onClick={() => zoomReset(boardStore)}
    />
  );
};
