const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;

/**
 * Calls back once, on the user's first interaction with the page (pointer, key, wheel, touch or
 * focus). The interactive charts load then, so the first screen's main-thread work stays small.
 */
export function onFirstInteraction(callback: () => void): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    remove();
    callback();
  };
  const remove = () => EVENTS.forEach((e) => window.removeEventListener(e, fire, true));
  EVENTS.forEach((e) => window.addEventListener(e, fire, { capture: true, passive: true }));
  return remove;
}
