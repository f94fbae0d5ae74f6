import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { watchVisibility } from '../platform/visibility';

/** How long a value must stay unchanged before a section out of view catches up with it. */
export const OFFSCREEN_SETTLE_MS = 250;

/**
 * The value while the element is on screen; while it is out of view, the value it last showed,
 * until the value has stopped changing for `settleMs` or the element scrolls into view.
 *
 * A large portfolio's tables and charts can sit a screen or more below the slider being dragged:
 * re-rendering them on every tick is work nobody sees (the browser already skips their layout and
 * paint, content-visibility). They catch up once the drag pauses, so a reader who scrolls, prints
 * or reads them with a screen reader never finds them behind.
 */
export function useValueWhenSeen<T>(
  value: T,
  ref: RefObject<Element | null>,
  settleMs = OFFSCREEN_SETTLE_MS,
): T {
  const [visible, setVisible] = useState(true);
  const [shown, setShown] = useState(value);
  // The value on screen at the last commit: what stays shown when the element leaves the view.
  const committed = useRef(value);
  useEffect(() => {
    if (visible) committed.current = value;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return watchVisibility(element, (seen) => {
      if (!seen) setShown(committed.current);
      setVisible(seen);
    });
  }, [ref]);
  useEffect(() => {
    if (visible) return;
    const timer = setTimeout(() => setShown(value), settleMs);
    return () => clearTimeout(timer);
  }, [visible, value, settleMs]);
  return visible ? value : shown;
}
