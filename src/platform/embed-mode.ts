/**
 * Whether the page was opened as an embed (`?embed=1`, DESIGN section 5), read once at start.
 * Kept tiny and separate: the entry module reads it before anything else loads.
 */
export function readEmbedSearch(): string | null {
  try {
    const search = window.location.search;
    return new URLSearchParams(search).get('embed') === '1' ? search : null;
  } catch {
    return null;
  }
}
