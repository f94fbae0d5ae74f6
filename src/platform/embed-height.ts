/**
 * The message an embed sends its parent page whenever its content height changes. It carries
 * nothing but the height (no scenario, no numbers), so it can go to any origin: the embed
 * cannot know the wiki's origin in advance. Documented in the README.
 *
 *   { type: 'llm-tco:height', height: 812 }   // CSS pixels, an integer
 */
export const HEIGHT_MESSAGE_TYPE = 'llm-tco:height';

/**
 * Reports `element`'s height to the parent frame, once now and again after each change. The
 * height measured is the content's own (not the viewport's), so a parent that sizes the iframe to
 * it does not feed back into it: there is no `100vh` in embed mode (STYLE pitfall 10).
 */
export function reportHeightToParent(element: HTMLElement): () => void {
  const target = parentFrame();
  if (!target || typeof ResizeObserver === 'undefined') return () => {};
  let last = -1;
  let frame = 0;
  const send = () => {
    frame = 0;
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    try {
      target.postMessage({ type: HEIGHT_MESSAGE_TYPE, height }, '*');
    } catch {
      // A parent that went away: nothing to tell.
    }
  };
  const observer = new ResizeObserver(() => {
    if (frame === 0) frame = requestAnimationFrame(send);
  });
  observer.observe(element);
  send();
  return () => {
    observer.disconnect();
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}

function parentFrame(): Window | null {
  try {
    return window.parent !== window ? window.parent : null;
  } catch {
    return null;
  }
}
