import { type RefObject, useEffect, useState } from 'react';
import type { Size } from '../board/viewport.ts';

/** The element's size in whole CSS pixels, kept up to date (entering full screen resizes it). */
export const useElementSize = (element: RefObject<HTMLElement | null>): Size => {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    const measured = element.current;
    if (!measured) return;
    const update = () => {
      const { width, height } = measured.getBoundingClientRect();
      setSize((was) =>
        was.width === Math.floor(width) && was.height === Math.floor(height)
          ? was
          : { width: Math.floor(width), height: Math.floor(height) },
      );
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(measured);
    return () => observer.disconnect();
  }, [element]);
  return size;
};
