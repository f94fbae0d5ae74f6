/** The query parameters that belong to embed mode, dropped from the standalone address. */
const EMBED_PARAMS = ['embed', 'lock', 'panels', 'theme'];

/**
 * The standalone calculator's address for a scenario fragment: this page without the embed
 * parameters. Absolute, because it opens in a new tab from inside a wiki's iframe.
 */
export function standaloneAddress(fragment: string): string {
  const url = new URL(window.location.href);
  for (const name of EMBED_PARAMS) url.searchParams.delete(name);
  url.hash = fragment;
  return url.href;
}

/** The address of an embed of this page: `params` replace any embed parameters present. */
export function embedAddress(params: Readonly<Record<string, string>>, fragment: string): string {
  const url = new URL(window.location.href);
  for (const name of EMBED_PARAMS) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  url.hash = fragment;
  // Commas in `panels` read better unescaped, and are valid in a query.
  return url.href.replace(/%2C/gi, ',');
}

/** False when this copy runs from a file (file://), which a wiki cannot embed. */
export function isServedOverHttp(): boolean {
  try {
    return window.location.protocol === 'http:' || window.location.protocol === 'https:';
  } catch {
    return false;
  }
}
