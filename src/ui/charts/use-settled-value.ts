import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs` (immediately when `delayMs` is 0): lets a
 * secondary view skip the intermediate states of a slider drag.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delayMs <= 0) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return delayMs <= 0 ? value : settled;
}
