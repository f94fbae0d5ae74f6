/**
 * Reports whether an element is on screen (or within `marginPx` of it), now and whenever that
 * changes. Where the browser has no IntersectionObserver (jsdom, very old browsers) the element
 * counts as always visible, so nothing waits on a report that never comes.
 */
export function watchVisibility(
  element: Element,
  onChange: (visible: boolean) => void,
  marginPx = 200,
): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    onChange(true);
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1];
      if (last) onChange(last.isIntersecting);
    },
    { rootMargin: `${marginPx}px 0px` },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
