import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * The width of a drawing's box in whole pixels (at least `min`), followed with a ResizeObserver
 * and measured before the first paint, so an SVG drawn to it does not jump. `follow: false` (a
 * test's fixed size; jsdom has no layout) keeps the 640 px starting guess.
 */
export function useBoxWidth(box: RefObject<Element | null>, min: number, follow = true): number {
  const [width, setWidth] = useState(640);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !follow) return;
    const measure = () => setWidth(Math.max(min, Math.round(el.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, min, follow]);
  return width;
}
